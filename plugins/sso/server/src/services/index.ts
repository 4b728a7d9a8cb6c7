import accessTokens from './access-tokens';
import accountSessions from './account-sessions';
import accounts from './accounts';
import clients from './clients';
import emailLinks from './email-links';
import impersonations from '../impersonation/impersonations';
import loginHistory from './login-history';
import mailer from './mailer';
import provider from './provider';
import sealedBox from './sealed-box';
import signingKeys from './signing-keys';
import staffDirectory from './staff-directory';
import tokenRevocations from './token-revocations';

export default {
  'access-tokens': accessTokens,
  'account-sessions': accountSessions,
  accounts,
  clients,
  'email-links': emailLinks,
  impersonations,
  'login-history': loginHistory,
  mailer,
  provider,
  'sealed-box': sealedBox,
  'signing-keys': signingKeys,
  'staff-directory': staffDirectory,
  'token-revocations': tokenRevocations,
};
