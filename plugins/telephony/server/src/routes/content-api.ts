/** Telephony's public routes, under `/api/telephony`. */
export default {
  type: 'content-api',
  routes: [] as unknown[],
};
