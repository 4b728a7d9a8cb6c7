import type { Page } from 'playwright-core';

/**
 * Signs in through ID's real form, from wherever a site (the portal, the docs) sent the browser,
 * and waits to be back on that site (`portalUrl`: the site's origin). With `secondFactorCode`,
 * types it into the second step ID then asks for (a code from the app, or a recovery code).
 */
export const signInAtId = async (
  page: Page,
  { issuer, portalUrl }: { issuer: string; portalUrl: string },
  person: { email: string; password: string; secondFactorCode?: () => string }
) => {
  await page.waitForURL((url) => url.href.startsWith(issuer));
  await page.locator('#email').fill(person.email);
  await page.locator('#password').fill(person.password);
  await page.locator('form[action$="/login"] button[type="submit"]').click();
  if (person.secondFactorCode) {
    const step = page.locator('form[action$="/second-step"]');
    await step.locator('#code').fill(person.secondFactorCode());
    await step.locator('button[type="submit"]').click();
  }
  await page.waitForURL((url) => url.href.startsWith(portalUrl));
};
