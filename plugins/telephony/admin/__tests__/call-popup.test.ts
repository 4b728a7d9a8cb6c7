import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium } from '@vixenhealth/tooling/testing/chromium';
import { createDeskUser, type SignedInDeskUser } from '@vixenhealth/tooling/testing/desk-people';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';

import type { CallEvent } from '../../shared/contracts';
import type { IntegrationRow } from '../../server/src/integrations/integration-row';

/** The call pop-up in the Support page, in real Chromium, for a ringing call from the PBX. */

const CALLER = '+79035550202';

let id: IdTest;
let browser: Browser;
let page: Page;
let agent: SignedInDeskUser;
let integration: IntegrationRow;
let openTicket: string;

const newCall = (callId: string): CallEvent => ({
  eventId: `${callId}-newCall`,
  kind: 'newCall',
  callId,
  direction: 'in',
  from: CALLER,
  to: '+78005553535',
  occurredAt: new Date(),
});

beforeAll(async () => {
  id = await startIdTest({ adminPanel: true, env: { DEMO_DATA: 'false' } });
  const { strapi } = id.cms;
  agent = await createDeskUser(id.cms, 'support-agent', { groups: ['technical'], available: true });
  const created = await strapi
    .plugin('telephony')
    .service('integrations')
    .create({ name: 'Линия поддержки', kind: 'cti', group: 'technical' });
  integration = await strapi.plugin('telephony').service('integrations').findByToken(created.token);
  openTicket = (
    await strapi
      .plugin('support')
      .service('intake')
      .receive({
        channel: 'sms',
        externalId: 'sms-popup-1',
        from: { phone: CALLER, name: 'Мария Соколова' },
        text: 'Не пришло подтверждение записи',
        receivedAt: new Date(),
        attachments: [],
      })
  ).ticketNumber;

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(`${id.cms.baseUrl}/admin/auth/login`);
  await page.getByLabel('Email').fill(agent.email);
  await page.getByLabel('Password').fill(agent.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL(/\/admin(?!\/auth)/);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await id?.stop();
});

describe('the call pop-up', () => {
  it('shows who calls with their open ticket, and opens it with the call linked', async () => {
    await page.getByRole('link', { name: 'Поддержка' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Входящие' }).isVisible()).toBe(true);
    // The page's live stream is open once the inbox has loaded; give it a moment to connect.
    await page.waitForTimeout(500);

    await id.cms.strapi.plugin('telephony').service('calls').ingest(integration, newCall('ui-1'));
    const popup = page.getByRole('alertdialog', { name: 'Входящий звонок: Мария Соколова' });
    await expect.poll(() => popup.isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => popup.getByText('Писал(а) в поддержку').isVisible()).toBe(true);
    await page.screenshot({ path: '/work/briefs/h2-popup.png' });

    await popup.getByRole('button', { name: new RegExp(openTicket) }).click();
    await page.waitForURL(new RegExp(`/plugins/support/tickets/${openTicket}`));
    const call = await id.cms.strapi.db
      .query('plugin::telephony.call')
      .findOne({ where: { callId: 'ui-1' }, populate: { ticket: { select: ['number'] } } });
    expect(call.ticket.number).toBe(openTicket);
    await expect.poll(() => page.getByRole('heading', { name: 'Звонки' }).isVisible()).toBe(true);
    await expect.poll(() => popup.isVisible()).toBe(false);
  });
});
