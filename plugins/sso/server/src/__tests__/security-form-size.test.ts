import { Agent, request } from 'node:http';

import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { PORTAL_CALLBACK } from '@vixenhealth/tooling/testing/relying-party';

// Issue 18, finding 7: an oversized ID form must not break the connection it came on.

let id: IdTest;

beforeAll(async () => {
  id = await startIdTest();
});
afterAll(async () => id?.stop());

/** A keep-alive connection, one at a time, as a browser talks to ID; keeps cookies by name. */
const connection = () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const cookies = new Map<string, string>();
  const send = (path: string, init: { method?: string; body?: string } = {}) =>
    new Promise<{ status: number; headers: Record<string, unknown>; text: string }>(
      (resolve, reject) => {
        const headers: Record<string, string> = { 'accept-language': 'ru' };
        if (cookies.size > 0)
          headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
        if (init.body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
        const outgoing = request(
          new URL(path, id.cms.baseUrl),
          { agent, method: init.method ?? 'GET', headers },
          (response) => {
            for (const cookie of response.headers['set-cookie'] ?? []) {
              const [pair] = cookie.split(';');
              const index = pair.indexOf('=');
              cookies.set(pair.slice(0, index), pair.slice(index + 1));
            }
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({
                status: response.statusCode!,
                headers: response.headers,
                text: Buffer.concat(chunks).toString('utf8'),
              })
            );
            response.on('error', reject);
          }
        );
        outgoing.on('error', reject);
        outgoing.end(init.body);
      }
    );
  return { send, close: () => agent.destroy() };
};

/** The sign-in page of a fresh authorization, on `browser`'s connection. */
const signInPath = async (browser: ReturnType<typeof connection>) => {
  const url = client.buildAuthorizationUrl(id.portal, {
    redirect_uri: PORTAL_CALLBACK,
    scope: 'openid',
    code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
    code_challenge_method: 'S256',
  });
  const started = await browser.send(url.pathname + url.search);
  return new URL(String(started.headers.location), id.cms.baseUrl).pathname;
};

describe.each([
  ['sign-up', async () => '/id/sign-up', (page: string) => page],
  ['forgot-password', async () => '/id/forgot-password', (page: string) => page],
  ['sign-in', signInPath, (page: string) => `${page}/login`],
] as const)('a %s form over the size limit', (_form, pageOf, actionOf) => {
  it.each([9 * 1024, 1024 * 1024])(
    '(%i bytes) answers 413 with the page in the reader’s language, and the connection goes on',
    async (size) => {
      const browser = connection();
      try {
        const page = await pageOf(browser);
        expect((await browser.send(page)).status).toBe(200);

        const body = `email=someone%40example.ru&password=${'x'.repeat(size)}`;
        const answer = await browser.send(actionOf(page), { method: 'POST', body });
        expect(answer.status).toBe(413);
        expect(answer.headers['content-type']).toMatch(/^text\/html/);
        expect(answer.text).toContain('lang="ru"');
        expect(answer.text).toContain('Форма слишком велика');

        expect((await browser.send(page)).status).toBe(200);
      } finally {
        browser.close();
      }
    }
  );
});
