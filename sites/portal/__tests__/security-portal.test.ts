import { request } from 'node:http';

import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freeLoopbackPort } from '@vixenhealth/tooling/lib/free-port';
import { startPortal } from '@vixenhealth/tooling/lib/portal-site';
import { waitForHttp } from '@vixenhealth/tooling/lib/wait-for-http';
import type { IdTest } from '@vixenhealth/tooling/testing/id-test';
import { registerPerson } from '@vixenhealth/tooling/testing/people';

import { signInAtId } from '@vixenhealth/tooling/testing/id-browser';
import { startPortalUnderTest, type PortalUnderTest } from './support/portal-under-test';

let portal: PortalUnderTest;
let id: IdTest;
let portalUrl: string;
let context: BrowserContext;
let page: Page;
let sessionCookie: string;

/** Hosts a test may reach: this machine only. */
const isLoopback = (url: string) =>
  ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);

/** Every request the browser tried to send off this machine (and was stopped from sending). */
const offMachine: string[] = [];

beforeAll(async () => {
  portal = await startPortalUnderTest();
  ({ id, portalUrl } = portal);
  context = await portal.browser.newContext();
  await context.route('**/*', (route) => {
    if (isLoopback(route.request().url())) return route.continue();
    offMachine.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  const person = await registerPerson(id, 'Пётр Проверкин');
  await page.goto(`${portalUrl}/auth/sign-in?returnTo=/`);
  await signInAtId(page, { issuer: id.issuer, portalUrl }, person);
  const cookie = (await context.cookies(portalUrl)).find((entry) => entry.name === 'vh_session');
  sessionCookie = `vh_session=${cookie!.value}`;
}, 180_000);

afterAll(async () => {
  await context?.close();
  await portal?.stop();
});

describe('signing in with a return path that leaves the portal', () => {
  it('ends on the portal for the probe’s /..//evil.example/phish, with ID answering at once', async () => {
    const locations: string[] = [];
    const onResponse = (response: { url(): string; headers(): Record<string, string> }) => {
      if (response.url().startsWith(`${portalUrl}/auth/callback`)) {
        locations.push(response.headers().location);
      }
    };
    page.on('response', onResponse);
    try {
      await page.goto(`${portalUrl}/auth/sign-in?returnTo=/..//evil.example/phish`).catch(() => {
        // A navigation off the machine is aborted: what matters is where it went, below.
      });
    } finally {
      page.off('response', onResponse);
    }
    expect(locations).toEqual(['/']);
    expect(new URL(page.url()).origin).toBe(new URL(portalUrl).origin);
    expect(offMachine.filter((url) => url.includes('evil.example'))).toEqual([]);
  });
});

/** Streams `total` bytes in 1 MB chunks and stops as soon as the server answers. */
const postLarge = (
  path: string,
  { total, chunked }: { total: number; chunked: boolean }
): Promise<{ status: number; body: string; sent: number }> =>
  new Promise((resolve, reject) => {
    const { port } = new URL(portalUrl);
    const boundary = 'vh-large-body';
    let sent = 0;
    let answered = false;
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: {
        host: `localhost:${port}`,
        origin: portalUrl,
        cookie: sessionCookie,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...(chunked ? {} : { 'content-length': String(total) }),
      },
    });
    req.on('response', (response) => {
      answered = true;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => {
        req.destroy();
        resolve({ status: response.statusCode ?? 0, body, sent });
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="big.mp4"\r\nContent-Type: video/mp4\r\n\r\n`
    );
    req.write(head);
    sent += head.length;
    const pump = () => {
      while (!answered && !req.destroyed && sent < total) {
        const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (!answered && !req.destroyed) req.end();
    };
    pump();
  });

/**
 * {@link postLarge}, again when the connection was reset before the answer could be read: the
 * portal closes it right after answering, and a client still writing may see EPIPE or
 * ECONNRESET first. A portal that never answers 413 still fails every try.
 */
const postLargeAnswered = async (
  path: string,
  body: { total: number; chunked: boolean },
  tries = 3
): Promise<Awaited<ReturnType<typeof postLarge>>> => {
  try {
    return await postLarge(path, body);
  } catch (error) {
    const reset = ['EPIPE', 'ECONNRESET'].includes((error as { code?: string }).code ?? '');
    if (!reset || tries <= 1) throw error;
    return postLargeAnswered(path, body, tries - 1);
  }
};

describe('a review form posted with 40 MB', () => {
  const FORTY_MB = 40 * 1024 * 1024;

  it.each([
    ['with its Content-Length', false],
    ['chunked, without a length', true],
  ])('is refused with 413 before it is read, %s', async (_, chunked) => {
    const answer = await postLargeAnswered('/clinics/lisya-tropa/review', {
      total: FORTY_MB,
      chunked,
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('слишком');
    expect(answer.sent).toBeLessThan(FORTY_MB);
  });
});

describe('the portal’s response headers', () => {
  const headersOf = async (path: string, cookie?: string) => {
    const response = await fetch(`${portalUrl}${path}`, {
      redirect: 'manual',
      headers: cookie ? { cookie } : {},
    });
    await response.arrayBuffer();
    return response.headers;
  };

  it.each([
    '/',
    '/clinics',
    '/clinics/lisya-tropa',
    '/no-such-page',
    '/auth/sign-in',
    '/robots.txt',
  ])('forbid framing, sniffing and leaking the address on %s', async (path) => {
    const headers = await headersOf(path);
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each(['/', '/clinics/lisya-tropa/review', '/cabinet'])(
    'keep %s out of every cache when a person is signed in',
    async (path) => {
      expect((await headersOf(path, sessionCookie)).get('cache-control')).toBe('no-store');
    }
  );

  it('keep the sign-in callback out of every cache', async () => {
    expect((await headersOf('/auth/callback?code=x&state=y')).get('cache-control')).toBe(
      'no-store'
    );
  });
});

describe('the portal’s pages under its Content-Security-Policy', () => {
  it.each([
    '/',
    '/clinics',
    '/clinics/lisya-tropa',
    '/doctors/ivanova-anna-sergeevna',
    '/clinics/lisya-tropa/review',
    '/cabinet',
    '/no-such-page',
  ])('%s works in Chromium with nothing refused, styles applied', async (path) => {
    const refused: string[] = [];
    const onConsole = (message: { type(): string; text(): string }) => {
      if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) {
        refused.push(message.text());
      }
    };
    page.on('console', onConsole);
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`Content-Security-Policy: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    try {
      const response = await page.goto(`${portalUrl}${path}`);
      expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
      expect(new URL(page.url()).pathname).toBe(path);
      // Layout.astro's stylesheet sets these: it was loaded and applied.
      const body = await page.evaluate(() => {
        const style = getComputedStyle(document.body);
        return { margin: style.margin, font: style.fontSize };
      });
      expect(body).toEqual({ margin: '0px', font: '17px' });
    } finally {
      page.off('console', onConsole);
    }
    expect(refused).toEqual([]);
  });
});

describe('the portal behind a proxy that terminates TLS', () => {
  it('marks its cookies Secure and asks for HTTPS, by PORTAL_URL, though requests are plain http', async () => {
    const port = await freeLoopbackPort();
    const proxied = startPortal({ cmsUrl: id.cms.baseUrl, port, portalUrl: 'https://portal.test' });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/robots.txt`, { status: 200, timeoutMs: 30_000 });
      const response = await fetch(`http://127.0.0.1:${port}/auth/sign-in?returnTo=/`, {
        redirect: 'manual',
      });
      const cookie = response.headers.getSetCookie().find((line) => line.startsWith('vh_sign_in='));
      expect(cookie).toMatch(/; Secure(;|$)/i);
      expect(cookie).toMatch(/; HttpOnly(;|$)/i);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    } finally {
      proxied.kill();
    }
  });
});
