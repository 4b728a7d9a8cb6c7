import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { requestByHost, type HostRequest } from '@vixenhealth/tooling/testing/host-request';

import { cachePages } from '../server/lib/cached-pages.mjs';
import { createPageCache } from '../server/lib/page-cache.mjs';
import { EXPORT_ID_HEADER, SITE_URL_HEADER } from '../src/lib/export-headers.mjs';

/**
 * Stands in for Astro's handler: answers by path, and counts what it rendered. `/slow` waits
 * for `gate` before it answers.
 */
const renders: string[] = [];
let gate = Promise.resolve();
const astro = (req: IncomingMessage, res: ServerResponse) => {
  renders.push(`${req.method} ${req.url}`);
  const path = (req.url ?? '/').split('?')[0];
  const page = `<h1>${req.headers['x-forwarded-proto'] ?? 'http'}://${req.headers.host}${path} #${renders.length}</h1>`;
  const send = (status: number, headers: Record<string, string> = {}) => {
    // As @astrojs/node writes a page: writeHead with every header, then the body in chunks.
    res.writeHead(status, { 'content-type': 'text/html', 'x-page': path, ...headers });
    res.write(page.slice(0, 10));
    res.end(page.slice(10));
  };
  if (path === '/slow') void gate.then(() => send(200));
  else if (path === '/cookie') send(200, { 'set-cookie': 'session=1' });
  else if (path === '/broken') send(500);
  else if (path === '/missing') send(404);
  else if (path === '/favicon.svg') send(200, { etag: '"1"' });
  else send(200);
};

const cache = createPageCache({ maxEntries: 5, maxBytes: 1_000_000, ttlMs: 60_000 });
let server: Server;
const ask = (request: Partial<HostRequest> = {}) =>
  requestByHost((server.address() as AddressInfo).port, {
    host: 'fox.localhost',
    path: '/',
    ...request,
  });

beforeAll(async () => {
  server = createServer(cachePages(astro, cache));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

beforeEach(() => {
  cache.clear();
  renders.length = 0;
});

describe('a page asked again', () => {
  it('is answered from memory, with its status and headers, to GET and HEAD', async () => {
    const first = await ask();
    expect(first.headers['cache-status']).toBe('clinic-sites; fwd=miss');
    const again = await ask();
    expect(again).toMatchObject({ status: 200, text: first.text });
    expect(again.headers).toMatchObject({
      'cache-status': 'clinic-sites; hit',
      'content-type': 'text/html',
      'x-page': '/',
      'content-length': String(Buffer.byteLength(first.text)),
    });
    const head = await ask({ method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, text: '' });
    expect(head.headers['cache-status']).toBe('clinic-sites; hit');
    expect(renders).toEqual(['GET /']);
  });

  it('is kept apart per Host and X-Forwarded-Proto, whatever its query', async () => {
    await ask();
    const other = await ask({ host: 'tail.localhost' });
    const withPort = await ask({ host: 'fox.localhost:4322' });
    const https = await ask({ headers: { 'x-forwarded-proto': 'https' } });
    expect(other.text).toContain('http://tail.localhost/');
    expect(withPort.text).toContain('http://fox.localhost:4322/');
    expect(https.text).toContain('https://fox.localhost/');
    const tracked = await ask({ path: '/?yclid=123' });
    expect(tracked.headers['cache-status']).toBe('clinic-sites; hit');
    expect(tracked.text).toContain('http://fox.localhost/ #1');
    expect(renders).toHaveLength(4);
  });

  it('is kept when it is a 404', async () => {
    await ask({ path: '/missing' });
    expect((await ask({ path: '/missing' })).headers['cache-status']).toBe('clinic-sites; hit');
  });
});

describe('what is never answered from memory', () => {
  it.each<[string, Partial<HostRequest>]>([
    ['a POST', { method: 'POST' }],
    ['the webhook', { method: 'GET', path: '/internal/purge-cache' }],
    ['a request with credentials', { headers: { authorization: 'Bearer token' } }],
    ['the exporter’s pages', { headers: { [EXPORT_ID_HEADER]: 'e1', [SITE_URL_HEADER]: 'x' } }],
  ])('%s: rendered every time', async (_name, request) => {
    for (let index = 0; index < 2; index += 1) {
      const answer = await ask(request);
      expect(answer.headers['cache-status']).toBeUndefined();
    }
    expect(renders).toHaveLength(2);
  });

  it.each([
    ['with a cookie', '/cookie'],
    ['answered 500', '/broken'],
    ['with validators (a static file)', '/favicon.svg'],
  ])('an answer %s: rendered every time', async (_name, path) => {
    await ask({ path });
    expect((await ask({ path })).headers['cache-status']).toBe('clinic-sites; fwd=miss');
    expect(renders).toHaveLength(2);
  });

  it('a page that began rendering before a purge, and ends after it', async () => {
    let release = () => {};
    gate = new Promise((resolve) => (release = resolve));
    const slow = ask({ path: '/slow' });
    await expect.poll(() => renders).toHaveLength(1);
    cache.clear();
    release();
    await slow;
    expect((await ask({ path: '/slow' })).headers['cache-status']).toBe('clinic-sites; fwd=miss');
  });
});

describe('many hosts and paths', () => {
  it('keep the cache within its bounds', async () => {
    for (let index = 0; index < 12; index += 1) {
      await ask({ host: `clinic-${index}.localhost`, path: `/page-${index}` });
    }
    expect(cache.size.entries).toBe(5);
    expect((await ask({ host: 'clinic-11.localhost', path: '/page-11' })).headers).toMatchObject({
      'cache-status': 'clinic-sites; hit',
    });
    expect((await ask({ host: 'clinic-0.localhost', path: '/page-0' })).headers).toMatchObject({
      'cache-status': 'clinic-sites; fwd=miss',
    });
  });
});
