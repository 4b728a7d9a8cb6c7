import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildStaticClinic } from '../../../cms/scripts/lib/clinic-site.mjs';
import { launchChromium } from '../../../cms/testing/chromium';
import { fixtures } from '../../../cms/testing/fixtures';
import { startTestCms, type TestCms } from '../../../cms/testing/strapi-harness';
import { clinicHostOf } from '../src/lib/clinic-host';

const SITE_DIR = path.resolve(import.meta.dirname, '..');

let cms: TestCms;
let site: ChildProcess;
let origin: (host: string) => string;
let port: number;

/**
 * GET over loopback with a clinic's Host header: Node, unlike browsers, does not resolve
 * `*.localhost` by itself.
 */
const get = (host: string, path: string) =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    request(
      { host: '127.0.0.1', port, path, headers: { host: `${host}.localhost:${port}` } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      }
    )
      .on('error', reject)
      .end();
  });
let browser: Browser;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

const WEBHOOK_TOKEN = 'test-webhook-token-0123456789';

beforeAll(async () => {
  port = await freePort();
  cms = await startTestCms({
    DEMO_DATA: 'true',
    CLINIC_SITES_URL: `http://127.0.0.1:${port}`,
    SITES_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
  });
  const astro = path.join(
    path.dirname(createRequire(path.join(SITE_DIR, 'package.json')).resolve('astro/package.json')),
    'astro.js'
  );
  execFileSync(process.execPath, [astro, 'build', '--silent'], {
    cwd: SITE_DIR,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'inherit',
  });
  site = spawn(process.execPath, ['dist/server/entry.mjs'], {
    cwd: SITE_DIR,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      CMS_URL: cms.baseUrl,
      SITES_BASE_DOMAIN: 'localhost',
      SITES_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
    },
    stdio: 'inherit',
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

describe('which clinic a host names', () => {
  it.each([
    ['lisya-tropa.localhost:4322', { subdomain: 'lisya-tropa' }],
    ['Lisya-Tropa.LOCALHOST.', { subdomain: 'lisya-tropa' }],
    ['klinika-lisa.ru', { customDomain: 'klinika-lisa.ru' }],
    ['localhost:4322', null],
    ['a.b.localhost', null],
    ['-bad.localhost', null],
    ['', null],
  ])('%s', (host, expected) => {
    expect(clinicHostOf(host, 'localhost')).toEqual(expected);
  });
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
    // The demo patient's pending review is about another clinic, and not shown there either.
    await page.goto(`${origin('ryzhiy-khvost')}/reviews`);
    expect(await page.getByRole('heading', { name: 'Долго ждала приёма' }).count()).toBe(0);

    const missing = await page.goto(`${origin('lisya-tropa')}/no-such-page`);
    expect(missing?.status()).toBe(404);
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

  it('shows a published change at once: the CMS’s webhook clears the cached lookup', async () => {
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

describe('a static build of one clinic', () => {
  it('holds every page of that clinic as files, with links to where it will be published', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'vh-static-'));
    try {
      await buildStaticClinic({
        slug: 'lisya-tropa',
        cmsUrl: cms.baseUrl,
        outDir,
        siteUrl: 'https://lisya-tropa.vixenhealth.ru',
      });
      const file = (name: string) => readFileSync(path.join(outDir, name), 'utf8');
      const name = (await cms.request('/api/clinics?filters[slug][$eq]=lisya-tropa')).body.data[0]
        .name;
      expect(file('index.html')).toContain(`<h1>${name}</h1>`);
      expect(file('doctors/index.html')).toContain('<h1>Врачи</h1>');
      expect(file('voprosy/index.html')).toContain('Вопросы и ответы');
      expect(file('reviews/index.html')).toContain('Внимательные врачи и уютно');
      expect(file('reviews/index.html')).not.toContain('Долго ждала приёма');
      expect(file('sitemap.xml')).toContain(
        '<loc>https://lisya-tropa.vixenhealth.ru/doctors</loc>'
      );
      expect(file('robots.txt')).toContain(
        'Sitemap: https://lisya-tropa.vixenhealth.ru/sitemap.xml'
      );
      expect(file('404.html')).toContain('Страница не найдена');
      const doctorPage = file('doctors/index.html').match(/href="\/doctors\/([a-z0-9-]+)"/)![1];
      expect(file(`doctors/${doctorPage}/index.html`)).toContain('<h1>');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});
