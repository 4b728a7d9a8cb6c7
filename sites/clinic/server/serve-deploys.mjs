// Serves clinics' static deploys by Host: `<subdomain>.<SITES_BASE_DOMAIN>` from
// `<dir>/sites/<subdomain>/current`, a clinic's own domain from `<dir>/domains/<host>/current`.
// `current` is a symbolic link the CMS's deploys replace atomically; it is resolved per request,
// so a new deploy is live with the next request. In production a CDN or nginx does this job.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

import { clinicHostOf } from '@vixenhealth/cms/clinic-address';

import { withSiteHeaders } from './lib/site-headers.mjs';

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Answers 204 while the server runs (docker-compose.yml's health check). */
export const HEALTH_PATH = '/_health';

const NO_SITE = `<!doctype html><html lang="ru"><meta charset="utf-8"><title>Сайт не найден</title>
<main><h1>Сайт не найден</h1><p>По этому адресу нет опубликованного сайта клиники.</p></main></html>`;

/**
 * The folder of the live deploy for `host`, or null when it names no clinic.
 * @param {string} dir
 * @param {string} baseDomain
 * @param {string} host
 */
const siteFolderOf = (dir, baseDomain, host) => {
  const clinic = clinicHostOf(host, baseDomain);
  if (!clinic) return null;
  return 'subdomain' in clinic
    ? path.join(dir, 'sites', clinic.subdomain, 'current')
    : path.join(dir, 'domains', clinic.customDomain, 'current');
};

/**
 * The file a URL path names inside `root`: the file itself, or `index.html` of a folder. Never
 * anything outside `root`, however the path is spelled.
 * @param {string} root
 * @param {string} urlPath
 */
const fileFor = async (root, urlPath) => {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = path.join(root, path.normalize(decoded));
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  for (const file of [candidate, path.join(candidate, 'index.html')]) {
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) return { file, size: info.size };
  }
  return null;
};

/**
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {{ file: string, size: number }} found
 * @param {boolean} head
 */
const sendFile = (response, status, found, head) => {
  const type = TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream';
  response.writeHead(status, {
    'content-type': type,
    'content-length': found.size,
    'x-content-type-options': 'nosniff',
    // Built assets carry a content hash in their names; pages change with every deploy.
    'cache-control': found.file.includes(`${path.sep}_astro${path.sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
  });
  if (head) response.end();
  else createReadStream(found.file).pipe(response);
};

/**
 * Starts the static server.
 * @param {{ dir: string, port: number, host?: string, baseDomain?: string }} options
 * @returns {Promise<import('node:http').Server>}
 */
export const serveDeploys = ({ dir, port, host = '127.0.0.1', baseDomain = 'localhost' }) => {
  const server = createServer(
    withSiteHeaders(async (request, response) => {
      const head = request.method === 'HEAD';
      if (request.method !== 'GET' && !head) {
        response.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      // For the container's health check: no clinic's files, whatever the Host.
      if (request.url === HEALTH_PATH) {
        response.writeHead(204).end();
        return;
      }
      try {
        const folder = siteFolderOf(dir, baseDomain, request.headers.host ?? '');
        const root = folder && (await realpath(folder).catch(() => null));
        if (!root) {
          response
            .writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
            .end(head ? '' : NO_SITE);
          return;
        }
        const urlPath = new URL(request.url ?? '/', 'http://static').pathname;
        const found = await fileFor(root, urlPath);
        if (found) return sendFile(response, 200, found, head);
        const notFound = await fileFor(root, '/404.html');
        if (notFound) return sendFile(response, 404, notFound, head);
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      } catch {
        response
          .writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
          .end('Server error');
      }
    })
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
};
