import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import path from 'node:path';

import { accessibilityProblems } from '@vixenhealth/tooling/testing/accessibility';
import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { signInAtId } from '@vixenhealth/tooling/testing/id-browser';
import { registerPerson } from '@vixenhealth/tooling/testing/people';

import { brokenLinks } from './support/broken-links';
import { startDocsUnderTest, type DocsUnderTest } from './support/docs-under-test';

/**
 * The docs as readers meet them in Chromium: public pages for everyone, private pages only for
 * those they are meant for, absent everywhere else (by URL, in the navigation, in search).
 */

const RUNBOOK = '/private/support/incident-runbook/';
const HANDBOOK = '/private/staff-handbook/';
/** starlight-openapi's page of `GET /api/clinics` (operationId `clinic/get/clinics`). */
const CLINICS_REFERENCE = '/api/operations/clinicgetclinics/';

let docs: DocsUnderTest;
const people: Record<'staff' | 'owner' | 'otherOwner', { email: string; password: string }> =
  {} as never;
let clinicPageSlug: string;

beforeAll(async () => {
  docs = await startDocsUnderTest();
  const { strapi } = docs.id.cms;
  people.staff = await registerPerson(docs.id, 'Сергей Поддержкин');
  const staffRole = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'staff' } });
  await strapi.db
    .query('plugin::users-permissions.user')
    .update({ where: { email: people.staff.email }, data: { role: staffRole.id } });
  const owner = await registerPerson(docs.id, 'Ольга Владелец');
  const otherOwner = await registerPerson(docs.id, 'Игорь Другой');
  Object.assign(people, { owner, otherOwner });
  const clinic = await fixtures(strapi).clinic({ owners: [owner.documentId] });
  await fixtures(strapi).clinic({ owners: [otherOwner.documentId] });
  clinicPageSlug = `clinics/${clinic.subdomain as string}`;
  await strapi.documents('api::doc-page.doc-page').create({
    data: {
      title: 'Договор клиники',
      slug: clinicPageSlug,
      section: 'Моя клиника',
      body: 'Условия договора: **только для этой клиники**.',
      audience: 'restricted',
      roles: [],
      clinicDocumentId: clinic.documentId,
    },
    status: 'published',
  });
}, 300_000);
afterAll(() => docs?.stop());

const visitor = async (): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await docs.browser.newContext();
  return { context, page: await context.newPage() };
};

const signedIn = async (person: { email: string; password: string }) => {
  const { context, page } = await visitor();
  await page.goto(`${docs.docsUrl}/private/`);
  await page.getByRole('link', { name: 'Войти с VixenHealth ID' }).click();
  await signInAtId(page, { issuer: docs.id.issuer, portalUrl: docs.docsUrl }, person);
  return { context, page };
};

const sidebarLinks = (page: Page) =>
  page
    .locator('#starlight__sidebar ul.top-level a')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));

/**
 * The titles of the pages Pagefind finds for `query`, asked in the page through Pagefind's own
 * API (the search box's UI starts when the browser is idle, which a loaded machine may delay).
 */
const publicSearch = async (page: Page, query: string) => {
  await page.goto(`${docs.docsUrl}/`);
  // A string, not a function: Vitest would rewrite a function's `import()` for Node.
  return page.evaluate(`(async () => {
    const pagefind = await import(location.origin + '/pagefind/pagefind.js');
    const { results } = await pagefind.search(${JSON.stringify(query)});
    const pages = await Promise.all(results.map((result) => result.data()));
    return pages.map((found) => found.meta.title);
  })()`) as Promise<string[]>;
};

describe('an anonymous reader', () => {
  it('reads public pages, with the CMS editors’ pages in the navigation', async () => {
    const { context, page } = await visitor();
    const home = await page.goto(`${docs.docsUrl}/`);
    expect(home?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Документация VixenHealth'
    );
    const links = await sidebarLinks(page);
    expect(links).toContain('/guides/sign-in-with-vixenhealth-id/');
    expect(links.some((link) => link.startsWith('/private/'))).toBe(false);
    await context.close();
  });

  it('gets 404 for a private page, as for a missing one, and is offered to sign in', async () => {
    const { context, page } = await visitor();
    for (const path of [RUNBOOK, HANDBOOK, '/private/no-such-page/']) {
      const answer = await page.goto(`${docs.docsUrl}${path}`);
      expect(answer?.status(), path).toBe(404);
      expect(await page.locator('main').textContent()).not.toContain('Регламент');
    }
    expect(await page.getByRole('link', { name: 'Войти с VixenHealth ID' }).count()).toBe(1);
    await context.close();
  });

  it('finds public pages in search, never private ones', async () => {
    const { context, page } = await visitor();
    expect(await publicSearch(page, 'VixenHealth ID')).toContain(
      'Sign people in with VixenHealth ID'
    );
    // A word of the staff runbook only (the home page speaks of «регламенты» in general).
    expect(await publicSearch(page, 'дежурных')).toEqual([]);
    await context.close();
  });
});

describe('a staff member', () => {
  it('signs in and sees the private section: pages, navigation and search', async () => {
    const { context, page } = await signedIn(people.staff);
    expect(new URL(page.url()).pathname).toBe('/private/');
    expect(await page.getByRole('link', { name: 'Регламент инцидента' }).count()).toBeGreaterThan(
      0
    );
    const runbook = await page.goto(`${docs.docsUrl}${RUNBOOK}`);
    expect(runbook?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Регламент инцидента');
    expect(await sidebarLinks(page)).toContain(RUNBOOK);
    await page.goto(`${docs.docsUrl}/private/search?q=${encodeURIComponent('дежурный агент')}`);
    expect(await page.locator('main ol a').allTextContents()).toContain('Регламент инцидента');
    // Another clinic's page stays hidden from staff who are not its people.
    expect((await page.goto(`${docs.docsUrl}/private/${clinicPageSlug}/`))?.status()).toBe(404);
    await context.close();
  });
});

describe('a clinic owner', () => {
  it('does not see staff pages by URL, navigation or search, but sees their clinic’s', async () => {
    const { context, page } = await signedIn(people.owner);
    expect((await page.goto(`${docs.docsUrl}${RUNBOOK}`))?.status()).toBe(404);
    expect((await page.goto(`${docs.docsUrl}${HANDBOOK}`))?.status()).toBe(200);
    const links = await sidebarLinks(page);
    expect(links).not.toContain(RUNBOOK);
    expect(links).toContain(HANDBOOK);
    await page.goto(`${docs.docsUrl}/private/search?q=${encodeURIComponent('регламент')}`);
    expect(await page.locator('main ol a').allTextContents()).not.toContain('Регламент инцидента');
    const own = await page.goto(`${docs.docsUrl}/private/${clinicPageSlug}/`);
    expect(own?.status()).toBe(200);
    expect(await page.locator('main').textContent()).toContain('только для этой клиники');
    await context.close();
  });

  it('of another clinic does not see that clinic’s page', async () => {
    const { context, page } = await signedIn(people.otherOwner);
    expect((await page.goto(`${docs.docsUrl}/private/${clinicPageSlug}/`))?.status()).toBe(404);
    expect(await sidebarLinks(page)).not.toContain(`/private/${clinicPageSlug}/`);
    await context.close();
  });
});

describe('the public build', () => {
  it('has no broken internal link or asset', () => {
    const clientDir = path.join(docs.buildsDir, '0', 'client');
    expect(brokenLinks(clientDir, docs.docsUrl)).toEqual([]);
  });

  it('passes the accessibility audit the sites use, public and private pages alike', async () => {
    const { context, page } = await signedIn(people.staff);
    const pages = [
      '/',
      '/guides/sign-in-with-vixenhealth-id/',
      '/api/',
      CLINICS_REFERENCE,
      RUNBOOK,
    ];
    for (const pathname of pages) {
      await page.goto(`${docs.docsUrl}${pathname}`);
      expect(await accessibilityProblems(page), pathname).toEqual([]);
    }
    await context.close();
  });
});

describe('the API reference', () => {
  /** The «try it» panel of the reference page at `pathname`, once the page has loaded. */
  const tryItOn = async (page: Page, pathname: string) => {
    const answer = await page.goto(`${docs.docsUrl}${pathname}`);
    expect(answer?.status(), pathname).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).count(), pathname).toBe(1);
    return page.getByRole('region', { name: 'Попробовать' });
  };

  /** Sends the panel's request and reads the answer it shows. */
  const send = async (tryIt: Locator) => {
    await tryIt.getByRole('button', { name: 'Отправить GET' }).click();
    const status = tryIt.locator('.vh-try-it-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^\d{3} /);
    return {
      status: await status.textContent(),
      body: JSON.parse((await tryIt.locator('.vh-try-it-body').textContent()) ?? ''),
    };
  };

  it('sends a public GET from its page, without a sign-in, and shows the CMS’s answer', async () => {
    const { context, page } = await visitor();
    const tryIt = await tryItOn(page, CLINICS_REFERENCE);
    await tryIt.getByLabel('Параметры запроса').fill('sort=name:asc&pagination[pageSize]=2');
    const shown = await send(tryIt);
    expect(shown.status).toMatch(/^200 /);
    const direct = await fetch(
      `${docs.id.cms.baseUrl}/api/clinics?sort=name:asc&pagination[pageSize]=2`
    );
    const expected = (await direct.json()) as { data: { documentId: string }[] };
    expect(expected.data.length).toBeGreaterThan(0);
    expect(shown.body.data.map((clinic: { documentId: string }) => clinic.documentId)).toEqual(
      expected.data.map((clinic) => clinic.documentId)
    );
    await context.close();
  });

  it('fills a path parameter in, and shows an error answer as it came', async () => {
    const { context, page } = await visitor();
    const tryIt = await tryItOn(page, '/api/operations/clinicgetclinics_by_id/');
    await tryIt.getByLabel('id').fill('no-such-clinic');
    const shown = await send(tryIt);
    expect(shown.status).toMatch(/^404 /);
    expect(shown.body.error.status).toBe(404);
    await context.close();
  });

  it('describes ID, and its public metadata and revocation list can be tried', async () => {
    const { context, page } = await visitor();
    const shown = await send(await tryItOn(page, '/api/operations/idgetdiscovery/'));
    expect(shown.status).toMatch(/^200 /);
    expect(shown.body.issuer).toBe(docs.id.issuer);
    // ID's own JSON route beside oidc-provider's, readable from the docs' origin too.
    const revocations = await send(await tryItOn(page, '/api/operations/idgetrevocations/'));
    expect(revocations.status).toMatch(/^200 /);
    expect(Array.isArray(revocations.body.revoked)).toBe(true);
    await context.close();
  });

  it('offers no «try it» where a call writes, needs a sign-in or a secret', async () => {
    const { context, page } = await visitor();
    for (const pathname of [
      '/api/operations/reviewpostreviews/', // a POST
      '/api/operations/reviewgetreviews_mine/', // a signed-in GET
      '/api/operations/metricsgetmetrics_shared_by_token_stats/', // a share link's secret
      '/api/operations/metricspostevent/', // the beacon, answered ahead of Strapi's router
      '/api/operations/idposttoken/',
      '/api/operations/idgetauthorization/', // a redirect to the sign-in, not JSON
    ]) {
      expect(await (await tryItOn(page, pathname)).count(), pathname).toBe(0);
    }
    await context.close();
  });
});

describe('publishing a doc page in the CMS', () => {
  it('rebuilds the public pages, and the new page is served and listed', async () => {
    const { strapi } = docs.id.cms;
    const before = await fetch(`${docs.docsUrl}/clinics/new-booking-widget/`);
    expect(before.status).toBe(404);
    // As an editor does it: a draft, then «Опубликовать».
    const draft = await strapi.documents('api::doc-page.doc-page').create({
      data: {
        title: 'Виджет записи',
        slug: 'clinics/new-booking-widget',
        section: 'Клиникам',
        body: 'Как поставить **виджет записи** на сайт клиники.',
        audience: 'public',
        roles: [],
      },
    });
    await strapi.documents('api::doc-page.doc-page').publish({ documentId: draft.documentId });
    const deadline = Date.now() + 150_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await fetch(`${docs.docsUrl}/clinics/new-booking-widget/`)).status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(status).toBe(200);
    const { context, page } = await visitor();
    await page.goto(`${docs.docsUrl}/`);
    expect(await sidebarLinks(page)).toContain('/clinics/new-booking-widget/');
    await context.close();
  }, 180_000);
});
