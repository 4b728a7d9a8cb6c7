/** The metrics' public routes, under `/api/metrics`. */
export default {
  type: 'content-api',
  routes: [] as unknown[],
};
