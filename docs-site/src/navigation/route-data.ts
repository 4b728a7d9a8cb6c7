import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { getCollection } from 'astro:content';

import type { NavPage } from './nav-page';
import { sectionGroups } from './section-groups';

/** The CMS's public pages: the docs entries that carry a section. */
const cmsPublicPages = async (): Promise<NavPage[]> =>
  (await getCollection('docs'))
    .filter((entry) => entry.data.section)
    .map((entry) => ({
      label: entry.data.title,
      href: `/${entry.id}/`,
      section: entry.data.section!,
      order: entry.data.sidebar.order ?? 0,
    }));

/**
 * One navigation for every page: the configured groups (guides, API), the CMS's public pages by
 * section after the guides, and on a private page the private pages its reader may see
 * (`locals.privateNavigation`, set by that page). Public pages are prerendered, so theirs is the
 * same for everyone; nothing private is ever in it.
 */
export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  const pages = [...(await cmsPublicPages()), ...(context.locals.privateNavigation ?? [])];
  const afterGuides = route.sidebar.findIndex((entry) => entry.label === 'Руководства') + 1;
  route.sidebar.splice(afterGuides, 0, ...sectionGroups(pages, context.url.pathname));
});
