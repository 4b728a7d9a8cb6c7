import deskAccess from './desk-access';

export default { 'desk-access': deskAccess };
