import { createHash } from 'node:crypto';

import type { VisibilityClass } from './caller-visibility';

const decode = (text: string) => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
};

/**
 * The query's parameters, decoded and sorted by name: `?a=1&b=2` and `?b=2&a=1` are one answer.
 * The sort is stable, so repeated parameters keep their order (`sort=a&sort=b` is not
 * `sort=b&sort=a`). Written as JSON, so a decoded `&` or `=` cannot forge another query.
 */
const normalisedQuery = (querystring: string) =>
  JSON.stringify(
    querystring
      .split('&')
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=');
        return at === -1
          ? [decode(pair), '']
          : [decode(pair.slice(0, at)), decode(pair.slice(at + 1))];
      })
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  );

/**
 * The key of an answer: everything that changes it — the path, the query (filters, populate,
 * locale, pagination...), the caller's visibility class (the public, or a class of API tokens) and
 * the `Origin` (CORS headers answer it). Hashed, so a long query makes a short key.
 */
export const cacheKey = (
  visibility: VisibilityClass,
  request: { path: string; querystring: string; origin: string }
) =>
  createHash('sha256')
    .update(JSON.stringify([visibility, request.origin, request.path]))
    .update(normalisedQuery(request.querystring))
    .digest('base64url');
