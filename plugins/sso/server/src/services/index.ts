import accounts from './accounts';
import clients from './clients';
import loginHistory from './login-history';
import provider from './provider';
import sealedBox from './sealed-box';
import signingKeys from './signing-keys';

export default {
  accounts,
  clients,
  'login-history': loginHistory,
  provider,
  'sealed-box': sealedBox,
  'signing-keys': signingKeys,
};
