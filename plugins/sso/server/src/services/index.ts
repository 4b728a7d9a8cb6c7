import accessTokens from './access-tokens';
import accountSessions from './account-sessions';
import accounts from './accounts';
import clients from './clients';
import emailLinks from './email-links';
import loginHistory from './login-history';
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
  'account-sessions': accountSessions,
  accounts,
  clients,
  'email-links': emailLinks,
  'login-history': loginHistory,
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
