import client from './client/schema.json';
import credential from './credential/schema.json';
import emailToken from './email-token/schema.json';
import loginEvent from './login-event/schema.json';
import oidcRecord from './oidc-record/schema.json';
import signingKey from './signing-key/schema.json';
import tokenRevocation from './token-revocation/schema.json';

export default {
  client: { schema: client },
  credential: { schema: credential },
  'email-token': { schema: emailToken },
  'login-event': { schema: loginEvent },
  'oidc-record': { schema: oidcRecord },
  'signing-key': { schema: signingKey },
  'token-revocation': { schema: tokenRevocation },
};
