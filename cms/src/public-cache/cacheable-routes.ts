import type { Core, UID } from '@strapi/strapi';

import { reviewRoutes } from '../api/review/routes/review';
import { PUBLIC_READ_ACTIONS } from '../public-content/public-permissions';
import type { DeclaredRoutes } from '../routes/declared-route';
import { contentApiPathPattern } from '../routes/route-pattern';
import { answerTags } from './answer-tags';

/** A GET of the Content API, and whether (and under which tags) its anonymous answer is cached. */
interface RouteEntry {
  pattern: RegExp;
  /** As the router names it (`/api/clinics/:id`), for the request metrics of a cached answer. */
  template: string;
  /** Undefined for a route that needs a sign-in: its answers are personal. */
  tags: string[] | undefined;
}

/** Routes the app declares itself, in the order Strapi's router tries them. */
const DECLARED: DeclaredRoutes[] = [reviewRoutes];

const uidOf = (action: string) => action.slice(0, action.lastIndexOf('.')) as UID.ContentType;

/**
 * The public reads of the Content API: the core `find`/`findOne` routes of the public content
 * types and the public GET routes declared with the app's own controllers. A request is matched
 * like Strapi's router would: the first route whose path fits decides.
 */
export const cacheableRoutes = (strapi: Core.Strapi) => {
  const entries: RouteEntry[] = [];

  for (const { controller, routes } of DECLARED) {
    const tags = answerTags(strapi, controller as UID.ContentType);
    for (const route of routes.filter((candidate) => candidate.method === 'GET')) {
      entries.push({
        pattern: contentApiPathPattern(route.path),
        template: `/api${route.path}`,
        tags: route.access === 'public' ? tags : undefined,
      });
    }
  }

  const declaredControllers = new Set<string>(DECLARED.map((declared) => declared.controller));
  const coreReaders = new Set(
    PUBLIC_READ_ACTIONS.filter((action) => action.endsWith('.find'))
      .map(uidOf)
      .filter((uid) => !declaredControllers.has(uid))
  );
  for (const uid of coreReaders) {
    const { pluralName } = strapi.contentTypes[uid].info;
    const tags = answerTags(strapi, uid);
    for (const path of [`/${pluralName}`, `/${pluralName}/:id`]) {
      entries.push({ pattern: contentApiPathPattern(path), template: `/api${path}`, tags });
    }
  }

  return {
    /** The route of a cacheable anonymous GET of `path`, or undefined when it is not one. */
    match: (path: string): { tags: string[]; template: string } | undefined => {
      const entry = entries.find((candidate) => candidate.pattern.test(path));
      return entry?.tags && { tags: entry.tags, template: entry.template };
    },
    /** Every content type some public answer depends on: the changes worth purging for. */
    watchedTypes: () => new Set(entries.flatMap((entry) => entry.tags ?? [])),
  };
};

export type CacheableRoutes = ReturnType<typeof cacheableRoutes>;
