// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

// One server renders every clinic, which one coming from the Host header of each request. A
// clinic's static site is rendered through this same build (server/export-clinic.mjs).
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  vite: {
    // The API client, the shared components and the CMS's clinic-address module are sources in
    // the monorepo: bundle them.
    ssr: {
      noExternal: ['@vixenhealth/api-client', '@vixenhealth/site-ui', '@vixenhealth/cms'],
    },
  },
});
