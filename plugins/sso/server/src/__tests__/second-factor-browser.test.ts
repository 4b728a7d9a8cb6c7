import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium } from '@vixenhealth/tooling/testing/chromium';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { registerPerson } from '@vixenhealth/tooling/testing/people';
import { controlTotpClock, totpCode } from '@vixenhealth/tooling/testing/second-factor';

/** Where the pages' screenshots go, to be looked at. */
const SCREENSHOTS = path.join(tmpdir(), 'vh-second-factor-screenshots');
const STEP = 30_000;

let id: IdTest;
let chromium: Browser;
let clock: { now: number };

/** Does `action` (a click that submits or follows a link) and waits for the page it loads. */
const navigating = async (page: Page, action: () => Promise<void>) => {
  await Promise.all([page.waitForNavigation(), action()]);
};

const textOf = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** Signs in at ID's form, in Russian (the default language). */
const signIn = async (page: Page, person: { email: string; password: string }) => {
  await page.goto(`${id.issuer}/account`);
  await page.locator('#email').fill(person.email);
  await page.locator('#password').fill(person.password);
  await navigating(page, () =>
    page.locator('form[action$="/login"] button[type="submit"]').click()
  );
};

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  id = await startIdTest();
  clock = controlTotpClock(id.cms);
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
  await id?.stop();
});

describe('two-step sign-in in a real browser', () => {
  it('is set up on "my account" with the QR code, then asked for at the next sign-in', async () => {
    const person = await registerPerson(id);
    const first = await chromium.newContext({ locale: 'ru-RU' });
    const page = await first.newPage();
    await signIn(page, person);
    await page.waitForURL(`${id.issuer}/account`);

    await navigating(page, () => page.locator('#two-step-link').click());
    expect(await textOf(page, '#two-step-state')).toContain('Двухэтапный вход выключен');
    await navigating(page, () =>
      page.getByRole('button', { name: 'Подключить приложение-аутентификатор' }).click()
    );
    expect(await textOf(page, 'h1')).toBe('Настройка двухэтапного входа');
    const qr = page.locator('.qr svg');
    expect((await qr.boundingBox())!.width).toBeGreaterThan(150);
    await page.locator('summary').click();
    await shot(page, 'enrolment');
    const secret = (await page.locator('#totp-key').textContent())!.replace(/\s+/g, '');
    await page.locator('#code').fill(totpCode(secret, clock.now));
    await navigating(page, () => page.getByRole('button', { name: 'Включить' }).click());

    expect(await textOf(page, 'h1')).toBe('Ваши резервные коды');
    expect(await page.locator('#recovery-codes li').count()).toBe(10);
    await shot(page, 'recovery-codes');
    await navigating(page, () =>
      page.getByRole('link', { name: 'Я сохранил(а) коды, продолжить' }).click()
    );
    expect(await textOf(page, '#two-step-state')).toContain('Двухэтапный вход включён');
    await first.close();

    // Another browser: the password, then the code.
    clock.now += STEP;
    const second = await chromium.newContext({ locale: 'ru-RU' });
    const next = await second.newPage();
    await signIn(next, person);
    expect(await textOf(next, 'h1')).toBe('Двухэтапный вход');
    await next
      .locator('#code')
      .fill('000000' === totpCode(secret, clock.now) ? '111111' : '000000');
    await navigating(next, () => next.getByRole('button', { name: 'Продолжить' }).click());
    expect(await textOf(next, '#form-error')).toBe('Неверный код.');
    await next.locator('#code').fill(totpCode(secret, clock.now));
    await next.getByLabel('Запомнить это устройство на 30 дней').check();
    await shot(next, 'second-step');
    await next.getByRole('button', { name: 'Продолжить' }).click();
    await next.waitForURL(`${id.issuer}/account`);
    const cookies = await second.cookies();
    expect(cookies.find((cookie) => cookie.name === 'vh_id_device')).toMatchObject({
      httpOnly: true,
      path: '/id',
    });
    await second.close();
  });
});
