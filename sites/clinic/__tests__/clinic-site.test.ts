import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startClinicSite } from '@vixenhealth/tooling/lib/clinic-site';
import { freeLoopbackPort } from '@vixenhealth/tooling/lib/free-port';
import { accessibilityProblems } from '@vixenhealth/tooling/testing/accessibility';
import { launchChromium } from '@vixenhealth/tooling/testing/chromium';
import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { getByHost, requestByHost } from '@vixenhealth/tooling/testing/host-request';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import { closeClinicExporter, exportClinicSite } from '../server/export-clinic-site.mjs';
import { EXPORT_ID_HEADER, SITE_URL_HEADER } from '../src/lib/export-headers.mjs';
import { DESIGNED_BARE_LOOK, DESIGNED_LOOK, lookOf } from './page-look';
import { fileFor, runExportCli, serveFolder } from './static-site';

let cms: TestCms;
let site: ChildProcess;
let origin: (host: string) => string;
let port: number;

/** GET over loopback with a clinic's Host header. */
const get = (host: string, urlPath: string) => getByHost(port, `${host}.localhost`, urlPath);
let browser: Browser;

const WEBHOOK_TOKEN = 'test-webhook-token-0123456789';
const ONE_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

beforeAll(async () => {
  port = await freeLoopbackPort();
  cms = await startTestCms({
    DEMO_DATA: 'true',
    CLINIC_SITES_URL: `http://127.0.0.1:${port}`,
    SITES_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
  });
  site = startClinicSite({
    cmsUrl: cms.baseUrl,
    port,
    env: {
      PUBLIC_URL: cms.baseUrl,
      SITES_BASE_DOMAIN: 'localhost',
      SITES_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
      PORTAL_URL: 'https://portal.test',
    },
  });
  origin = (host) => `http://${host}.localhost:${port}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const ready = await get('probe', '/').then(
      () => true,
      () => false
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  site?.kill();
  await cms?.stop();
});

describe('a clinic site in a browser', () => {
  it('shows one clinic under one host and another under another', async () => {
    const nameOf = async (subdomain: string) =>
      (await cms.request(`/api/clinics?filters[subdomain][$eq]=${subdomain}`)).body.data[0].name;
    const [fox, tail] = [await nameOf('lisya-tropa'), await nameOf('ryzhiy-khvost')];
    expect(fox).not.toBe(tail);

    const page = await browser.newPage();
    const first = await page.goto(origin('lisya-tropa'));
    expect(first?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe(fox);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(fox);

    const second = await page.goto(origin('ryzhiy-khvost'));
    expect(second?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe(tail);
    await page.close();
  });

  it('shows the clinic’s doctors, prices, pages and approved reviews, each page to its own', async () => {
    const page = await browser.newPage();
    await page.goto(origin('lisya-tropa'));
    await page.getByRole('navigation').getByRole('link', { name: 'Врачи', exact: true }).click();
    expect(await page.locator('h1').textContent()).toBe('Врачи');
    const doctor = page.getByRole('main').getByRole('link').first();
    const doctorName = await doctor.textContent();
    await doctor.click();
    expect(await page.locator('h1').textContent()).toBe(doctorName);

    await page.goto(`${origin('lisya-tropa')}/services`);
    expect(await page.locator('td').filter({ hasText: /₽/ }).count()).toBeGreaterThan(0);

    await page.goto(`${origin('lisya-tropa')}/voprosy`);
    expect(await page.locator('h1').textContent()).toBe('Вопросы и ответы');
    expect(await page.locator('details').count()).toBeGreaterThan(0);

    await page.goto(`${origin('lisya-tropa')}/reviews`);
    expect(await page.getByRole('heading', { name: 'Внимательные врачи и уютно' }).count()).toBe(1);
    expect(await page.getByText('Ответ клиники').count()).toBe(1);
    // Reviews are written on the portal, signed in with VixenHealth ID.
    expect(await page.getByRole('link', { name: 'Оставить отзыв' }).getAttribute('href')).toBe(
      'https://portal.test/clinics/lisya-tropa/review'
    );
    const clinic = await cms.strapi.db
      .query('api::clinic.clinic')
      .findOne({ where: { slug: 'lisya-tropa' } });
    expect(
      await page
        .locator('footer')
        .getByRole('link', { name: 'Связаться с поддержкой' })
        .getAttribute('href')
    ).toBe(`https://portal.test/support?clinic=${clinic.documentId}`);
    // The demo patient's pending review is about another clinic, and not shown there either.
    await page.goto(`${origin('ryzhiy-khvost')}/reviews`);
    expect(await page.getByRole('heading', { name: 'Долго ждала приёма' }).count()).toBe(0);

    const missing = await page.goto(`${origin('lisya-tropa')}/no-such-page`);
    expect(missing?.status()).toBe(404);
    await page.close();
  });

  it('is accessible on every page: labelled fields, landmarks, Russian, readable contrast', async () => {
    const page = await browser.newPage();
    for (const url of [
      '/',
      '/doctors',
      '/doctors/ivanova-anna-sergeevna',
      '/services',
      '/o-klinike',
      '/reviews',
      '/contacts',
      '/no-such-page',
    ]) {
      await page.goto(`${origin('lisya-tropa')}${url}`);
      expect(await accessibilityProblems(page), url).toEqual([]);
    }
    await page.close();
  });

  it('is styled as designed: a centred readable column, the header’s rule and menu, link colour', async () => {
    const page = await browser.newPage();
    for (const url of ['/', '/doctors', '/reviews']) {
      await page.goto(`${origin('lisya-tropa')}${url}`);
      expect(await lookOf(page), url).toEqual(DESIGNED_LOOK);
    }
    await page.goto(`${origin('lisya-tropa')}/no-such-page`);
    expect(await lookOf(page)).toEqual(DESIGNED_BARE_LOOK);
    await page.close();
  });

  it('has a sitemap and robots.txt of its own', async () => {
    const sitemap = (await get('lisya-tropa', '/sitemap.xml')).text;
    expect(sitemap).toContain(`<loc>${origin('lisya-tropa')}/doctors</loc>`);
    expect(sitemap).toContain(`<loc>${origin('lisya-tropa')}/o-klinike</loc>`);
    const robots = (await get('lisya-tropa', '/robots.txt')).text;
    expect(robots).toContain(`Sitemap: ${origin('lisya-tropa')}/sitemap.xml`);
    expect((await get('no-such-clinic', '/sitemap.xml')).status).toBe(404);
  });

  it('shows a published change at once: the CMS’s webhook clears the cached lookup and pages', async () => {
    const clinic = await fixtures(cms.strapi).clinic();
    const page = await browser.newPage();
    await page.goto(origin(clinic.subdomain as string));
    expect(await page.locator('h1').textContent()).toBe(clinic.name);

    const documents = cms.strapi.documents('api::clinic.clinic');
    await documents.update({
      documentId: clinic.documentId,
      data: { name: 'Клиника Новое Имя' } as never,
    });
    await documents.publish({ documentId: clinic.documentId });
    await expect
      .poll(async () => {
        await page.goto(origin(clinic.subdomain as string));
        return page.locator('h1').textContent();
      })
      .toBe('Клиника Новое Имя');
    await page.close();

    const refused = await new Promise<number>((resolve) => {
      request(
        {
          host: '127.0.0.1',
          port,
          path: '/internal/purge-cache',
          method: 'POST',
          headers: { authorization: 'Bearer wrong', 'content-type': 'application/json' },
        },
        (response) => resolve(response.statusCode ?? 0)
      ).end();
    });
    expect(refused).toBe(401);
  });

  it('shows the clinic’s photos, logo, doctors’ photos and galleries, loaded from the CMS', async () => {
    // A real 1×1 PNG: the upload plugin reads its size.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'vh-photo-')), 'hall.png');
    writeFileSync(file, Buffer.from(ONE_PIXEL_PNG, 'base64'));
    const [photo] = await cms.strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name: 'hall.png', alternativeText: 'Холл клиники' } },
        files: { filepath: file, originalFilename: 'hall.png', mimetype: 'image/png', size: 68 },
      });
    const make = fixtures(cms.strapi);
    const clinic = await make.clinic({ logo: photo.id, photos: [photo.id] });
    const doctor = await make.doctor({ clinics: [clinic.documentId], photo: photo.id });
    await make.page(clinic.documentId, {
      slug: 'galereya',
      body: [{ __component: 'blocks.gallery', caption: 'Наш холл', images: [photo.id] }],
    });

    const page = await browser.newPage();
    // Photos load lazily, so ask for each one as the browser will.
    const loaded = async (selector: string) => {
      const response = await fetch((await page.locator(selector).getAttribute('src')) ?? '');
      return response.ok && response.headers.get('content-type') === 'image/png';
    };
    await page.goto(origin(clinic.subdomain as string));
    expect(await page.locator('main figure img').getAttribute('alt')).toBe('Холл клиники');
    expect(await page.locator('main figure img').getAttribute('src')).toMatch(/^http.*\/uploads\//);
    expect(await loaded('main figure img')).toBe(true);
    expect(await loaded('header img')).toBe(true);
    await page.goto(`${origin(clinic.subdomain as string)}/galereya`);
    expect(await page.locator('figcaption').textContent()).toBe('Наш холл');
    expect(await loaded('main figure img')).toBe(true);
    await page.goto(`${origin(clinic.subdomain as string)}/doctors/${doctor.slug}`);
    expect(await loaded('main img')).toBe(true);
    await page.close();
  });

  it('answers an unknown host, or a suspended clinic, with a proper 404 page', async () => {
    const suspended = await fixtures(cms.strapi).clinic({ accountStatus: 'suspended' });
    const page = await browser.newPage();
    for (const host of ['no-such-clinic', suspended.subdomain as string]) {
      const response = await page.goto(origin(host));
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Клиника не найдена');
    }
    await page.close();
  });
});

describe('pages cached in front of Astro', () => {
  const FOX = 'Внимательные врачи и уютно';
  const EDITED = 'Заголовок, который не видел вебхук';
  const host = (subdomain: string) => `${subdomain}.localhost:${port}`;
  const visit = (path: string, headers: Record<string, string> = {}) =>
    requestByHost(port, { host: host('lisya-tropa'), path, headers });
  /** What the CMS's webhook posts after a publish. */
  const purge = async () => {
    const answer = await requestByHost(port, {
      host: `127.0.0.1:${port}`,
      path: '/internal/purge-cache',
      method: 'POST',
      headers: { authorization: `Bearer ${WEBHOOK_TOKEN}`, 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(204);
  };
  /** Written to the database directly: no webhook sees it, so nothing is purged. */
  const retitleReview = (from: string, to: string) =>
    cms.strapi.db
      .query('api::review.review')
      .update({ where: { title: from }, data: { title: to } });

  it('serves a page from memory until the webhook purges it; exports render afresh', async () => {
    await purge();
    expect((await visit('/reviews')).headers['cache-status']).toBe('clinic-sites; fwd=miss');
    await retitleReview(FOX, EDITED);
    try {
      const cached = await visit('/reviews');
      expect(cached.headers['cache-status']).toBe('clinic-sites; hit');
      expect(cached.text).toContain(FOX);

      const siteUrl = 'https://lisya-tropa.vixenhealth.ru';
      const exported = await visit('/reviews', {
        authorization: `Bearer ${WEBHOOK_TOKEN}`,
        [EXPORT_ID_HEADER]: 'cache-test',
        [SITE_URL_HEADER]: siteUrl,
      });
      expect(exported.headers['cache-status']).toBeUndefined();
      expect(exported.text).toContain(EDITED);
      // Nor is the export's page, with its links to where it will be published, kept for visitors.
      const visitors = await visit('/reviews');
      expect(visitors.text).toContain(FOX);
      expect(visitors.text).not.toContain(siteUrl);

      await purge();
      expect((await visit('/reviews')).text).toContain(EDITED);
    } finally {
      await retitleReview(EDITED, FOX);
      await purge();
    }
  });

  it('never answers a host with a page of another, nor of another spelling of it', async () => {
    await purge();
    const pageOf = async (hostHeader: string) => {
      await requestByHost(port, { host: hostHeader, path: '/' });
      return requestByHost(port, { host: hostHeader, path: '/' });
    };
    const fox = await pageOf(host('lisya-tropa'));
    const tail = await pageOf(host('ryzhiy-khvost'));
    const bare = await pageOf('lisya-tropa.localhost');
    for (const page of [fox, tail, bare]) {
      expect(page.headers['cache-status']).toBe('clinic-sites; hit');
    }
    expect(fox.text).toContain(`<link rel="canonical" href="http://${host('lisya-tropa')}/">`);
    expect(tail.text).toContain(`<link rel="canonical" href="http://${host('ryzhiy-khvost')}/">`);
    const { body } = await cms.request('/api/clinics?filters[subdomain][$eq]=lisya-tropa');
    expect(fox.text).toContain(`<h1>${body.data[0].name}</h1>`);
    expect(tail.text).not.toContain(body.data[0].name);
    // Links come from the configuration, whatever port the Host header names (or none).
    expect(bare.text).toContain(`<link rel="canonical" href="http://${host('lisya-tropa')}/">`);
  });
});

describe('a static export of one clinic', () => {
  const SITE_URL = 'https://lisya-tropa.vixenhealth.ru';
  let outDir: string;
  const log: string[] = [];
  const file = (name: string) => readFileSync(path.join(outDir, name), 'utf8');
  const clinicName = async (slug: string) =>
    (await cms.request(`/api/clinics?filters[slug][$eq]=${slug}`)).body.data[0].name as string;
  const htmlFiles = () =>
    readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.html')
    );

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'vh-export-'));
    await exportClinicSite({
      slug: 'lisya-tropa',
      outDir,
      cmsUrl: cms.baseUrl,
      siteUrl: SITE_URL,
      onLog: (line) => log.push(line),
    });
  });

  afterAll(async () => {
    await closeClinicExporter();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('holds every page the sitemap lists, with that clinic’s content and no other’s', async () => {
    const [fox, tail] = [await clinicName('lisya-tropa'), await clinicName('ryzhiy-khvost')];
    expect(file('index.html')).toContain(`<h1>${fox}</h1>`);
    expect(file('doctors/index.html')).toContain('<h1>Врачи</h1>');
    expect(file('voprosy/index.html')).toContain('Вопросы и ответы');
    expect(file('reviews/index.html')).toContain('Внимательные врачи и уютно');
    expect(file('reviews/index.html')).not.toContain('Долго ждала приёма');
    expect(file('404.html')).toContain('Страница не найдена');
    for (const name of htmlFiles()) expect(file(name), name).not.toContain(tail);

    const listed = [...file('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      ([, loc]) => new URL(loc).pathname
    );
    expect(listed).toContain('/o-klinike');
    expect(listed.some((listedPath) => listedPath.startsWith('/doctors/'))).toBe(true);
    for (const listedPath of listed) {
      expect(existsSync(path.join(outDir, listedPath, 'index.html')), listedPath).toBe(true);
    }
    // The sitemap's pages, sitemap.xml, robots.txt and 404.html, each logged once.
    const total = listed.length + 3;
    expect(log).toHaveLength(total);
    expect(log).toContain(`page 1/${total} /sitemap.xml`);
    expect(log.every((line) => new RegExp(`^page \\d+/${total} /`).test(line))).toBe(true);
  });

  it('links absolutely to where it will be published', () => {
    expect(file('sitemap.xml')).toContain(`<loc>${SITE_URL}/doctors</loc>`);
    expect(file('robots.txt')).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
    expect(file('index.html')).toContain(`<link rel="canonical" href="${SITE_URL}/">`);
    expect(file('doctors/index.html')).toContain(
      `<meta property="og:url" content="${SITE_URL}/doctors">`
    );
    // Nothing points back at the machine that built it; the portal's review form is elsewhere.
    const portal = process.env.PORTAL_URL || 'http://localhost:4321';
    for (const name of [...htmlFiles(), 'sitemap.xml', 'robots.txt']) {
      expect(file(name).replaceAll(`${portal}/`, ''), name).not.toMatch(/localhost|127\.0\.0\.1/);
    }
  });

  it('carries every file its pages refer to', () => {
    const references = new Set(
      htmlFiles().flatMap((name) =>
        [...file(name).matchAll(/(?:href|src)="(\/(?!\/)[^"#?]*)/g)].map(([, ref]) => ref)
      )
    );
    expect(references).toContain('/favicon.svg');
    for (const ref of references) expect(fileFor(outDir, ref), ref).not.toBeNull();
  });

  it('opens in a browser from a plain static file server', async () => {
    const server = await serveFolder(outDir);
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(response.url());
    });
    try {
      await page.goto(server.url);
      expect(await page.locator('h1').textContent()).toBe(await clinicName('lisya-tropa'));
      await page.getByRole('navigation').getByRole('link', { name: 'Врачи', exact: true }).click();
      expect(await page.locator('h1').textContent()).toBe('Врачи');
      await page.getByRole('main').getByRole('link').first().click();
      await page.getByRole('navigation').getByRole('link', { name: 'Отзывы' }).click();
      expect(await page.getByText('Ответ клиники').count()).toBe(1);
      expect(failed).toEqual([]);

      const missing = await page.goto(`${server.url}/no-such-page`);
      expect(missing?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Страница не найдена');
    } finally {
      await page.close();
      await server.close();
    }
  });

  it('is styled as served', async () => {
    const server = await serveFolder(outDir);
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/doctors`);
      expect(await lookOf(page)).toEqual(DESIGNED_LOOK);
      await page.goto(`${server.url}/no-such-page`);
      expect(await lookOf(page)).toEqual(DESIGNED_BARE_LOOK);
    } finally {
      await page.close();
      await server.close();
    }
  });

  it('fails for an unknown or a draft clinic, and writes nothing', async () => {
    const draft = await fixtures(cms.strapi).clinic({}, 'draft');
    for (const slug of ['no-such-clinic', draft.slug as string]) {
      const target = path.join(outDir, '..', `vh-export-missing-${slug}`);
      await expect(
        exportClinicSite({ slug, outDir: target, cmsUrl: cms.baseUrl })
      ).rejects.toMatchObject({ name: 'ClinicExportError', code: 'ERR_CLINIC_NOT_FOUND' });
      expect(existsSync(target)).toBe(false);
    }
  });

  it('is a command: progress on stdout, exit code 0, or 1 and one line on stderr', async () => {
    const target = mkdtempSync(path.join(tmpdir(), 'vh-export-cli-'));
    try {
      const ok = await runExportCli([
        '--slug',
        'ryzhiy-khvost',
        '--out',
        target,
        '--cms',
        cms.baseUrl,
      ]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/^page 1\/\d+ \/sitemap\.xml\n/);
      expect(readFileSync(path.join(target, 'index.html'), 'utf8')).toContain(
        await clinicName('ryzhiy-khvost')
      );
      // Without --site-url, links point at the clinic's local address.
      expect(readFileSync(path.join(target, 'robots.txt'), 'utf8')).toContain(
        'Sitemap: http://ryzhiy-khvost.localhost/sitemap.xml'
      );

      const missing = path.join(target, 'missing');
      const failed = await runExportCli([
        '--slug',
        'no-such-clinic',
        '--out',
        missing,
        '--cms',
        cms.baseUrl,
      ]);
      expect(failed).toMatchObject({ code: 1, stdout: '' });
      expect(failed.stderr).toMatch(
        /^export-clinic: No published, active clinic "no-such-clinic".*\n$/
      );
      expect(existsSync(missing)).toBe(false);
      expect((await runExportCli(['--out', missing])).code).toBe(2);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  }, 60_000);
});
