// @ts-check
// A new Astro app that signs readers in with VixenHealth ID by mounting @vixenhealth/id-web as
// its README says (the docs site's case): built and served by `../app-mount.test.ts`.
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  security: { checkOrigin: true, allowedDomains: [{ hostname: 'localhost' }] },
  vite: { ssr: { noExternal: ['@vixenhealth/id-web'], external: ['@vixenhealth/sso'] } },
});
