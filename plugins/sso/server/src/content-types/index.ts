import adminLink from './admin-link/schema.json';
import client from './client/schema.json';
import credential from './credential/schema.json';
import department from './department/schema.json';
import emailToken from './email-token/schema.json';
import externalIdentity from './external-identity/schema.json';
import impersonation from './impersonation/schema.json';
import loginEvent from './login-event/schema.json';
import mailRequest from './mail-request/schema.json';
import oidcRecord from './oidc-record/schema.json';
import passkey from './passkey/schema.json';
import passkeyChallenge from './passkey-challenge/schema.json';
import position from './position/schema.json';
import rememberedDevice from './remembered-device/schema.json';
import secondFactor from './second-factor/schema.json';
import signingKey from './signing-key/schema.json';
import staffGroup from './staff-group/schema.json';
import staffMember from './staff-member/schema.json';
import tokenRevocation from './token-revocation/schema.json';

export default {
  'admin-link': { schema: adminLink },
  client: { schema: client },
  credential: { schema: credential },
  department: { schema: department },
  'email-token': { schema: emailToken },
  'external-identity': { schema: externalIdentity },
  impersonation: { schema: impersonation },
  'login-event': { schema: loginEvent },
  'mail-request': { schema: mailRequest },
  'oidc-record': { schema: oidcRecord },
  passkey: { schema: passkey },
  'passkey-challenge': { schema: passkeyChallenge },
  position: { schema: position },
  'remembered-device': { schema: rememberedDevice },
  'second-factor': { schema: secondFactor },
  'signing-key': { schema: signingKey },
  'staff-group': { schema: staffGroup },
  'staff-member': { schema: staffMember },
  'token-revocation': { schema: tokenRevocation },
};
