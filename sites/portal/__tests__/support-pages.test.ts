import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { accessibilityProblems } from '@vixenhealth/tooling/testing/accessibility';
import type { IdTest } from '@vixenhealth/tooling/testing/id-test';
import { registerPerson } from '@vixenhealth/tooling/testing/people';

import { signInAtId } from '@vixenhealth/tooling/testing/id-browser';
import { startPortalUnderTest } from './support/portal-under-test';

/**
 * "Связаться с поддержкой", "Мои обращения" and a request's thread, in Chromium against the
 * real desk: a person files a request with a file about a clinic, finds it, reads and answers
 * it; nobody else can open it.
 */

const TICKET = 'plugin::support.ticket';

let id: IdTest;
let portalUrl: string;
let browser: Browser;
let stopPortal: () => Promise<void>;

beforeAll(async () => {
  ({ id, portalUrl, browser, stop: stopPortal } = await startPortalUnderTest());
}, 180_000);

afterAll(() => stopPortal?.());

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

/** A browser of a person's own, without JavaScript: the pages must work without it. */
const newBrowserOf = async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return { context, page: await context.newPage() };
};

const ticketNumberIn = (url: string) => /\/support\/requests\/([^/?]+)/.exec(url)?.[1] ?? '';

describe('support requests on the portal', () => {
  let context: BrowserContext;
  let page: Page;
  let number: string;
  /** The portal's address of the file attached to Olga's request. */
  let fileHref: string;
  let olga: Awaited<ReturnType<typeof registerPerson>>;

  beforeAll(async () => {
    olga = await registerPerson(id, 'Ольга Смирнова');
    ({ context, page } = await newBrowserOf());
  });
  afterAll(() => context?.close());

  it('files a request about a clinic, with a file, from the clinic’s page after signing in', async () => {
    await page.goto(`${portalUrl}/clinics/lisya-tropa`);
    await page.getByRole('link', { name: 'Написать в поддержку о клинике' }).click();
    await signInAtId(page, { issuer: id.issuer, portalUrl }, olga);
    expect(new URL(page.url()).pathname).toBe('/support');
    expect(await page.getByText('Обращение о клинике: Клиника «Лисья тропа»').count()).toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByLabel('Тема').fill('Не приходит подтверждение записи');
    await page
      .getByLabel('Сообщение')
      .fill('Записалась на приём, но письма нет.\n\nСкриншот приложила.');
    await page
      .getByLabel(/^Файлы/)
      .setInputFiles({ name: 'screen.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Отправить' }).click();

    const url = new URL(page.url());
    number = ticketNumberIn(url.pathname);
    expect(number).toMatch(/^VH-\d+$/);
    expect(url.searchParams.get('sent')).toBe('1');
    expect(await page.getByRole('status').textContent()).toContain('Обращение отправлено');
    expect(await page.locator('h1').textContent()).toBe('Не приходит подтверждение записи');

    const clinic = await id.cms.strapi.db.query('api::clinic.clinic').findOne({
      where: { slug: 'lisya-tropa' },
    });
    const ticket = await id.cms.strapi.db.query(TICKET).findOne({ where: { number } });
    expect(ticket).toMatchObject({
      subject: 'Не приходит подтверждение записи',
      clinic: clinic.documentId,
    });

    // The file comes back whole, through the portal, as a download.
    const link = page.getByRole('link', { name: 'screen.png' });
    fileHref = (await link.getAttribute('href'))!;
    const download = await context.request.get(`${portalUrl}${fileHref}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(Buffer.from(await download.body()).equals(PNG)).toBe(true);
  });

  it('lists the request in "Мои обращения" and takes a reply in its thread', async () => {
    await page.goto(`${portalUrl}/`);
    await page.locator('header').getByRole('link', { name: 'Мои обращения' }).click();
    const row = page.getByRole('row').filter({ hasText: number });
    const cells = (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
    expect(cells).toEqual(
      expect.arrayContaining([number, 'Не приходит подтверждение записи', 'Новое'])
    );

    await row.getByRole('link', { name: number }).click();
    await page.getByLabel('Сообщение').fill('Письмо так и не пришло.');
    await page.getByRole('button', { name: 'Отправить ответ' }).click();
    expect(new URL(page.url()).searchParams.get('replied')).toBe('1');
    expect(await page.getByRole('status').textContent()).toContain('Ответ отправлен');
    const mine = page.getByRole('article', { name: 'От вас' });
    expect(await mine.count()).toBe(2);
    expect(await mine.nth(1).textContent()).toContain('Письмо так и не пришло.');
    expect((await mine.first().locator('strong').textContent())?.trim()).toBe('Вы');
  });

  it('opens a new request for a reply to a closed one, and links to it', async () => {
    await id.cms.strapi.db.query(TICKET).update({ where: { number }, data: { status: 'closed' } });
    await page.goto(`${portalUrl}/support/requests/${number}`);
    expect(await page.getByText('Это обращение закрыто').count()).toBe(1);
    await page.getByLabel('Сообщение').fill('Вопрос снова актуален.');
    await page.getByRole('button', { name: 'Отправить ответ' }).click();

    const followUp = new URL(page.url()).searchParams.get('followUp');
    expect(followUp).toMatch(/^VH-\d+$/);
    expect(followUp).not.toBe(number);
    await page.getByRole('status').getByRole('link', { name: followUp! }).click();
    expect(ticketNumberIn(page.url())).toBe(followUp);
    expect(await page.getByText('Вопрос снова актуален.').count()).toBe(1);
  });

  it('keeps what was typed and names a missing subject in Russian next to its field', async () => {
    await page.goto(`${portalUrl}/support`);
    // Enough for the browser; the desk trims the spaces and finds no subject.
    await page.getByLabel('Тема').fill('     ');
    await page.getByLabel('Сообщение').fill('Текст, который нельзя потерять.');
    await page.getByRole('button', { name: 'Отправить' }).click();

    expect(await page.locator('#field-subject-error').textContent()).toBe(
      'Тема — от 3 до 200 символов.'
    );
    expect(await page.getByLabel('Тема').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Сообщение').inputValue()).toBe('Текст, который нельзя потерять.');
    expect(await id.cms.strapi.db.query(TICKET).count({ where: { subject: '' } })).toBe(0);
  });

  it('shows nobody else the request or its files: a 404 page', async () => {
    const boris = await registerPerson(id, 'Борис Петров');
    const other = await newBrowserOf();
    await other.page.goto(`${portalUrl}/support/requests`);
    await signInAtId(other.page, { issuer: id.issuer, portalUrl }, boris);
    expect(await other.page.getByText('Вы ещё не обращались в поддержку.').count()).toBe(1);

    const response = await other.page.goto(`${portalUrl}/support/requests/${number}`);
    expect(response?.status()).toBe(404);
    expect(await other.page.locator('h1').textContent()).toBe('Обращение не найдено');
    expect(await other.page.getByText('Не приходит подтверждение записи').count()).toBe(0);

    const file = await other.context.request.get(`${portalUrl}${fileHref}`);
    expect(file.status()).toBe(404);
    expect(Buffer.from(await file.body()).includes(PNG)).toBe(false);
    await other.context.close();
  });
});
