import type { Page } from 'playwright-core';

/**
 * Signs in through ID's real form, from wherever the portal sent the browser, and waits to be
 * back on the portal.
 */
export const signInAtId = async (
  page: Page,
  { issuer, portalUrl }: { issuer: string; portalUrl: string },
  person: { email: string; password: string }
) => {
  await page.waitForURL((url) => url.href.startsWith(issuer));
  await page.locator('#email').fill(person.email);
  await page.locator('#password').fill(person.password);
  await page.locator('form[action$="/login"] button[type="submit"]').click();
  await page.waitForURL((url) => url.href.startsWith(portalUrl));
};
