// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

const vite = {
  // The API client is TypeScript source in the monorepo: bundle it.
  ssr: { noExternal: ['@vixenhealth/api-client'] },
};

// Served: one server renders every clinic, which one coming from the Host header of each
// request. Static (`npm run build:clinic -- <slug>` sets STATIC_CLINIC): one clinic's whole site
// as files, in STATIC_OUT_DIR.
export default process.env.STATIC_CLINIC
  ? defineConfig({
      output: 'static',
      outDir: process.env.STATIC_OUT_DIR ?? `./dist-static/${process.env.STATIC_CLINIC}`,
      vite,
    })
  : defineConfig({ output: 'server', adapter: node({ mode: 'standalone' }), vite });
