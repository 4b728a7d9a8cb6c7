// @ts-check
import node from '@astrojs/node';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import starlightOpenAPI, { openAPISidebarGroups } from 'starlight-openapi';

import { pageMarkdownRules } from './src/markdown/page-markdown-rules.mjs';

/** Where readers reach the docs (`.env`); read when building. */
const docsUrl = new URL(process.env.DOCS_URL || 'http://localhost:4323');

// Public pages (the `docs` collection: the repo's Markdown and the CMS's public pages, and the
// API reference) are prerendered, indexed by Pagefind and served as files. Private pages
// (`src/pages/private/`) are rendered on request, after an ID sign-in, for those who may read them.
export default defineConfig({
  site: docsUrl.origin,
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  security: {
    checkOrigin: true,
    allowedDomains: [{ hostname: docsUrl.hostname }],
  },
  markdown: {
    // Editors write the CMS's pages: raw HTML as text, the title the only h1.
    remarkPlugins: [pageMarkdownRules],
  },
  integrations: [
    starlight({
      title: 'VixenHealth Docs',
      description: 'Документация VixenHealth: пациентам, клиникам, разработчикам и поддержке',
      defaultLocale: 'root',
      locales: { root: { label: 'Русский', lang: 'ru' } },
      logo: { src: './src/assets/logo.svg', replacesTitle: false },
      customCss: ['./src/styles/docs.css'],
      routeMiddleware: './src/navigation/route-data.ts',
      components: {
        SocialIcons: './src/components/Account.astro',
        MarkdownContent: './src/components/MarkdownContent.astro',
      },
      plugins: [
        starlightOpenAPI([
          {
            base: 'api',
            schema: './openapi/cms.json',
            sidebar: { label: 'API CMS', collapsed: true },
          },
        ]),
      ],
      sidebar: [
        { label: 'Начало', items: [{ label: 'О документации', link: '/' }] },
        { label: 'Руководства', autogenerate: { directory: 'guides' } },
        ...openAPISidebarGroups,
      ],
    }),
  ],
  vite: {
    // The API client, the CMS's docs contracts and audience rule, and the sign-in are sources in
    // the monorepo: bundle them. ID's token verifier is compiled to CommonJS (the plugin runs in
    // Strapi): Node loads it at run time.
    ssr: {
      noExternal: ['@vixenhealth/api-client', '@vixenhealth/cms', '@vixenhealth/id-web'],
      external: ['@vixenhealth/sso'],
    },
  },
});
