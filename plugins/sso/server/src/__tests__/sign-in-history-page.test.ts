import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium } from '@vixenhealth/tooling/testing/chromium';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import {
  createAdminRole,
  createAdminUser,
  createModerator,
  registerPerson,
} from '@vixenhealth/tooling/testing/people';
import { signInThroughForm } from '@vixenhealth/tooling/testing/relying-party';

let id: IdTest;
let browser: Browser;

const signInToAdmin = async (user: { email: string; password: string }) => {
  const page = await browser.newPage();
  await page.goto(`${id.cms.baseUrl}/admin/auth/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL(/\/admin(?!\/auth)/);
  return page;
};

const rows = (page: Page) => page.locator('tbody tr');
/** The admin panel's first screens load its bundles: on a busy machine, seconds. */
const SLOW = { timeout: 20_000 };

beforeAll(async () => {
  id = await startIdTest({ adminPanel: true });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await id?.stop();
});

describe('the sign-in history page of the admin panel', () => {
  it("shows staff with the permission everyone's attempts, and one person's on request", async () => {
    const person = await registerPerson(id, 'Ольга Входова');
    await signInThroughForm(id.portal, { email: person.email, password: 'not-her-password-1' });
    await signInThroughForm(id.portal, person);
    const auditor = await createAdminUser(
      id.cms,
      await createAdminRole(id.cms, ['plugin::sso.login-events.read'])
    );

    const page = await signInToAdmin(auditor);
    await page.getByRole('link', { name: 'VixenHealth ID' }).click();
    await expect
      .poll(() => page.getByRole('link', { name: 'История входов' }).isVisible(), SLOW)
      .toBe(true);
    await expect.poll(() => rows(page).count(), SLOW).toBeGreaterThanOrEqual(2);

    await page.getByLabel('Пользователь').fill(person.email);
    await page.getByRole('button', { name: 'Найти' }).click();
    await expect.poll(() => rows(page).count(), SLOW).toBe(2);
    expect(await rows(page).first().textContent()).toContain('Успешно');
    const failure = await rows(page).nth(1).textContent();
    expect(failure).toContain('Неверный пароль');
    expect(failure).toContain(person.email);
    await page.screenshot({ path: '/tmp/sign-in-history.png', fullPage: true });

    await page.getByLabel('Пользователь').fill('nobody@example.ru');
    await page.getByRole('button', { name: 'Найти' }).click();
    await expect
      .poll(() => page.getByText('user: no user has this email or document id').isVisible(), SLOW)
      .toBe(true);
    expect(await rows(page).count()).toBe(0);
  });

  it('is not in the menu of staff without the permission', async () => {
    const page = await signInToAdmin(await createModerator(id.cms));
    await expect
      .poll(() => page.getByRole('link', { name: 'Moderation' }).isVisible(), SLOW)
      .toBe(true);
    expect(await page.getByRole('link', { name: 'VixenHealth ID' }).count()).toBe(0);
    await page.goto(`${id.cms.baseUrl}/admin/plugins/sso/sign-in-history`);
    await expect
      .poll(() => page.getByText(/don't have the permissions to access/).isVisible(), SLOW)
      .toBe(true);
    expect(await rows(page).count()).toBe(0);
  });
});
