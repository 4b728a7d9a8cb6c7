import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { serveDeploys } from '@vixenhealth/clinic-site/deploys-server';
import type { Session } from '@vixenhealth/id-web';
import { freeLoopbackPort } from '@vixenhealth/tooling/lib/free-port';
import { accessibilityProblems } from '@vixenhealth/tooling/testing/accessibility';
import { cabinet } from '@vixenhealth/tooling/testing/cabinet-api';
import { startDnsServer, type DnsServer } from '@vixenhealth/tooling/testing/dns-server';
import { getByHost } from '@vixenhealth/tooling/testing/host-request';
import type { IdTest } from '@vixenhealth/tooling/testing/id-test';
import { registerPerson, type Person } from '@vixenhealth/tooling/testing/people';
import { signInAtId } from '@vixenhealth/tooling/testing/id-browser';

import { portalAuth } from '../src/lib/auth';
import { startPortalUnderTest } from './support/portal-under-test';

const { unseal } = portalAuth.sealer;

let id: IdTest;
let portalUrl: string;
let browser: Browser;
let deploysDir: string;
let staticPort: number;
let staticServer: Server;
let dns: DnsServer;

const CLINIC = 'api::clinic.clinic';
const DOCTOR = 'api::doctor.doctor';
const SERVICE = 'api::service.service';
const PAGE = 'api::page.page';

let stopPortal: () => Promise<void>;

beforeAll(async () => {
  deploysDir = mkdtempSync(path.join(tmpdir(), 'vh-cabinet-'));
  staticPort = await freeLoopbackPort();
  staticServer = await serveDeploys({ dir: deploysDir, port: staticPort });
  dns = await startDnsServer();
  ({
    id,
    portalUrl,
    browser,
    stop: stopPortal,
  } = await startPortalUnderTest({
    mail: true,
    env: {
      DEMO_DATA: 'false',
      SITE_DEPLOYS_DIR: deploysDir,
      SITE_DEPLOYS_DEBOUNCE_MS: '300',
      STATIC_SITES_PORT: String(staticPort),
      DOMAIN_VERIFICATION_DNS_SERVERS: dns.address,
    },
  }));
}, 180_000);

afterAll(async () => {
  await stopPortal?.();
  await new Promise((resolve) => staticServer?.close(resolve));
  await dns?.stop();
  rmSync(deploysDir, { recursive: true, force: true });
});

/** A new browser without JavaScript (the cabinet works without it), signed in as `person`. */
const signedIn = async (person: { email: string; password: string }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${portalUrl}/cabinet`);
  await signInAtId(page, { issuer: id.issuer, portalUrl }, person);
  expect(page.url()).toBe(`${portalUrl}/cabinet`);
  return { context, page };
};

/** The access token the portal keeps in the browser's session cookie. */
const accessTokenIn = async (context: BrowserContext) => {
  const cookie = (await context.cookies(portalUrl)).find((entry) => entry.name === 'vh_session');
  const { session } = (await unseal(cookie!.value, 'session')) as { session: Session };
  return session.accessToken;
};

const subdomainOf = () => `kabinet-${randomBytes(3).toString('hex')}`;

/** Fills in and sends the "open a clinic" form. */
const openClinic = async (page: Page, subdomain: string, name = `Клиника ${subdomain}`) => {
  await page.goto(`${portalUrl}/cabinet`);
  await page.getByLabel('Название').fill(name);
  await page.getByLabel('Адрес сайта').fill(subdomain);
  await page.getByLabel('Город').fill('Казань');
  await page.getByLabel('Адрес', { exact: true }).fill('ул. Баумана, д. 10');
  await page.getByRole('button', { name: 'Открыть клинику' }).click();
};

const clinicIdOf = (page: Page) =>
  /\/cabinet\/clinics\/([^/?]+)/.exec(new URL(page.url()).pathname)?.[1] ?? '';

/** The document a cabinet page shows: the last part of its path. */
const documentIdOf = (page: Page) => new URL(page.url()).pathname.split('/').pop()!;

/**
 * Sends `form` without the browser's own checks (`min`, `max`, `required`), as an older browser
 * or a hand-made request would: what the CMS refuses must still come back next to its field.
 */
const submitUnchecked = async (page: Page, form: string, button: string) => {
  await page.locator(form).evaluate((element: HTMLFormElement) => {
    element.noValidate = true;
  });
  await page.getByRole('button', { name: button }).click();
};

/** Every section of a clinic's cabinet, a page's and a deploy's included. */
const sectionsOf = (clinic: string, pageDocument: string, deploy: number) => {
  const base = `${portalUrl}/cabinet/clinics/${clinic}`;
  const sections = [
    'pages',
    `pages/${pageDocument}`,
    'doctors',
    'services',
    'photos',
    'team',
    'domain',
    'deploys',
    `deploys/${deploy}`,
    'visits',
  ];
  return [base, ...sections.map((section) => `${base}/${section}`)];
};

/** The names in a cabinet list, in its order. */
const listedNames = (page: Page) => page.locator('tbody tr td:first-child a').allTextContents();

/** The draft (what the cabinet edits) of a document the CMS stores, or null. */
const storedDraft = (uid: string, documentId: string) =>
  id.cms.strapi.db.query(uid as never).findOne({
    where: { documentId, publishedAt: null },
    populate: uid === DOCTOR ? { clinics: true } : { clinic: true },
  }) as Promise<Record<string, any> | null>;

describe('the clinic owner’s cabinet', () => {
  let owner: Omit<Person, 'token'>;
  let context: BrowserContext;
  let page: Page;
  let clinic: string;
  let subdomain: string;
  let pageDocument: string;

  beforeAll(async () => {
    owner = await registerPerson(id, 'Ольга Владелец');
    ({ context, page } = await signedIn(owner));
  });
  afterAll(() => context?.close());

  it('refuses a bad subdomain next to its field, keeping what was typed, and opens nothing', async () => {
    const before = await id.cms.strapi.db.query(CLINIC).count({});
    await openClinic(page, 'Плохой_адрес', 'Клиника с плохим адресом');
    const field = page.getByLabel('Адрес сайта');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toContain('field-subdomain-error');
    expect(await page.locator('#field-subdomain-error').textContent()).toContain('латинских букв');
    expect(await page.getByLabel('Название').inputValue()).toBe('Клиника с плохим адресом');
    expect(await id.cms.strapi.db.query(CLINIC).count({})).toBe(before);

    await openClinic(page, 'admin');
    expect(await page.locator('#field-subdomain-error').textContent()).toContain(
      'оставляет за собой'
    );
    expect(await id.cms.strapi.db.query(CLINIC).count({})).toBe(before);
  });

  it('opens a clinic as a draft, lists it, and publishes it', async () => {
    subdomain = subdomainOf();
    await openClinic(page, subdomain);
    clinic = clinicIdOf(page);
    expect(clinic).toBeTruthy();
    expect(await page.locator('h1').textContent()).toBe(`Клиника ${subdomain}`);
    expect(await page.locator('#clinic-state').textContent()).toBe('Черновик');

    await page.goto(`${portalUrl}/cabinet`);
    const row = page.getByRole('row', { name: new RegExp(`Клиника ${subdomain}`) });
    expect(await row.textContent()).toContain('Владелец');
    await row.getByRole('link').click();

    await page.getByRole('button', { name: 'Опубликовать клинику' }).click();
    expect(await page.locator('#clinic-state').textContent()).toBe('Опубликовано');
    expect(
      await page.getByRole('link', { name: `http://${subdomain}.localhost:4322` }).count()
    ).toBe(1);
  });

  it('creates a page, edits its text, publishes it, and the deploy brings it to the static site', async () => {
    await page.goto(`${portalUrl}/cabinet/clinics/${clinic}/pages`);
    await page.getByLabel('Заголовок').fill('О клинике');
    await page.getByLabel('Адрес страницы').fill('o-klinike');
    await page.getByRole('button', { name: 'Добавить страницу' }).click();
    pageDocument = new URL(page.url()).pathname.split('/').pop()!;
    expect(await page.locator('#item-state').textContent()).toBe('Черновик');

    const text = `Мы открылись ${randomBytes(3).toString('hex')}: приём с 8 до 20 без выходных.`;
    await page.getByLabel('Текст').fill(text);
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    expect(await page.getByLabel('Текст').inputValue()).toBe(text);
    await page.getByRole('button', { name: 'Опубликовать', exact: true }).click();
    expect(await page.locator('#item-state').textContent()).toBe('Опубликовано');

    await page.goto(`${portalUrl}/cabinet/clinics/${clinic}/deploys`);
    // While a deploy runs, the page shows its progress and reloads itself (no JavaScript here).
    if ((await page.locator('progress').count()) > 0) {
      expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(1);
    }
    const live = page
      .locator('tbody tr[data-status="live"]')
      .filter({ hasText: 'страница: опубликована' });
    await live.first().waitFor({ timeout: 30_000 });
    expect(await page.locator('tbody tr').first().getAttribute('data-status')).toBe('live');
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);

    const served = await getByHost(staticPort, `${subdomain}.localhost`, '/o-klinike');
    expect(served.status).toBe(200);
    expect(served.text).toContain(text);

    await live.first().getByRole('link').click();
    expect(await page.locator('pre').textContent()).toMatch(/page \d+\/\d+ \/o-klinike/);
  });

  it('keeps only images in the photo library, and sets the logo from it', async () => {
    await page.goto(`${portalUrl}/cabinet/clinics/${clinic}/photos`);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(256),
    ]);
    const upload = page.getByLabel(/^Фото: JPEG/);
    await upload.setInputFiles({
      name: 'virus.png',
      mimeType: 'image/png',
      buffer: Buffer.from('MZ\x90\x00 this is a program'),
    });
    await page.getByRole('button', { name: 'Загрузить' }).click();
    expect(await page.locator('#files-error').textContent()).toContain('«virus.png» не принят');
    expect(await upload.getAttribute('aria-describedby')).toBe('files-error');
    expect(await page.locator('.photos img').count()).toBe(0);

    await upload.setInputFiles({ name: 'hall.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Загрузить' }).click();
    const thumbnail = page.locator('.photos img');
    expect(await thumbnail.getAttribute('src')).toMatch(new RegExp(`^${id.cms.baseUrl}/uploads/`));
    await page.getByRole('button', { name: 'Сделать логотипом: hall.png' }).click();
    expect(await page.locator('.photos').textContent()).toContain('логотип');
    const stored = await cabinet(id.cms, await accessTokenIn(context)).get(`/clinics/${clinic}`);
    expect(stored.body.data.logo.name).toBe('hall.png');

    // A photo is deleted for good, so only after asking; cancelling keeps it.
    await upload.setInputFiles({ name: 'spare.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Загрузить' }).click();
    expect(await page.locator('.photos img').count()).toBe(2);
    await page.getByRole('link', { name: 'Удалить: spare.png' }).click();
    const question = page.getByRole('alertdialog');
    expect(await question.textContent()).toContain('Удалить «spare.png» совсем');
    await question.getByRole('link', { name: 'Отмена' }).click();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await page.locator('.photos img').count()).toBe(2);

    await page.getByRole('link', { name: 'Удалить: spare.png' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Да, удалить' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Удалено.');
    const library = await cabinet(id.cms, await accessTokenIn(context)).get(
      `/clinics/${clinic}/photos`
    );
    expect(library.body.data.map((photo: { name: string }) => photo.name)).toEqual(['hall.png']);
  });

  it('adds a doctor through the form, edits and publishes it, and refuses a bad experience next to its field', async () => {
    const base = `${portalUrl}/cabinet/clinics/${clinic}/doctors`;
    const fullName = `Мария Иванова ${randomBytes(2).toString('hex')}`;
    const before = await id.cms.strapi.db.query(DOCTOR).count({});

    // Refused by the CMS (the most is 70 years): said next to the field, as typed, and nothing added.
    await page.goto(base);
    await page.getByLabel('ФИО').fill(fullName);
    await page.getByLabel('Стаж, лет').fill('99');
    await submitUnchecked(page, 'form:has(#create-fullName)', 'Добавить врача');
    const created = page.locator('#create-experienceYears');
    expect(await created.getAttribute('aria-invalid')).toBe('true');
    expect(await created.getAttribute('aria-describedby')).toContain(
      'create-experienceYears-error'
    );
    expect(await page.locator('#create-experienceYears-error').textContent()).toContain(
      'от 0 до 70'
    );
    expect(await created.inputValue()).toBe('99');
    expect(await page.getByLabel('ФИО').inputValue()).toBe(fullName);
    expect(await id.cms.strapi.db.query(DOCTOR).count({})).toBe(before);

    await page.getByLabel('Стаж, лет').fill('12');
    await page.getByLabel('Биография').fill('Терапевт, ведёт приём взрослых.');
    await page.getByRole('button', { name: 'Добавить врача' }).click();
    const doctor = documentIdOf(page);
    expect(page.url()).toBe(`${base}/${doctor}?done=create`);
    expect(await page.locator('h1').textContent()).toBe(fullName);
    expect(await page.locator('#item-state').textContent()).toBe('Черновик');
    let stored = await storedDraft(DOCTOR, doctor);
    expect(stored).toMatchObject({
      fullName,
      experienceYears: 12,
      biography: 'Терапевт, ведёт приём взрослых.',
    });
    expect(stored!.clinics.map((entry: { documentId: string }) => entry.documentId)).toEqual([
      clinic,
    ]);

    await page.getByLabel('Стаж, лет').fill('21');
    await page.getByLabel('Биография').fill('Терапевт и кардиолог.');
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    expect(await page.getByRole('status').textContent()).toContain('Изменения сохранены');
    stored = await storedDraft(DOCTOR, doctor);
    expect(stored).toMatchObject({ experienceYears: 21, biography: 'Терапевт и кардиолог.' });

    // The same refusal when editing: the form keeps what was typed, the CMS keeps what it had.
    await page.getByLabel('Стаж, лет').fill('99');
    await submitUnchecked(page, 'form.edit', 'Сохранить черновик');
    const edited = page.locator('#field-experienceYears');
    expect(await edited.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#field-experienceYears-error').textContent()).toContain(
      'от 0 до 70'
    );
    expect(await edited.inputValue()).toBe('99');
    expect((await storedDraft(DOCTOR, doctor))!.experienceYears).toBe(21);

    await page.goto(`${base}/${doctor}`);
    await page.getByRole('button', { name: 'Опубликовать', exact: true }).click();
    expect(await page.locator('#item-state').textContent()).toBe('Опубликовано');
    const live = await id.cms.request(`/api/doctors?filters[clinics][documentId][$eq]=${clinic}`);
    expect(live.status).toBe(200);
    expect(
      live.body.data.map((entry: Record<string, unknown>) => ({
        documentId: entry.documentId,
        slug: entry.slug,
        fullName: entry.fullName,
        experienceYears: entry.experienceYears,
        biography: entry.biography,
      }))
    ).toEqual([
      {
        documentId: doctor,
        // The address of the doctor's page on the sites, made from the name.
        slug: `mariya-ivanova-${fullName.split(' ')[2]}`,
        fullName,
        experienceYears: 21,
        biography: 'Терапевт и кардиолог.',
      },
    ]);

    await page.goto(base);
    const row = page.getByRole('row', { name: new RegExp(fullName) });
    expect((await row.locator('td').allTextContents()).map((text) => text.trim())).toEqual([
      fullName,
      'стаж 21 год',
      'Опубликовано',
      'Снять',
    ]);
  });

  it('takes a service’s price in roubles and stores kopecks, then publishes it', async () => {
    const base = `${portalUrl}/cabinet/clinics/${clinic}/services`;
    const name = `Первичный приём ${randomBytes(2).toString('hex')}`;
    await page.goto(base);
    await page.getByLabel('Название').fill(name);
    await page.getByLabel('Цена').fill('1 500,50');
    await page.getByLabel('Длительность, минут').fill('30');
    await page.getByRole('button', { name: 'Добавить услугу' }).click();
    const service = documentIdOf(page);
    expect(page.url()).toBe(`${base}/${service}?done=create`);
    expect(await storedDraft(SERVICE, service)).toMatchObject({
      name,
      price: 150050,
      currency: 'RUB',
      durationMinutes: 30,
      clinic: { documentId: clinic },
    });
    // Shown back in roubles, and a point works as well as a comma.
    expect(await page.getByLabel('Цена').inputValue()).toBe('1500,50');
    await page.getByLabel('Цена').fill('2499.9');
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    expect((await storedDraft(SERVICE, service))!.price).toBe(249990);
    expect(await page.getByLabel('Цена').inputValue()).toBe('2499,90');

    // Not a sum: next to the field, and the stored price stays.
    await page.getByLabel('Цена').fill('2 500 руб.');
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    expect(await page.getByLabel('Цена').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#field-price-error').textContent()).toContain(
      'копейки через запятую'
    );
    expect((await storedDraft(SERVICE, service))!.price).toBe(249990);

    await page.goto(base);
    await page.getByRole('button', { name: `Опубликовать: ${name}` }).click();
    const row = page.getByRole('row', { name: new RegExp(name) });
    expect(await row.locator('td').nth(2).textContent()).toBe('Опубликовано');
    expect((await row.locator('td').nth(1).textContent())?.replace(/\s/g, ' ')).toBe('2 499,90 ₽');
    const live = await id.cms.request(`/api/services?filters[clinic][documentId][$eq]=${clinic}`);
    expect(
      live.body.data.map((entry: Record<string, unknown>) => [entry.documentId, entry.price])
    ).toEqual([[service, 249990]]);
  });

  it('moves pages up and down the menu, in the list and in the CMS', async () => {
    const base = `${portalUrl}/cabinet/clinics/${clinic}/pages`;
    for (const [title, slug] of [
      ['Цены', 'ceny'],
      ['Контакты', 'kontakty'],
    ]) {
      await page.goto(base);
      await page.getByLabel('Заголовок').fill(title);
      await page.getByLabel('Адрес страницы').fill(slug);
      await page.getByRole('button', { name: 'Добавить страницу' }).click();
      expect(await page.locator('h1').textContent()).toBe(title);
    }
    /** The clinic's pages (drafts) by their place in the menu, as the CMS stores them. */
    const storedOrder = async () =>
      (
        (await id.cms.strapi.db.query(PAGE).findMany({
          where: { clinic: { documentId: clinic }, publishedAt: null },
          orderBy: [{ position: 'asc' }, { title: 'asc' }],
        })) as { title: string; position: number }[]
      ).map((entry) => `${entry.position}:${entry.title}`);

    await page.goto(base);
    // A new page goes to the end of the menu.
    expect(await listedNames(page)).toEqual(['О клинике', 'Цены', 'Контакты']);
    expect(await page.getByRole('button', { name: 'Выше: О клинике' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Ниже: Контакты' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Выше: Контакты' }).click();
    expect(page.url()).toBe(`${base}?done=move`);
    expect(await page.getByRole('status').textContent()).toBe('Порядок страниц изменён.');
    expect(await listedNames(page)).toEqual(['О клинике', 'Контакты', 'Цены']);
    expect(await storedOrder()).toEqual(['0:О клинике', '1:Контакты', '2:Цены']);

    await page.getByRole('button', { name: 'Ниже: О клинике' }).click();
    expect(await listedNames(page)).toEqual(['Контакты', 'О клинике', 'Цены']);
    expect(await storedOrder()).toEqual(['0:Контакты', '1:О клинике', '2:Цены']);
  });

  it('deletes a page only after asking, from the list and from the CMS, published version too', async () => {
    const base = `${portalUrl}/cabinet/clinics/${clinic}/pages`;
    await page.goto(base);
    await page.getByRole('link', { name: 'Цены', exact: true }).click();
    const doomed = documentIdOf(page);
    await page.getByRole('button', { name: 'Опубликовать', exact: true }).click();
    expect(await page.locator('#item-state').textContent()).toBe('Опубликовано');
    expect(await id.cms.strapi.db.query(PAGE).count({ where: { documentId: doomed } })).toBe(2);

    await page.getByRole('link', { name: 'Удалить…' }).click();
    const question = page.getByRole('alertdialog');
    expect(await question.textContent()).toContain('Удалить «Цены» совсем');
    // Cancelling keeps it.
    await question.getByRole('link', { name: 'Отмена' }).click();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await id.cms.strapi.db.query(PAGE).count({ where: { documentId: doomed } })).toBe(2);

    await page.getByRole('link', { name: 'Удалить…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Да, удалить' }).click();
    expect(page.url()).toBe(`${base}?done=delete`);
    expect(await page.getByRole('status').textContent()).toBe('Удалено.');
    expect(await listedNames(page)).toEqual(['Контакты', 'О клинике']);
    expect(await id.cms.strapi.db.query(PAGE).count({ where: { documentId: doomed } })).toBe(0);
    const live = await id.cms.request(`/api/pages?filters[clinic][documentId][$eq]=${clinic}`);
    expect(live.body.data.map((entry: { slug: string }) => entry.slug)).toEqual(['o-klinike']);
    expect((await page.goto(`${base}/${doomed}`))?.status()).toBe(404);
  });

  it('invites an administrator by email, who accepts and then runs the clinic', async () => {
    const helper = await registerPerson(id, 'Анна Помощник');
    await page.goto(`${portalUrl}/cabinet/clinics/${clinic}/team`);
    await page.getByLabel('Электронная почта').fill(helper.email);
    await page.getByRole('button', { name: 'Пригласить' }).click();
    expect(await page.getByRole('status').textContent()).toContain('Приглашение отправлено');
    expect(await page.locator('main').textContent()).toContain(helper.email);

    const mail = await id.mail.waitFor(helper.email);
    const link = /http\S+\/cabinet\/invitations\/[\w-]+/.exec(mail.text ?? '')?.[0];
    expect(link?.startsWith(`${portalUrl}/cabinet/invitations/`)).toBe(true);

    // Whoever is signed in under another address is told so in Russian; the link still works.
    await page.goto(link!);
    await page.getByRole('button', { name: 'Принять приглашение' }).click();
    expect(await page.getByRole('alert').textContent()).toBe(
      'Приглашение отправлено на другой адрес: войдите в VixenHealth ID с той почтой, на которую оно пришло.'
    );

    const invited = await browser.newContext({ javaScriptEnabled: false });
    const invitedPage = await invited.newPage();
    await invitedPage.goto(link!);
    await signInAtId(invitedPage, { issuer: id.issuer, portalUrl }, helper);
    expect(invitedPage.url()).toBe(link);
    expect(await invitedPage.locator('main').textContent()).toContain(`Клиника ${subdomain}`);
    await invitedPage.getByRole('button', { name: 'Принять приглашение' }).click();
    expect(invitedPage.url()).toBe(`${portalUrl}/cabinet/clinics/${clinic}`);
    expect(await invitedPage.locator('main').textContent()).toContain('Ваша роль: Администратор');
    // Administrators do not take the clinic offline: the button is the owners'.
    expect(
      await invitedPage.getByRole('button', { name: 'Снять клинику с публикации' }).count()
    ).toBe(0);

    await invitedPage.goto(`${portalUrl}/cabinet`);
    const row = invitedPage.getByRole('row', { name: new RegExp(`Клиника ${subdomain}`) });
    expect(await row.textContent()).toContain('Администратор');
    await invited.close();

    await page.goto(`${portalUrl}/cabinet/clinics/${clinic}/team`);
    expect(
      await page.getByRole('button', { name: `Убрать из команды: ${helper.email}` }).count()
    ).toBe(1);
  });

  it('has an owner prove the clinic’s own domain before anything uses it', async () => {
    const domain = `svoy-${randomBytes(3).toString('hex')}.example`;
    await page.goto(`${portalUrl}/cabinet/clinics/${clinic}/domain`);
    await page.getByLabel('Домен').fill(domain);
    await page.getByRole('button', { name: 'Сохранить домен' }).click();
    expect(await page.getByRole('status').textContent()).toContain('Домен сохранён');
    expect(await page.locator('#domain-status').textContent()).toBe('Не подтверждён');
    const [type, name, value] = await page.locator('.record dd').allTextContents();
    expect([type, name]).toEqual(['TXT', `_vixenhealth.${domain}`]);
    expect((await getByHost(staticPort, domain, '/')).status).toBe(404);

    await page.getByRole('button', { name: 'Проверить сейчас' }).click();
    expect(await page.locator('#domain-status').textContent()).toBe('Не подтверждён');
    expect(await page.locator('main').textContent()).toContain('записи нет');

    dns.setTxt(name, [value]);
    await page.getByRole('button', { name: 'Проверить сейчас' }).click();
    expect(await page.locator('#domain-status').textContent()).toBe('Подтверждён');
    expect(await page.getByRole('link', { name: `https://${domain}` }).count()).toBe(1);
    await page.screenshot({ path: path.join(tmpdir(), 'vh-cabinet-domain.png'), fullPage: true });

    // The static site answers on the domain once a deploy has linked it.
    await expect
      .poll(async () => (await getByHost(staticPort, domain, '/o-klinike')).status, {
        timeout: 30_000,
      })
      .toBe(200);
  });

  it('is accessible in every section: labelled fields, landmarks, Russian, readable contrast', async () => {
    const deploy = (
      await cabinet(id.cms, await accessTokenIn(context)).get(`/clinics/${clinic}/deploys`)
    ).body.data[0].id;
    for (const url of [`${portalUrl}/cabinet`, ...sectionsOf(clinic, pageDocument, deploy)]) {
      expect((await page.goto(url))?.status(), url).toBe(200);
      expect(await accessibilityProblems(page), url).toEqual([]);
    }
  });

  it('is closed to another person: 404 in the portal and in the API, and nothing changes', async () => {
    const stranger = await registerPerson(id, 'Пётр Чужой');
    const other = await signedIn(stranger);
    const base = `${portalUrl}/cabinet/clinics/${clinic}`;
    await page.goto(base);
    const stateBefore = await page.locator('#clinic-state').textContent();
    for (const url of sectionsOf(clinic, pageDocument, 1)) {
      const response = await other.page.goto(url);
      expect(response?.status(), url).toBe(404);
    }
    // A form posted by hand is refused the same way.
    const posted = await other.page.request.post(base, {
      form: { action: 'unpublish' },
      headers: { origin: portalUrl },
    });
    expect(posted.status()).toBe(404);
    const api = cabinet(id.cms, await accessTokenIn(other.context));
    expect((await api.get(`/clinics/${clinic}`)).status).toBe(404);
    expect((await api.get(`/clinics/${clinic}/pages`)).status).toBe(404);

    await page.goto(base);
    expect(await page.locator('#clinic-state').textContent()).toBe(stateBefore);
    expect(
      await id.cms.strapi.db
        .query(CLINIC)
        .count({ where: { documentId: clinic, publishedAt: { $notNull: true } } })
    ).toBe(1);
    await other.context.close();
  });
});
