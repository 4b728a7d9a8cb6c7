import type { StarlightRouteData } from '@astrojs/starlight/route-data';

import type { NavPage } from './nav-page';

type SidebarGroup = Extract<StarlightRouteData['sidebar'][number], { type: 'group' }>;

const withoutSlash = (path: string) => path.replace(/\/+$/, '') || '/';

const byOrder = (a: NavPage, b: NavPage) =>
  a.order - b.order || a.label.localeCompare(b.label, 'ru');

/**
 * Sidebar groups, one per section in alphabetical order, each listing its pages by their order
 * then title; the page at `currentPath` is marked current.
 */
export const sectionGroups = (pages: NavPage[], currentPath: string): SidebarGroup[] => {
  const sections = new Map<string, NavPage[]>();
  for (const page of pages)
    sections.set(page.section, [...(sections.get(page.section) ?? []), page]);
  const current = withoutSlash(currentPath);
  return [...sections.keys()]
    .sort((a, b) => a.localeCompare(b, 'ru'))
    .map((section) => ({
      type: 'group',
      label: section,
      collapsed: false,
      badge: undefined,
      entries: sections
        .get(section)!
        .sort(byOrder)
        .map((page) => ({
          type: 'link',
          label: page.label,
          href: page.href,
          isCurrent: withoutSlash(page.href) === current,
          badge: undefined,
          attrs: {},
        })),
    }));
};
