// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

// One server renders every clinic: which one comes from the Host header of each request.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  vite: {
    // The API client is TypeScript source in the monorepo: bundle it.
    ssr: { noExternal: ['@vixenhealth/api-client'] },
  },
});
