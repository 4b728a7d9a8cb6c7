import deskCalls from './desk-calls';

export default {
  'desk-calls': deskCalls,
};
