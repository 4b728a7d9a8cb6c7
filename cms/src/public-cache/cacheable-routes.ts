import type { Core, UID } from '@strapi/strapi';

import { reviewRoutes } from '../api/review/routes/review';
import { PUBLIC_READ_ACTIONS } from '../public-content/public-permissions';
import type { DeclaredRoutes } from '../routes/declared-route';
import { contentApiPathPattern } from '../routes/route-pattern';
import { answerTags } from './answer-tags';

/** A GET of the Content API, and whether (and under which tags) its anonymous answer is cached. */
interface RouteEntry {
  pattern: RegExp;
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
    entries.push({ pattern: contentApiPathPattern(`/${pluralName}`), tags });
    entries.push({ pattern: contentApiPathPattern(`/${pluralName}/:id`), tags });
  }

  return {
    /** The tags of a cacheable anonymous GET of `path`, or undefined when it is not one. */
    tagsOf: (path: string): string[] | undefined =>
      entries.find((entry) => entry.pattern.test(path))?.tags,
    /** Every content type some public answer depends on: the changes worth purging for. */
    watchedTypes: () => new Set(entries.flatMap((entry) => entry.tags ?? [])),
  };
};

export type CacheableRoutes = ReturnType<typeof cacheableRoutes>;
