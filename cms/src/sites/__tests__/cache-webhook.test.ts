import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import { syncClinicSitesWebhook } from '../cache-webhook';

const TOKEN = 'sites-webhook-test-token-0123456789';

/** A clinic sites' server as the CMS sees it: it notes each purge it is sent. */
const startSitesServer = async () => {
  const purges: (string | undefined)[] = [];
  const server: Server = createServer((request, response) => {
    if (request.method === 'POST' && request.url === '/internal/purge-cache') {
      purges.push(request.headers.authorization);
    }
    request.resume().on('end', () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    purges,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
};

let cms: TestCms;
let first: Awaited<ReturnType<typeof startSitesServer>>;
let second: Awaited<ReturnType<typeof startSitesServer>>;

const ourWebhooks = async () =>
  ((await cms.strapi.get('webhookStore').findWebhooks()) as { name: string; url: string }[])
    .filter((hook) => hook.name.startsWith('Clinic sites'))
    .map((hook) => hook.url)
    .sort();

/** Publishes a change to a clinic, and waits until `servers` each heard one more purge. */
const publishAndWait = async (...servers: (typeof first)[]) => {
  const before = servers.map((server) => server.purges.length);
  const clinic = await fixtures(cms.strapi).clinic();
  const documents = cms.strapi.documents('api::clinic.clinic');
  await documents.update({
    documentId: clinic.documentId,
    data: { name: 'Клиника Другая' } as never,
  });
  await documents.publish({ documentId: clinic.documentId });
  await expect
    .poll(() => servers.every((server, index) => server.purges.length > before[index]!))
    .toBe(true);
};

/** Waits until `server` heard nothing new for half a second. */
const settled = async (server: typeof first) => {
  let heard = -1;
  while (heard !== server.purges.length) {
    heard = server.purges.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

beforeAll(async () => {
  [first, second] = await Promise.all([startSitesServer(), startSitesServer()]);
  cms = await startTestCms({
    // Listed with spaces and a trailing slash, as a person may write them.
    CLINIC_SITES_URL: `${first.url}, ${second.url}/`,
    SITES_WEBHOOK_TOKEN: TOKEN,
  });
}, 120_000);

afterAll(async () => {
  await cms?.stop();
  await Promise.all([first?.stop(), second?.stop()]);
});

describe('the clinic sites’ purge webhook', () => {
  it('tells every listed clinic sites’ server of a publish, with the shared token', async () => {
    expect(await ourWebhooks()).toEqual(
      [first.url, second.url].map((url) => `${url}/internal/purge-cache`).sort()
    );
    await publishAndWait(first, second);
    expect(new Set([...first.purges, ...second.purges])).toEqual(new Set([`Bearer ${TOKEN}`]));
  });

  it('drops the webhook of a server no longer listed, and a twin two nodes created at once', async () => {
    await cms.strapi.get('webhookStore').createWebhook({
      name: `Clinic sites: forget cached content: ${first.url}`,
      url: `${first.url}/internal/purge-cache`,
      headers: { Authorization: `Bearer ${TOKEN}` },
      events: ['entry.publish'],
      isEnabled: true,
    });
    process.env.CLINIC_SITES_URL = first.url;
    await syncClinicSitesWebhook(cms.strapi);
    expect(await ourWebhooks()).toEqual([`${first.url}/internal/purge-cache`]);

    // Purges of the previous test's publish may still be on their way.
    await settled(second);
    const heardBySecond = second.purges.length;
    await publishAndWait(first);
    // Let a purge that should not happen have the time to arrive.
    await settled(first);
    expect(second.purges.length).toBe(heardBySecond);
  });

  it('keeps no webhook without a token', async () => {
    delete process.env.SITES_WEBHOOK_TOKEN;
    await syncClinicSitesWebhook(cms.strapi);
    expect(await ourWebhooks()).toEqual([]);
  });
});
