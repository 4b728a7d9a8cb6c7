import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startClinicSite } from '@vixenhealth/tooling/lib/clinic-site';
import { freeLoopbackPort } from '@vixenhealth/tooling/lib/free-port';
import { waitForHttp } from '@vixenhealth/tooling/lib/wait-for-http';
import { requestByHost } from '@vixenhealth/tooling/testing/host-request';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import { ignoreUntrustedForwarding, trustedProxies } from '../server/lib/trusted-proxies.mjs';

let cms: TestCms;
let site: ChildProcess;
let port: number;
/** Where the configuration says lisya-tropa's site is: the clinic sites' own port. */
let fox: string;

beforeAll(async () => {
  port = await freeLoopbackPort();
  cms = await startTestCms({ DEMO_DATA: 'true' });
  delete process.env.TRUSTED_PROXIES;
  site = startClinicSite({ cmsUrl: cms.baseUrl, port });
  // 127.0.0.1 names no clinic: its 404 says the server is up.
  await waitForHttp(`http://127.0.0.1:${port}/`, { status: 404, timeoutMs: 30_000 });
  fox = `http://lisya-tropa.localhost:${port}`;
}, 120_000);

afterAll(async () => {
  site?.kill();
  await cms?.stop();
});

/** The probe's request: the right clinic, with a port of the visitor's choosing. */
const probe = (path: string, headers: Record<string, string> = {}) =>
  requestByHost(port, { host: 'lisya-tropa.localhost:6666', path, headers });

describe('the links of a clinic site', () => {
  it('take their origin from configuration, not from the port in the Host header', async () => {
    const page = await probe('/doctors');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<link rel="canonical" href="${fox}/doctors">`);
    expect(page.text).toContain(`<meta property="og:url" content="${fox}/doctors">`);
    const sitemap = await probe('/sitemap.xml');
    expect(sitemap.text).toContain(`<loc>${fox}/doctors</loc>`);
    const robots = await probe('/robots.txt');
    expect(robots.text).toContain(`Sitemap: ${fox}/sitemap.xml`);
    for (const answer of [page, sitemap, robots]) expect(answer.text).not.toContain(':6666');
  });

  it('ignore X-Forwarded-Proto and X-Forwarded-Host sent by a visitor', async () => {
    const forged = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' };
    for (const path of ['/', '/sitemap.xml']) {
      const answer = await probe(path, forged);
      expect(answer.status).toBe(200);
      expect(answer.text).toContain(`${fox}/`);
      expect(answer.text).not.toMatch(/https:\/\/lisya-tropa|evil\.example/);
    }
  });

  it('are not a page of its own for a forged forwarding header: the cached page answers', async () => {
    const host = `lisya-tropa.localhost:${port}`;
    await requestByHost(port, { host, path: '/services' });
    const forged = await requestByHost(port, {
      host,
      path: '/services',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(forged.headers['cache-status']).toBe('clinic-sites; hit');
  });
});

describe('forwarding headers', () => {
  /** A real server behind the rule, answering with the forwarding headers it was left. */
  const serveBehind = async (trusted: Set<string>) => {
    const server = http.createServer(
      ignoreUntrustedForwarding((request, response) => {
        response.end(
          JSON.stringify({
            proto: request.headers['x-forwarded-proto'] ?? null,
            host: request.headers['x-forwarded-host'] ?? null,
            forwarded: request.headers.forwarded ?? null,
          })
        );
      }, trusted)
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port: serverPort } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${serverPort}/`, {
      headers: {
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'evil.example',
        forwarded: 'proto=https;host=evil.example',
      },
    });
    const seen = await response.json();
    await new Promise((resolve) => server.close(resolve));
    return seen;
  };

  it('are dropped from anyone not listed in TRUSTED_PROXIES (none by default)', async () => {
    expect(await serveBehind(trustedProxies(''))).toEqual({
      proto: null,
      host: null,
      forwarded: null,
    });
    expect(await serveBehind(trustedProxies('10.0.0.1'))).toMatchObject({ proto: null });
  });

  it('are kept from a trusted proxy', async () => {
    expect(await serveBehind(trustedProxies('10.0.0.1, 127.0.0.1'))).toEqual({
      proto: 'https',
      host: 'evil.example',
      forwarded: 'proto=https;host=evil.example',
    });
  });

  it('refuse a TRUSTED_PROXIES entry that is not an address', () => {
    expect(() => trustedProxies('127.0.0.1, proxy.local')).toThrow(TypeError);
  });
});

describe('every answer of a clinic site', () => {
  it.each([
    ['a page', 'lisya-tropa', '/'],
    ['a missing page', 'lisya-tropa', '/no-such-page'],
    ['a file', 'lisya-tropa', '/favicon.svg'],
    ['an unknown host', 'no-such-clinic', '/'],
  ])('forbids framing and sniffing, and keeps the address to itself: %s', async (_, sub, path) => {
    const answer = await requestByHost(port, { host: `${sub}.localhost:${port}`, path });
    expect(answer.headers['x-frame-options']).toBe('DENY');
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(answer.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });
});
