import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { IdTest } from '@vixenhealth/tooling/testing/id-test';
import { createAdminUser, registerPerson } from '@vixenhealth/tooling/testing/people';

import { startPortalUnderTest } from './support/portal-under-test';

let id: IdTest;
let portalUrl: string;
let browser: Browser;
let stopPortal: () => Promise<void>;

/** Where the screenshots go, to be looked at (not compared). */
const SHOTS = path.join(tmpdir(), 'vh-impersonation-screenshots');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ id, portalUrl, browser, stop: stopPortal } = await startPortalUnderTest());
}, 180_000);

afterAll(async () => stopPortal?.());

describe('support acting as a person, in a real browser', () => {
  it('shows the banner on the portal and on ID’s account page, and "End" ends it', async () => {
    const person = await registerPerson(id, 'Ольга Петрова');
    const lead = await createAdminUser(id.cms, 'support-lead');
    const started = await id.cms.request('/sso/impersonations', {
      method: 'POST',
      token: lead.token,
      body: { userEmail: person.email, reason: 'Ticket #4211: cannot see her appointment' },
    });
    expect(started.status).toBe(201);

    const context = await browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    // The start link opens ID's session of the person; the portal's own sign-in picks it up.
    await page.goto(started.body.meta.startLink);
    await page.waitForURL(`${portalUrl}/cabinet`);
    const banner = page.locator('[data-impersonation]');
    await expect(banner.textContent()).resolves.toContain(
      `Вы действуете от имени Ольга Петрова — ${lead.email}, до`
    );
    expect(await banner.isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'portal-cabinet.png'), fullPage: true });

    await page.goto(`${id.issuer}/account`);
    const idBanner = page.locator('[data-impersonation]');
    expect(await idBanner.isVisible()).toBe(true);
    await expect(idBanner.textContent()).resolves.toContain('Вы действуете от имени Ольга Петрова');
    await page.screenshot({ path: path.join(SHOTS, 'id-account.png'), fullPage: true });

    // "End" on the portal's banner leads to ID's confirmation, which ends it.
    await page.goto(`${portalUrl}/cabinet`);
    await page.locator('[data-impersonation] a').click();
    await page.waitForURL(`${id.issuer}/account/impersonation/end`);
    await page.screenshot({ path: path.join(SHOTS, 'id-end.png'), fullPage: true });
    await page.locator('form button[type="submit"]').click();
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Действие от чужого имени завершено'
    );
    const audit = await id.cms.request('/sso/impersonations', { token: lead.token });
    expect(audit.body.data[0]).toMatchObject({ endedBy: 'actor', target: { email: person.email } });
    await context.close();
  });
});
