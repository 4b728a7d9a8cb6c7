// `npm run types:generate`: writes Strapi's types of the content types and components into
// cms/types/generated/. npm test fails while they differ from the schemas
// (cms/types/__tests__/generated-types.test.ts): run this then. `npm run dev` rewrites them too.
import { generateTypes, TYPES_DIR } from '../lib/generated-types.mjs';
import { withStrapi } from '../lib/with-strapi.mjs';

await withStrapi(async (strapi) => {
  await generateTypes(strapi);
  console.log(`Wrote ${TYPES_DIR}/generated/.`);
});
