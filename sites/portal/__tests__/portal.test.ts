import { randomBytes } from 'node:crypto';

import { EncryptJWT } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Session } from '@vixenhealth/id-web';
import { accessibilityProblems } from '@vixenhealth/tooling/testing/accessibility';
import type { IdTest } from '@vixenhealth/tooling/testing/id-test';
import { registerPerson } from '@vixenhealth/tooling/testing/people';
import { signInAtId as signInThere } from '@vixenhealth/tooling/testing/id-browser';

import { portalAuth } from '../src/lib/auth';
import { startPortalUnderTest } from './support/portal-under-test';

const { seal, unseal } = portalAuth.sealer;

let id: IdTest;
let portalUrl: string;
let browser: Browser;

const REVIEW = 'api::review.review';

let stopPortal: () => Promise<void>;

beforeAll(async () => {
  ({ id, portalUrl, browser, stop: stopPortal } = await startPortalUnderTest());
}, 180_000);

afterAll(() => stopPortal?.());

/** A browser of its own, without JavaScript: the portal must work without it. */
const newVisitor = () => browser.newContext({ javaScriptEnabled: false });

/** The names on the clinic cards of the page shown. */
const clinicNames = (page: Page) => page.locator('article h2').allTextContents();

/** Signs in through ID's real form, from wherever the portal sent the browser. */
const signInAtId = (page: Page, person: { email: string; password: string }) =>
  signInThere(page, { issuer: id.issuer, portalUrl }, person);

/** Fills in the review form shown on `page`. */
const fillReview = async (page: Page, review: { rating: number; title: string; text: string }) => {
  await page.getByRole('radio', { name: String(review.rating), exact: true }).check();
  await page.getByLabel('Заголовок').fill(review.title);
  await page.getByLabel('Отзыв', { exact: true }).fill(review.text);
};

const sessionCookie = async (context: BrowserContext) =>
  (await context.cookies(portalUrl)).find((cookie) => cookie.name === 'vh_session');

describe('the clinic directory', () => {
  it('finds clinics by name, city and specialty, on the server, with a plain GET form', async () => {
    const context = await newVisitor();
    const page = await context.newPage();
    await page.goto(`${portalUrl}/clinics`);
    expect(await clinicNames(page)).toHaveLength(4);

    await page.getByLabel('Название').fill('лисья');
    await page.getByRole('button', { name: 'Найти' }).click();
    expect(new URL(page.url()).searchParams.get('q')).toBe('лисья');
    expect(await clinicNames(page)).toEqual(['Клиника «Лисья тропа»']);

    await page.getByLabel('Название').fill('');
    await page.getByLabel('Город').selectOption('Санкт-Петербург');
    await page.getByRole('button', { name: 'Найти' }).click();
    expect((await clinicNames(page)).sort()).toEqual([
      'Глазной центр «Зоркий взгляд»',
      'Стоматология «Белый клык»',
    ]);

    await page.getByLabel('Город').selectOption('');
    await page.getByLabel('Специальность').selectOption({ label: 'Неврология' });
    await page.getByRole('button', { name: 'Найти' }).click();
    expect((await clinicNames(page)).sort()).toEqual([
      'Глазной центр «Зоркий взгляд»',
      'Клиника «Лисья тропа»',
    ]);
    // The form shows the search it made.
    expect(await page.getByLabel('Специальность').inputValue()).toBe('neurology');

    await page.getByLabel('Город').selectOption('Москва');
    await page.getByRole('button', { name: 'Найти' }).click();
    expect(await clinicNames(page)).toEqual(['Клиника «Лисья тропа»']);

    await page.goto(`${portalUrl}/clinics?q=${encodeURIComponent('Нет такой клиники')}`);
    expect(await clinicNames(page)).toEqual([]);
    expect(await page.getByRole('heading', { name: 'Ничего не найдено' }).count()).toBe(1);
    await context.close();
  });

  it('shows each clinic’s rating and links to its own site', async () => {
    const context = await newVisitor();
    const page = await context.newPage();
    await page.goto(`${portalUrl}/clinics?q=${encodeURIComponent('Лисья')}`);
    const card = page.locator('article');
    expect(await card.getByText(/из 5 · \d+ отзыв/).count()).toBe(1);
    expect(await card.getByRole('link', { name: /Сайт клиники/ }).getAttribute('href')).toBe(
      'http://lisya-tropa.localhost:4322'
    );
    await context.close();
  });
});

describe('clinic and doctor pages', () => {
  it('show the profile, doctors, prices and approved reviews, with description and OpenGraph', async () => {
    const context = await newVisitor();
    const page = await context.newPage();
    const response = await page.goto(`${portalUrl}/clinics/lisya-tropa`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('Клиника «Лисья тропа»');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBeTruthy();
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(
      'Клиника «Лисья тропа» — VixenHealth'
    );
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Внимательные врачи и уютно' }).count()).toBe(1);
    expect(await page.locator('td').filter({ hasText: /₽/ }).count()).toBeGreaterThan(0);

    const doctor = page.locator('#doctors ~ ul a').first();
    const doctorName = await doctor.textContent();
    await doctor.click();
    expect(await page.locator('h1').textContent()).toBe(doctorName);
    expect(await page.getByRole('link', { name: 'Клиника «Лисья тропа»' }).count()).toBe(1);

    // The demo patient's pending review of this clinic is not public.
    await page.goto(`${portalUrl}/clinics/ryzhiy-khvost`);
    expect(await page.getByRole('heading', { name: 'Долго ждала приёма' }).count()).toBe(0);

    for (const missing of ['/clinics/no-such-clinic', '/doctors/no-such-doctor', '/no/such/page']) {
      expect((await page.goto(`${portalUrl}${missing}`))?.status()).toBe(404);
    }
    await context.close();
  });

  it('are accessible: labelled fields, landmarks, Russian, readable contrast', async () => {
    const context = await newVisitor();
    const page = await context.newPage();
    for (const url of [
      '/',
      '/clinics',
      `/clinics?q=${encodeURIComponent('Лисья')}`,
      '/clinics/lisya-tropa',
      '/doctors/ivanova-anna-sergeevna',
      '/no/such/page',
    ]) {
      await page.goto(`${portalUrl}${url}`);
      expect(await accessibilityProblems(page), url).toEqual([]);
    }
    await context.close();
  });

  it('are listed in the sitemap, which robots.txt names', async () => {
    const sitemap = await (await fetch(`${portalUrl}/sitemap.xml`)).text();
    expect(sitemap).toContain(`<loc>${portalUrl}/clinics/lisya-tropa</loc>`);
    expect(sitemap).toContain(`<loc>${portalUrl}/doctors/ivanova-anna-sergeevna</loc>`);
    const robots = await (await fetch(`${portalUrl}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${portalUrl}/sitemap.xml`);
  });
});

describe('signing in and writing a review', () => {
  let context: BrowserContext;
  let page: Page;
  let person: Awaited<ReturnType<typeof registerPerson>>;
  const reviewsBy = (authorId: number) =>
    id.cms.strapi.db.query(REVIEW).findMany({ where: { author: { id: authorId } } });

  beforeAll(async () => {
    person = await registerPerson(id, 'Ольга Смирнова');
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  it('sends an anonymous visitor of the review form to sign in, and back to the form', async () => {
    await page.goto(`${portalUrl}/clinics/lisya-tropa/review`);
    expect(page.url().startsWith(`${id.issuer}/interaction/`)).toBe(true);
    await signInAtId(page, person);
    expect(page.url()).toBe(`${portalUrl}/clinics/lisya-tropa/review`);
    expect(await page.locator('header').getByText('Ольга Смирнова').count()).toBe(1);

    const cookie = await sessionCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
    expect(cookie!.value.length).toBeLessThan(4000);
  });

  it('has an accessible review form', async () => {
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('stores a review as pending and does not show it until a moderator approves it', async () => {
    await fillReview(page, {
      rating: 5,
      title: 'Прекрасный терапевт',
      text: 'Врач выслушал, всё объяснил и назначил лечение.',
    });
    await page.getByLabel('Месяц визита (необязательно)').fill('2025-03');
    await page.getByRole('button', { name: 'Отправить' }).click();
    expect(await page.getByRole('status').textContent()).toContain(
      'появится на сайте после проверки модератором'
    );

    const [review] = await reviewsBy(person.id);
    expect(review).toMatchObject({
      title: 'Прекрасный терапевт',
      rating: 5,
      visitMonth: '2025-03',
      visibility: 'public',
      moderationStatus: 'pending',
    });
    await page.goto(`${portalUrl}/clinics/lisya-tropa`);
    expect(await page.getByRole('heading', { name: 'Прекрасный терапевт' }).count()).toBe(0);
  });

  it('shows the CMS’s refusals next to the field, or above the form for a limit, and stores nothing', async () => {
    await page.goto(`${portalUrl}/clinics/lisya-tropa/review`);
    // Long enough for the browser; the CMS drops the spaces and finds it too short.
    await fillReview(page, { rating: 4, title: 'Ещё раз', text: `Хорошо.${' '.repeat(20)}` });
    await page.getByRole('button', { name: 'Отправить' }).click();
    expect(await page.locator('#error-text').textContent()).toBe(
      'Текст отзыва — от 20 до 5000 символов.'
    );
    expect(await page.getByLabel('Отзыв', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true'
    );
    // What was typed stays.
    expect(await page.getByLabel('Заголовок').inputValue()).toBe('Ещё раз');

    await page
      .getByLabel('Отзыв', { exact: true })
      .fill('Снова всё хорошо, врач очень внимательный.');
    await page.getByRole('button', { name: 'Отправить' }).click();
    expect(await page.getByRole('alert').textContent()).toContain(
      'Вы уже оставляли публичный отзыв здесь за последние 30 дней'
    );
    expect(await reviewsBy(person.id)).toHaveLength(1);
  });

  it('warns before a bug report goes out publicly, and sends it privately in one click', async () => {
    await page.goto(`${portalUrl}/doctors/ivanova-anna-sergeevna/review`);
    await fillReview(page, {
      rating: 3,
      title: 'Запись не работает',
      text: 'При записи на приём приложение падает с ошибкой, врач ни при чём.',
    });
    await page.getByRole('button', { name: 'Отправить' }).click();
    const advice = page.getByRole('alert');
    expect(await advice.textContent()).toContain('Похоже на сообщение об ошибке');
    expect(await advice.textContent()).toContain('в тексте говорится об ошибках или сбоях');
    // Nothing is sent before the person decides.
    expect(await reviewsBy(person.id)).toHaveLength(1);

    await advice.getByRole('button', { name: 'Отправить закрытым отзывом' }).click();
    expect(await page.getByRole('status').textContent()).toContain('Закрытый отзыв');
    const bugReport = (await reviewsBy(person.id)).find(
      (review: { title: string }) => review.title === 'Запись не работает'
    );
    expect(bugReport).toMatchObject({ visibility: 'private', moderationStatus: 'pending' });
  });

  it('sends attachments with the review, as multipart, after warning about a log file', async () => {
    await page.goto(`${portalUrl}/doctors/petrov-mikhail-andreevich/review`);
    await fillReview(page, {
      rating: 4,
      title: 'Выписка после приёма',
      text: 'Прикладываю фото выписки и файл из личного кабинета.',
    });
    const files = [
      {
        name: 'photo.png',
        mimeType: 'image/png',
        buffer: Buffer.concat([
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
          Buffer.alloc(256),
        ]),
      },
      {
        name: 'booking.log',
        mimeType: 'text/plain',
        buffer: Buffer.from('10:00 booking timeout\n'),
      },
    ];
    await page.getByLabel(/^Файлы/).setInputFiles(files);
    await page.getByRole('button', { name: 'Отправить' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('к отзыву приложен лог-файл');
    expect(await page.getByText('прикрепите их снова').count()).toBe(1);

    await page.getByLabel(/^Файлы/).setInputFiles(files);
    await page.getByRole('button', { name: 'Отправить закрытым отзывом' }).click();
    expect(await page.getByRole('status').textContent()).toContain('Закрытый отзыв');
    const stored = await id.cms.strapi.db
      .query(REVIEW)
      .findOne({ where: { title: 'Выписка после приёма' }, populate: ['attachments'] });
    expect(stored).toMatchObject({ visibility: 'private', moderationStatus: 'pending' });
    expect(stored.attachments.map((file: { name: string }) => file.name).sort()).toEqual([
      'booking.log',
      'photo.png',
    ]);
    // The files are real, under cms/public/uploads: not left behind.
    const upload = id.cms.strapi.plugin('upload').service('upload');
    for (const file of stored.attachments) await upload.remove(file);
  });

  it('refreshes an expired access token with the refresh token', async () => {
    const before = await sessionCookie(context);
    const { session } = (await unseal(before!.value, 'session')) as { session: Session };
    const expired = await seal(
      { session: { ...session, accessTokenExpiresAt: Date.now() - 1000 } },
      'session',
      3600
    );
    await context.addCookies([{ ...before!, value: expired }]);
    await page.goto(`${portalUrl}/clinics/lisya-tropa/review`);
    expect(page.url()).toBe(`${portalUrl}/clinics/lisya-tropa/review`);
    const after = (await unseal((await sessionCookie(context))!.value, 'session')) as {
      session: Session;
    };
    expect(after.session.accessToken).not.toBe(session.accessToken);
    expect(after.session.refreshToken).not.toBe(session.refreshToken);
    expect(after.session.accessTokenExpiresAt).toBeGreaterThan(Date.now());
  });

  it('never sends anyone off-site after signing in', async () => {
    // Signed in at ID already: it answers at once, and the portal lands on its own home page.
    for (const returnTo of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
      await page.goto(`${portalUrl}/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
      expect(page.url()).toBe(`${portalUrl}/`);
    }
  });

  it('refuses a form posted from another site', async () => {
    const response = await fetch(`${portalUrl}/clinics/lisya-tropa/review`, {
      method: 'POST',
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `vh_session=${(await sessionCookie(context))!.value}`,
      },
      body: 'rating=1&title=CSRF&text=Этот отзыв отправлен с чужого сайта.',
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
    expect(await reviewsBy(person.id)).toHaveLength(3);
  });

  it('signs out of the portal, and then of ID', async () => {
    await page.goto(`${portalUrl}/`);
    await page.locator('header').getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL((url) => url.href.startsWith(id.issuer));
    expect(await sessionCookie(context)).toBeUndefined();
  });
});

describe('a session cookie the portal did not make', () => {
  const visitWith = async (value: string) => {
    const context = await browser.newContext();
    await context.addCookies([{ name: 'vh_session', value, url: portalUrl }]);
    const page = await context.newPage();
    await page.goto(`${portalUrl}/clinics/lisya-tropa/review`);
    const result = { url: page.url(), cookie: await sessionCookie(context) };
    await context.close();
    return result;
  };
  const session = {
    user: { sub: 'someone', name: 'Злоумышленник', email: null },
    accessToken: 'forged',
    refreshToken: null,
    accessTokenExpiresAt: Date.now() + 3_600_000,
  };

  it('is refused when tampered with: the visitor is sent to sign in, the cookie deleted', async () => {
    const genuine = await seal({ session }, 'session', 3600);
    const parts = genuine.split('.');
    parts[3] = `${parts[3].slice(0, -4)}${parts[3].endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    const visit = await visitWith(parts.join('.'));
    expect(visit.url.startsWith(`${id.issuer}/interaction/`)).toBe(true);
    expect(visit.cookie).toBeUndefined();
  });

  it('is refused when sealed under another secret', async () => {
    const foreign = await new EncryptJWT({ session })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setExpirationTime('1h')
      .encrypt(randomBytes(32));
    const visit = await visitWith(foreign);
    expect(visit.url.startsWith(`${id.issuer}/interaction/`)).toBe(true);
    expect(visit.cookie).toBeUndefined();
  });
});
