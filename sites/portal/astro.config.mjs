// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

/** Where visitors reach the portal (`.env`); read when building. */
const portalUrl = new URL(process.env.PORTAL_URL || 'http://localhost:4321');

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  security: {
    // Every form posts to the portal itself: Astro refuses a cross-site form POST (403) by
    // comparing its Origin header with the request's origin. On by default for server output;
    // said here so that nobody turns it off without seeing that the forms rely on it.
    checkOrigin: true,
    // Astro builds the request's origin from the Host header only for these hosts (any port,
    // any scheme, so http on a development port and https behind a proxy both work); for any
    // other Host it assumes `http://localhost`, whose origin no browser sends, and every form
    // post would be refused. A new host name for PORTAL_URL needs a new build.
    allowedDomains: [{ hostname: portalUrl.hostname }],
  },
  build: {
    // Styles as files, never inline: the Content-Security-Policy (src/lib/security-headers.ts)
    // allows styles from the portal itself only.
    inlineStylesheets: 'never',
  },
  vite: {
    // The API client, the CMS's contracts and clinic-address module, the shared components and
    // the sign-in are sources in the monorepo: bundle them.
    // The Support desk's contracts and ID's token verifier (which the sign-in uses) are compiled
    // to CommonJS (the plugins run in Strapi): Node loads them at run time, as it loads any
    // package, since Rollup would not see their exports.
    ssr: {
      noExternal: [
        '@vixenhealth/api-client',
        '@vixenhealth/cms',
        '@vixenhealth/site-ui',
        '@vixenhealth/id-web',
      ],
      external: ['@vixenhealth/support', '@vixenhealth/metrics', '@vixenhealth/sso'],
    },
    build: {
      // Scripts as files, never inline, like the styles: the CSP allows `script-src 'self'` only.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
  },
});
