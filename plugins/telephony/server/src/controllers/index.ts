import sipAccounts from '../sip-accounts/controller';

export default { 'sip-accounts': sipAccounts };
