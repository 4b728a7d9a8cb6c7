import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { astroSite } from '@vixenhealth/tooling/lib/astro-site';
import { freeLoopbackPort } from '@vixenhealth/tooling/lib/free-port';
import { waitForHttp } from '@vixenhealth/tooling/lib/wait-for-http';
import { launchChromium } from '@vixenhealth/tooling/testing/chromium';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { registerPerson } from '@vixenhealth/tooling/testing/people';

import { createIdWeb } from '../src';

/**
 * A new Astro app (`fixture-app/`) mounted as the README says, as ID's `docs` client: signing in
 * through ID's real form in Chromium, the session cookie of its own, and signing out.
 */

const app = astroSite({
  dir: path.join(import.meta.dirname, 'fixture-app'),
  sources: ['sites/id-web/src', 'sites/id-web/__tests__/fixture-app/src'],
});

let id: IdTest;
let appUrl: string;
let server: ChildProcess;
let browser: Browser;
let person: { email: string; password: string; documentId: string };
const secret = randomBytes(32).toString('base64url');

/** The app's own reading of its cookies, with the app's settings. */
const sameApp = () =>
  createIdWeb({
    clientId: 'docs',
    scope: 'openid email profile',
    appUrl: () => new URL(appUrl),
    issuer: () => new URL(id.issuer),
    sessionSecret: () => secret,
    sessionSecretName: 'DOCS_SESSION_SECRET',
    cookiePrefix: 'vh_docs',
  });

beforeAll(async () => {
  await app.ensureBuilt();
  const port = await freeLoopbackPort();
  appUrl = `http://localhost:${port}`;
  id = await startIdTest({ env: { DOCS_URL: appUrl, LOG_LEVEL: 'warn' } });
  person = await registerPerson(id, 'Вера Читатель');
  server = app.start({
    port,
    env: { DOCS_URL: appUrl, ID_ISSUER: id.issuer, DOCS_SESSION_SECRET: secret },
  });
  await waitForHttp(`http://127.0.0.1:${port}/`, { status: 200, timeoutMs: 30_000 });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
  await id?.stop();
});

describe('an app that mounts the sign-in', () => {
  let context: BrowserContext;

  it('sends a reader to ID and back to the page asked for, signed in', async () => {
    context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${appUrl}/guides?part=2`);
    await page.waitForURL((url) => url.href.startsWith(id.issuer));
    await page.locator('#email').fill(person.email);
    await page.locator('#password').fill(person.password);
    await page.locator('form[action$="/login"] button[type="submit"]').click();
    // Through the callback (its 303) to the page asked for.
    await page.waitForURL(`${appUrl}/guides?part=2`);
    expect(await page.locator('#reader').textContent()).toBe('Вера Читатель');

    const cookies = await context.cookies(appUrl);
    expect(cookies.map((cookie) => cookie.name)).toEqual(['vh_docs_session']);
    const session = cookies[0];
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const { session: opened } = await sameApp().sealer.unseal(session.value, 'session');
    expect((opened as { user: unknown }).user).toEqual({
      sub: person.documentId,
      name: 'Вера Читатель',
      email: person.email,
      actor: null,
    });
  });

  it('answers a callback it did not start with a 400 and a way to try again', async () => {
    const response = await fetch(`${appUrl}/auth/callback?code=x&state=y`);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('stale');
    expect(html).toContain('href="/auth/sign-in?returnTo=%2F"');
  });

  it('signs the reader out of the app, then of ID', async () => {
    const page = await context.newPage();
    await page.goto(`${appUrl}/guides`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.href.startsWith(id.issuer));
    expect(await context.cookies(appUrl)).toEqual([]);
    await context.close();
  });
});
