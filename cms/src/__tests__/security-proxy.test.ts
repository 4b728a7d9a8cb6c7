import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

let cms: TestCms;
let probe: Server;
let probeUrl: string;

/**
 * What Koa makes of a request behind the proxy, read through the CMS's own Koa app: the
 * addresses and scheme every middleware (sessions, cookies, throttles) sees as `ctx.ip` and
 * `ctx.secure`.
 */
beforeAll(async () => {
  // ID's own proxy list left blank, as `.env.example` leaves it: Koa's one hop is all there is.
  cms = await startTestCms({ IS_PROXIED: 'true', ID_TRUSTED_PROXIES: '' });
  const app = cms.strapi.server.app;
  // First in line, so that no route of the CMS answers (or redirects) instead.
  app.middleware.unshift(async (ctx) => {
    ctx.body = { ip: ctx.ip, secure: ctx.secure };
  });
  probe = createServer(app.callback());
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  probeUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  probe?.close();
  await cms?.stop();
});

describe('IS_PROXIED=true, behind one reverse proxy', () => {
  it("takes the client's address from the hop the proxy appended, not one a client wrote", async () => {
    const response = await fetch(probeUrl, {
      headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9', 'x-forwarded-proto': 'https' },
    });
    expect(await response.json()).toEqual({ ip: '203.0.113.9', secure: true });
  });
});
