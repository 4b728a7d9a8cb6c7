import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { accessibilityProblems } from '@vixenhealth/tooling/testing/accessibility';
import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { signInAtId } from '@vixenhealth/tooling/testing/id-browser';
import type { IdTest } from '@vixenhealth/tooling/testing/id-test';
import { registerPerson, type Person } from '@vixenhealth/tooling/testing/people';
import type { Browser } from 'playwright-core';

import { startPortalUnderTest } from './support/portal-under-test';

/** The cabinet's "Звонки" section: the clinic's calls, and its PBX token shown once. */

let id: IdTest;
let portalUrl: string;
let browser: Browser;
let stopPortal: () => Promise<void>;
let owner: Omit<Person, 'token'>;
let clinic: string;

const CLINIC_PHONE = '+74952223344';

beforeAll(async () => {
  ({
    id,
    portalUrl,
    browser,
    stop: stopPortal,
  } = await startPortalUnderTest({
    env: { DEMO_DATA: 'false' },
  }));
  owner = await registerPerson(id, 'Ольга Владелец');
  const { strapi } = id.cms;
  clinic = (
    await fixtures(strapi).clinic({ owners: [owner.id], phones: [{ number: CLINIC_PHONE }] })
  ).documentId;
  const line = await strapi
    .plugin('telephony')
    .service('integrations')
    .create({ name: 'Линия поддержки', kind: 'cti' });
  const integration = await strapi
    .plugin('telephony')
    .service('integrations')
    .findByToken(line.token);
  const base = {
    callId: 'cabinet-1',
    direction: 'in' as const,
    from: CLINIC_PHONE,
    to: '+78005553535',
  };
  const calls = strapi.plugin('telephony').service('calls');
  await calls.ingest(integration, {
    ...base,
    eventId: 'c1-new',
    kind: 'newCall',
    occurredAt: new Date(),
  });
  await calls.ingest(integration, {
    ...base,
    eventId: 'c1-hangup',
    kind: 'hangup',
    cause: 'noAnswer',
    occurredAt: new Date(),
  });
}, 180_000);

afterAll(async () => stopPortal?.());

describe('the calls section of the cabinet', () => {
  it('lists the clinic’s calls and shows a new PBX token once', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${portalUrl}/cabinet/clinics/${clinic}/calls`);
    await signInAtId(page, { issuer: id.issuer, portalUrl }, owner);
    await page.goto(`${portalUrl}/cabinet/clinics/${clinic}/calls`);

    const row = page.getByRole('row', { name: new RegExp(CLINIC_PHONE.replace('+', '\\+')) });
    expect(await row.getByText('Пропущен').isVisible()).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByLabel('Название АТС').fill('Asterisk в регистратуре');
    await page.getByRole('button', { name: 'Создать токен' }).click();
    const address = await page.getByLabel('Адрес для АТС').inputValue();
    expect(address).toMatch(/\/api\/telephony\/cti\/[\w-]{40,}$/);
    const token = address.split('/').pop()!;
    expect(
      await id.cms.strapi.plugin('telephony').service('integrations').findByToken(token)
    ).not.toBeNull();

    // Shown once: the page read again names the token but never shows it.
    await page.goto(`${portalUrl}/cabinet/clinics/${clinic}/calls`);
    expect(await page.content()).not.toContain(token);
    await page.getByRole('button', { name: 'Отозвать токен: Asterisk в регистратуре' }).click();
    expect(
      await id.cms.strapi.plugin('telephony').service('integrations').findByToken(token)
    ).toBeNull();
    await context.close();
  });
});
