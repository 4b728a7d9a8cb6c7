// The docs site in production (`npm start`, the container): serves a build of the site, and
// rebuilds its public pages when the CMS says a doc page was published (POST /_docs/rebuild with
// `Authorization: Bearer <DOCS_WEBHOOK_TOKEN>`).
import { timingSafeEqual } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { createRebuilds, loadBuild } from './server/rebuilds.mjs';

const REBUILD_PATH = '/_docs/rebuild';
const siteDir = import.meta.dirname;
const port = Number(process.env.PORT ?? 4323);
const host = process.env.HOST ?? '127.0.0.1';
const buildsDir = process.env.DOCS_BUILDS_DIR || path.join(siteDir, '..', 'var', 'docs-builds');

/** The newest complete rebuild (folders are named by time), else the build `npm start` made. */
const newestBuild = () => {
  const builds = existsSync(buildsDir) ? readdirSync(buildsDir).sort() : [];
  const newest = builds.at(-1);
  return newest ? path.join(buildsDir, newest) : path.join(siteDir, 'dist');
};

let handler = await loadBuild(newestBuild());
const rebuilds = createRebuilds({
  buildsDir,
  onBuilt: (built) => {
    handler = built;
  },
  log: (message) => console.log(message),
});

/** Only the CMS knows the token; without one configured, nobody may ask. */
const fromCms = (/** @type {http.IncomingMessage} */ req) => {
  const expected = Buffer.from(process.env.DOCS_WEBHOOK_TOKEN ?? '');
  const given = Buffer.from((req.headers.authorization ?? '').replace(/^Bearer /, ''));
  // Compared as bytes: timingSafeEqual throws on buffers of different lengths.
  return (
    expected.length > 0 && given.length === expected.length && timingSafeEqual(given, expected)
  );
};

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
const answer = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

const server = http.createServer((req, res) => {
  if (req.url?.split('?')[0] !== REBUILD_PATH) return handler(req, res);
  req.resume();
  if (req.method !== 'POST') return answer(res, 405, { error: { message: 'Use POST' } });
  if (!fromCms(req)) return answer(res, 401, { error: { message: 'A valid token is required' } });
  void rebuilds.request();
  answer(res, 202, { data: { rebuilding: true } });
});

server.listen(port, host, () => console.log(`docs: listening on http://${host}:${port}`));
// Pages published while the docs were down: the build served now may be older than the CMS.
if (process.env.DOCS_REBUILD_ON_START === 'true') void rebuilds.request();
