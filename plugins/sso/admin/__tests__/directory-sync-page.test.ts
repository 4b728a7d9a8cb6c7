import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium } from '@vixenhealth/tooling/testing/chromium';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { startSlapd, type Slapd } from '@vixenhealth/tooling/testing/slapd';
import { TEST_ADMIN } from '@vixenhealth/tooling/testing/strapi-harness';

// Looked at by whoever changes the page; not kept in the repository.
const SCREENSHOTS = path.join(tmpdir(), 'vh-screenshots');

let slapd: Slapd;
let id: IdTest;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  slapd = await startSlapd();
  id = await startIdTest({ adminPanel: true, env: slapd.env });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${id.cms.baseUrl}/admin/auth/login`);
  await page.getByLabel('Email').fill(TEST_ADMIN.email);
  await page.getByLabel('Password').fill(TEST_ADMIN.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL(/\/admin(?!\/auth)/);
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await id?.stop();
  await slapd?.stop();
});

const memberCount = () => id.cms.strapi.db.query('plugin::sso.staff-member').count();

describe('the directory sync tab of VixenHealth ID', () => {
  it('shows a dry run report without writing, then syncs', { timeout: 120_000 }, async () => {
    await page.goto(`${id.cms.baseUrl}/admin/plugins/sso/directory-sync`);
    // The first visit loads the panel's bundles: slow on a busy machine.
    await expect
      .poll(() => page.getByText('Синхронизаций ещё не было.').isVisible(), { timeout: 30_000 })
      .toBe(true);

    await page.getByRole('button', { name: 'Пробный запуск' }).click();
    await expect
      .poll(() =>
        page.getByRole('heading', { name: /Пробный запуск: ничего не записано/ }).isVisible()
      )
      .toBe(true);
    const report = page.getByRole('region', { name: 'Отчёт' });
    await expect
      .poll(() =>
        report.getByText(/Сотрудник anna\.kuznetsova@vixenhealth\.test: создать/).isVisible()
      )
      .toBe(true);
    await expect
      .poll(() =>
        report.getByText(/vera\.smirnova@vixenhealth\.test: отключён в каталоге/).isVisible()
      )
      .toBe(true);
    expect(await memberCount()).toBe(0);
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'directory-sync-dry-run.png'),
      fullPage: true,
    });

    await page.getByRole('button', { name: 'Синхронизировать' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /Синхронизация выполнена/ }).isVisible())
      .toBe(true);
    expect(await memberCount()).toBe(3);

    // Run again: nothing left to change, and the page says so.
    await page.getByRole('button', { name: 'Синхронизировать' }).click();
    await expect.poll(() => page.getByText(/Изменений нет\./).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('button', { name: 'Синхронизировать' }).isEnabled())
      .toBe(true);
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'directory-sync-done.png'),
      fullPage: true,
    });
  });
});
