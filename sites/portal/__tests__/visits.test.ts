import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import type { IdTest } from '@vixenhealth/tooling/testing/id-test';
import { insertRawEvents, moscow } from '@vixenhealth/tooling/testing/metrics-events';
import { registerPerson } from '@vixenhealth/tooling/testing/people';

import { signInAtId } from '@vixenhealth/tooling/testing/id-browser';
import { startPortalUnderTest } from './support/portal-under-test';

/**
 * The clinic's visits dashboard in the cabinet and by its public link, in Chromium with
 * JavaScript on (the chart) under the portal's Content-Security-Policy.
 */

let id: IdTest;
let portalUrl: string;
let browser: Browser;
let stopPortal: () => Promise<void>;
let clinicId: string;
const people: Record<string, { email: string; password: string }> = {};

/** Where the pages' screenshots go, to be looked at. */
const SCREENSHOTS = path.join(tmpdir(), 'vh-visits-screenshots');

beforeAll(async () => {
  ({
    id,
    portalUrl,
    browser,
    stop: stopPortal,
  } = await startPortalUnderTest({
    // The roll-up is run by the test itself, not by its timer.
    env: { DEMO_DATA: 'false', METRICS_ROLLUP_INTERVAL_MS: '3600000' },
  }));
  const { strapi } = id.cms;
  const owner = await registerPerson(id, 'Ольга Владелец');
  const administrator = await registerPerson(id, 'Андрей Администратор');
  const stranger = await registerPerson(id, 'Пётр Посторонний');
  Object.assign(people, { owner, administrator, stranger });
  const clinic = await fixtures(strapi).clinic({
    name: 'Клиника «Лисья тропа»',
    owners: [owner.documentId],
    administrators: [administrator.documentId],
  });
  clinicId = clinic.documentId;
  strapi
    .plugin('metrics')
    .service('clock')
    .set(new Date(moscow('2026-03-10T18:00')));
  const events = [
    {
      visitor: 'a',
      local: '2026-03-10T09:00',
      referrer: 'yandex.ru',
      utm_campaign: 'весна',
      device: 'mobile',
    },
    { visitor: 'a', local: '2026-03-10T09:03', path: '/цены', device: 'mobile' },
    { visitor: 'a', local: '2026-03-10T09:04', name: 'Звонок', path: '/цены', device: 'mobile' },
    { visitor: 'b', local: '2026-03-10T11:30', path: '/врачи', device: 'desktop' },
    { visitor: 'c', local: '2026-03-10T15:10', referrer: 'google.com', device: 'desktop' },
    { visitor: 'd', local: '2026-03-07T15:00', path: '/цены' },
    { visitor: 'e', local: '2026-03-01T12:00' },
  ];
  await insertRawEvents(strapi, clinicId, events);
  await strapi.plugin('metrics').service('rollup').runNow();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  id?.cms.strapi.plugin('metrics').service('clock').set(null);
  await stopPortal?.();
});

/** A new browser with JavaScript, signed in; CSP violations and script errors are collected. */
const signedIn = async (who: string, to: string) => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${portalUrl}${to}`);
  await signInAtId(page, { issuer: id.issuer, portalUrl }, people[who]);
  return { context, page, problems };
};

/** Script errors, CSP refusals, and the portal's own resources that failed to load. */
const watchProblems = (page: Page) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    // A failed load is reported below with its address, if it is the portal's.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(message.text());
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().startsWith(portalUrl)) {
      problems.push(`${response.status()} ${response.url()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
};

const visits = () => `/cabinet/clinics/${clinicId}/visits`;
const totalOf = (page: Page, label: string) =>
  page.locator('.totals li', { hasText: label }).locator('.value').innerText();

describe('the cabinet’s visits dashboard', () => {
  it('shows the owner today’s figures, a chart drawn by uPlot, and the top tables', async () => {
    const { context, page, problems } = await signedIn('owner', `${visits()}?period=today`);
    expect(page.url()).toBe(`${portalUrl}${visits()}?period=today`);
    await page.locator('visits-chart .uplot canvas').waitFor();
    expect(await totalOf(page, 'Посетители')).toBe('3');
    expect(await totalOf(page, 'Просмотры')).toBe('4');
    expect(await totalOf(page, 'Отказы')).toBe('67\u00a0%');
    const pages = page.locator('table', { has: page.locator('caption', { hasText: 'Страницы' }) });
    expect(await pages.locator('tbody tr').allInnerTexts()).toEqual([
      '/\t2\t2',
      '/врачи\t1\t1',
      '/цены\t1\t1',
    ]);
    const sources = page.locator('table', {
      has: page.locator('caption', { hasText: 'Источники' }),
    });
    expect(await sources.innerText()).toContain('yandex.ru');
    expect(await sources.innerText()).toContain('Прямые заходы');
    const devices = page.locator('table', {
      has: page.locator('caption', { hasText: 'Устройства' }),
    });
    expect(await devices.innerText()).toContain('Телефон');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cabinet-today.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches the period with the plain form and compares with the period before', async () => {
    const { context, page } = await signedIn('owner', visits());
    await page.locator('input[name="period"][value="7d"]').check();
    await page.getByRole('button', { name: 'Показать' }).click();
    await page.waitForURL((url) => url.searchParams.get('period') === '7d');
    expect(await totalOf(page, 'Посетители')).toBe('4');
    // The 7 days before held one visitor: +300 %.
    expect(
      await page.locator('.totals li', { hasText: 'Посетители' }).locator('.change').innerText()
    ).toBe('+300\u00a0%');
    await page.locator('visits-chart .uplot canvas').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cabinet-7d.png'), fullPage: true });

    // A custom period the other way round is refused with a message, not an error page.
    await page.goto(`${portalUrl}${visits()}?period=custom&from=2026-03-09&to=2026-03-01`);
    expect(await page.getByRole('alert').innerText()).toContain('начало периода');

    const csv = await page.request.get(`${portalUrl}${visits()}.csv?period=7d`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="metrics-/);
    const body = await csv.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8')).toContain('/цены;2;2');
    await context.close();
  });

  it('lets the owner share the dashboard by link and revoke it', async () => {
    const { context, page } = await signedIn('owner', visits());
    await page.getByRole('button', { name: 'Создать ссылку' }).click();
    expect(await page.getByRole('status').innerText()).toContain('Публичная ссылка готова');
    const link = await page.getByLabel('Публичная ссылка').inputValue();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: portalUrl });
    await page.getByRole('button', { name: 'Скопировать' }).click();
    await page.getByRole('button', { name: 'Скопировано' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cabinet-shared.png'), fullPage: true });
    expect(link).toMatch(new RegExp(`^${portalUrl}/metrics/shared/[A-Za-z0-9_-]{32}$`));

    const anonymous = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const reader = await anonymous.newPage();
    const problems = watchProblems(reader);
    const opened = await reader.goto(`${link}?period=today`);
    expect(opened?.status()).toBe(200);
    expect(await reader.locator('h1').innerText()).toBe('Посещаемость — Клиника «Лисья тропа»');
    expect(await totalOf(reader, 'Посетители')).toBe('3');
    await reader.locator('visits-chart .uplot canvas').waitFor();
    // Read-only: no CSV, no settings.
    expect(await reader.getByText('Скачать CSV').count()).toBe(0);
    expect(await reader.locator('form[method="post"]').count()).toBe(0);
    await reader.screenshot({ path: path.join(SCREENSHOTS, 'shared-today.png'), fullPage: true });
    expect(problems).toEqual([]);

    await page.getByRole('button', { name: 'Отключить ссылку' }).click();
    expect(await page.getByRole('status').innerText()).toContain('отключена');
    expect((await reader.goto(link))?.status()).toBe(404);
    await anonymous.close();
    await context.close();
  });

  it('keeps the owner’s retention', async () => {
    const { context, page } = await signedIn('owner', visits());
    await page.getByLabel('Хранить дней').fill('90');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    expect(await page.getByRole('status').innerText()).toContain('Срок хранения');
    expect(await page.getByLabel('Хранить дней').inputValue()).toBe('90');
    await context.close();
  });

  it('shows an administrator the figures but not the owners’ settings', async () => {
    const { context, page } = await signedIn('administrator', visits());
    expect(await totalOf(page, 'Посетители')).toBe('5');
    expect(await page.getByRole('button', { name: 'Создать ссылку' }).count()).toBe(0);
    expect(await page.getByLabel('Хранить дней').count()).toBe(0);
    await context.close();
  });

  it('answers a stranger 404, and sends a signed-out visitor to sign in', async () => {
    const { context, page } = await signedIn('stranger', visits());
    expect(await page.locator('h1').innerText()).toBe('Страница не найдена');
    const csv = await page.request.get(`${portalUrl}${visits()}.csv`);
    expect(csv.status()).toBe(404);
    await context.close();
  });
});
