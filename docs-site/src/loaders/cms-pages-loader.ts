import type { Loader } from 'astro/loaders';

import { listPages, readPage } from '../lib/cms-docs';
import { pageMarkdown } from '../lib/page-markdown';

/**
 * Starlight's loader of the repo's pages, followed by the CMS's public pages (those the CMS
 * serves to anyone), rendered from their Markdown at build time. A CMS out of reach fails the
 * build: a docs site silently missing the editors' pages would be worse than the last good one.
 * `DOCS_CMS_PAGES=off` leaves them out, for type checks (`astro check`) without a CMS.
 */
export const withCmsPages = (repo: Loader): Loader => ({
  name: 'vixenhealth-docs',
  async load(context) {
    await repo.load(context);
    if (process.env.DOCS_CMS_PAGES === 'off') return;
    const pages = await listPages(null);
    for (const summary of pages.filter((page) => page.audience === 'public')) {
      if (context.store.has(summary.slug)) {
        context.logger.warn(`CMS page "${summary.slug}" is shadowed by the repo's page`);
        continue;
      }
      const page = await readPage(summary.slug, null);
      if (!page) continue;
      const data = await context.parseData({
        id: page.slug,
        data: {
          title: page.title,
          description: page.description || undefined,
          section: page.section,
          sidebar: { order: page.order },
          lastUpdated: new Date(page.updatedAt),
        },
      });
      context.store.set({
        id: page.slug,
        data,
        body: page.body,
        rendered: await context.renderMarkdown(pageMarkdown(page)),
        digest: context.generateDigest(JSON.stringify(page)),
      });
    }
  },
});
