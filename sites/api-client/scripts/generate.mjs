// `npm run openapi`: writes the CMS's OpenAPI description (docs-site/openapi/cms.json) and the
// client's types of it. npm test fails while they differ from the CMS (src/__tests__/api-client.test.ts):
// run this after changing a route or a content type.
import { writeFileSync } from 'node:fs';

import { withStrapi } from '@vixenhealth/tooling/lib/with-strapi';

import { SPEC_FILE, TYPES_FILE, cmsOpenApi, specText, typesText } from './openapi.mjs';

await withStrapi(async (strapi) => {
  // Routes are mounted at listen(); the description is read from them.
  strapi.server.mount();
  const spec = await cmsOpenApi(strapi);
  writeFileSync(SPEC_FILE, specText(spec));
  writeFileSync(TYPES_FILE, await typesText(spec));
  console.log(`Wrote ${SPEC_FILE} and ${TYPES_FILE}.`);
});
