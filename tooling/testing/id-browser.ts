import type { Page } from 'playwright-core';

/**
 * Signs in through ID's real form, from wherever a site (the portal, the docs) sent the browser,
 * and waits to be back on that site (`portalUrl`: the site's origin).
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
