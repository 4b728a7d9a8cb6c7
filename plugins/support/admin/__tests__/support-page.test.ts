import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium } from '@vixenhealth/tooling/testing/chromium';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';

import {
  createDeskUser,
  openTestTicket,
  type SignedInDeskUser,
} from '@vixenhealth/tooling/testing/desk-people';

/** The Support page in real Chromium, through the real admin panel and the desk's admin API. */

let id: IdTest;
let browser: Browser;
let page: Page;
let lead: SignedInDeskUser;
let seeded: string;

beforeAll(async () => {
  id = await startIdTest({ adminPanel: true, env: { DEMO_DATA: 'false' } });
  lead = await createDeskUser(id.cms, 'support-lead');
  seeded = (await openTestTicket(id.cms, 'billing', 'Не проходит оплата картой')).ticketNumber;

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(`${id.cms.baseUrl}/admin/auth/login`);
  await page.getByLabel('Email').fill(lead.email);
  await page.getByLabel('Password').fill(lead.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL(/\/admin(?!\/auth)/);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await id?.stop();
});

describe('the Support page', () => {
  it('lists a seeded ticket in the inbox of a Support lead', async () => {
    await page.getByRole('link', { name: 'Поддержка' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Входящие' }).isVisible()).toBe(true);
    const row = page.getByRole('option', { name: new RegExp(seeded) });
    await expect.poll(() => row.isVisible()).toBe(true);
    await expect.poll(() => row.getAttribute('aria-selected')).toBe('true');
    await page.screenshot({ path: '/tmp/support-inbox.png', fullPage: true });
  });

  it('shows a ticket created meanwhile without a reload', async () => {
    const live = (await openTestTicket(id.cms, 'billing', 'Пришёл, пока страница открыта'))
      .ticketNumber;
    await expect
      .poll(() => page.getByRole('option', { name: new RegExp(live) }).isVisible())
      .toBe(true);
  });

  it('opens the ticket with Enter and adds a sent reply to its thread', async () => {
    // The row's corner, not its number: the number is a link that opens the ticket by itself.
    await page
      .getByRole('option', { name: new RegExp(seeded) })
      .click({ position: { x: 4, y: 4 } });
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/plugins/support/tickets/${seeded}`));
    const thread = page.getByRole('region', { name: 'Переписка' });
    await expect.poll(() => thread.getByText('Подробности').isVisible()).toBe(true);

    await page.keyboard.press('r');
    await page.keyboard.type('Проверили платёж, попробуйте ещё раз.');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => thread.getByText('Проверили платёж, попробуйте ещё раз.').isVisible())
      .toBe(true);
    const stored = await id.cms.strapi.db.query('plugin::support.ticket-message').findMany({
      where: { ticket: { number: seeded }, kind: 'reply' },
    });
    expect(stored.map((message: { text: string }) => message.text)).toContain(
      'Проверили платёж, попробуйте ещё раз.'
    );
    await page.screenshot({ path: '/tmp/support-ticket.png', fullPage: true });
  });
});
