// `npm run id:rotate-keys`: replaces VixenHealth ID's signing keys now. The old keys stay in
// JWKS until every token they signed has expired; running servers switch within a minute.
import { withStrapi } from '../lib/with-strapi.mjs';

await withStrapi(async (strapi) => {
  await strapi.plugin('sso').service('signing-keys').rotate();
  console.log('Rotated the ID signing keys.');
});
