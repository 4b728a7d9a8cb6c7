import { EXPORT_ID_HEADER, SITE_URL_HEADER } from '../../src/lib/export-headers.mjs';

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */
/** @typedef {(req: Request, res: Response) => void} Handler */

/** Says where an answer came from (RFC 9211): operators and tests can tell a hit. */
const CACHE_STATUS = 'cache-status';
const HIT = 'clinic-sites; hit';
const MISS = 'clinic-sites; fwd=miss';

/** A page larger than this is sent, not kept: the cache holds pages, not downloads. */
const MAX_PAGE_BYTES = 1024 * 1024;

/** Answers that are the same for every visitor of a host and path. */
const KEPT_STATUSES = new Set([200, 404]);

/**
 * Whether the cache may answer `req`, or keep what it is answered: a visitor's GET or HEAD of a
 * public page. Never the CMS's webhook or anything else under `/internal/`, and never a request
 * with credentials or the exporter's headers: an export renders afresh, for its own site URL.
 * @param {Request} req
 */
const isCacheable = (req) =>
  (req.method === 'GET' || req.method === 'HEAD') &&
  req.url !== undefined &&
  req.url.startsWith('/') &&
  !req.url.startsWith('/internal/') &&
  req.headers.authorization === undefined &&
  req.headers[EXPORT_ID_HEADER] === undefined &&
  req.headers[SITE_URL_HEADER] === undefined;

/**
 * Everything of a request a page's HTML depends on: the Host and `X-Forwarded-Proto` headers as
 * sent (absolute links, canonical and sitemap, are made of them) and the path. Not the query: no
 * page reads it, and ad clicks add a new one each (`?yclid=…`); a page that comes to read it
 * needs it added here.
 * @param {Request} req
 */
const keyOf = ({ url = '/', headers }) => {
  const query = url.indexOf('?');
  return `${headers['x-forwarded-proto'] ?? ''}\n${headers.host ?? ''}\n${query === -1 ? url : url.slice(0, query)}`;
};

/**
 * Collects the body `res` sends, until `MAX_PAGE_BYTES`, by wrapping its `write` and `end`.
 * @param {Response} res
 * @returns {() => Buffer | undefined} the whole body once sent; undefined if it was too large
 */
const collectBody = (res) => {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  /** @param {unknown[]} args what was passed to `write` or `end`: a chunk first, if any */
  const collect = ([chunk, encoding]) => {
    if (size > MAX_PAGE_BYTES) return;
    const buffer =
      typeof chunk === 'string'
        ? Buffer.from(
            chunk,
            /** @type {BufferEncoding} */ (typeof encoding === 'string' ? encoding : 'utf8')
          )
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
          : undefined; // end() or end(callback)
    if (!buffer) return;
    chunks.push(buffer);
    size += buffer.length;
  };
  const { write, end } = res;
  res.write = /** @type {Response['write']} */ (
    (/** @type {Parameters<Response['write']>} */ ...args) => {
      collect(args);
      return write.apply(res, args);
    }
  );
  res.end = /** @type {Response['end']} */ (
    (/** @type {Parameters<Response['end']>} */ ...args) => {
      collect(args);
      return end.apply(res, args);
    }
  );
  return () => (size > MAX_PAGE_BYTES ? undefined : Buffer.concat(chunks));
};

/**
 * Whether an answer, completely sent, may be kept: 200 or 404, and nothing of one visitor's
 * (cookies). Nor one with validators (the static files' ETag and Last-Modified): the cache
 * answers no conditional or range request, the static file handler behind it does.
 * @param {Response} res
 */
const isKeepable = (res) =>
  KEPT_STATUSES.has(res.statusCode) &&
  !res.hasHeader('set-cookie') &&
  !res.hasHeader('etag') &&
  !res.hasHeader('last-modified');

/**
 * Renders `req` with `handler` and keeps the page under `key` once completely sent, if it may
 * be kept: a GET's answer that {@link isKeepable}, rendered since the last purge.
 * @param {Handler} handler
 * @param {import('./page-cache.mjs').PageCache} cache
 * @param {string} key
 * @param {Request} req
 * @param {Response} res
 */
const renderAndKeep = (handler, cache, key, req, res) => {
  const since = cache.epoch;
  // Set before the handler runs, a header also makes Node keep those the handler passes to
  // writeHead() where getHeaders() reads them (otherwise they go straight to the socket).
  res.setHeader(CACHE_STATUS, MISS);
  const body = req.method === 'GET' ? collectBody(res) : undefined;
  res.on('finish', () => {
    const page = body?.();
    if (!page || !isKeepable(res)) return;
    const headers = { ...res.getHeaders(), [CACHE_STATUS]: HIT, 'content-length': page.length };
    cache.set(key, { status: res.statusCode, headers, body: page }, since);
  });
  handler(req, res);
};

/**
 * `handler` (the build's `@astrojs/node` handler) behind `cache`: a visitor's page is rendered
 * once per host, path and TTL, and sent again from memory until the TTL ends or a purge.
 *
 * Here rather than in an Astro middleware, because a middleware's hit still pays for the
 * adapter's static file lookup, the Web Request and Response, routing and Astro's render
 * pipeline: about 0.11 of the `node:http` baseline in `sites-ssr-home`, where the target is 0.3.
 *
 * @example
 * ```js
 * const cache = createPageCache({ maxEntries: 5000, maxBytes: 64 * 2 ** 20, ttlMs: 60_000 });
 * http.createServer(cachePages(await loadAstroHandler(), cache)).listen(4322);
 * ```
 * @param {Handler} handler
 * @param {import('./page-cache.mjs').PageCache} cache
 * @returns {Handler}
 */
export const cachePages = (handler, cache) => (req, res) => {
  if (!isCacheable(req)) return handler(req, res);
  const key = keyOf(req);
  const page = cache.get(key);
  if (!page) return renderAndKeep(handler, cache, key, req, res);
  res.writeHead(page.status, page.headers);
  res.end(page.body);
};
