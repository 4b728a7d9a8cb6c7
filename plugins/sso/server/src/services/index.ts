import accessTokens from './access-tokens';
import adminAccess from './admin-access';
import accountSessions from './account-sessions';
import accounts from './accounts';
import clients from './clients';
import directorySync from './directory-sync';
import emailLinks from './email-links';
import externalIdentities from './external-identities';
import impersonations from '../impersonation/impersonations';
import loginHistory from './login-history';
import mailThrottle from './mail-throttle';
import mailer from './mailer';
import provider from './provider';
import recoveryCodes from '../second-factor/recovery';
import rememberedDevices from '../second-factor/remembered-devices';
import sealedBox from './sealed-box';
import signingKeys from './signing-keys';
import staffDirectory from './staff-directory';
import tokenRevocations from './token-revocations';
import totp from '../second-factor/totp';

export default {
  'access-tokens': accessTokens,
  'admin-access': adminAccess,
  'account-sessions': accountSessions,
  accounts,
  clients,
  'directory-sync': directorySync,
  'email-links': emailLinks,
  'external-identities': externalIdentities,
  impersonations,
  'login-history': loginHistory,
  'mail-throttle': mailThrottle,
  mailer,
  provider,
  'recovery-codes': recoveryCodes,
  'remembered-devices': rememberedDevices,
  'sealed-box': sealedBox,
  'signing-keys': signingKeys,
  'staff-directory': staffDirectory,
  'token-revocations': tokenRevocations,
  totp,
};
