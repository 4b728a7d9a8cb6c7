import type { Core } from '@strapi/strapi';

import { requireStrapi } from '../lib/cms-require.mjs';
import { freeLoopbackPort } from '../lib/free-port.mjs';
import { isolatedCmsEnv } from '../lib/isolated-env.mjs';
import { CMS_DIR, CMS_DIST_DIR } from '../lib/paths.mjs';
import { createTestDatabase } from './test-database';

export const TEST_ADMIN = {
  email: 'admin@test.vixenhealth.local',
  password: 'Test-admin-password-1',
};

export interface HttpResponse<T = any> {
  status: number;
  body: T;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  token?: string;
}

export interface TestCms {
  strapi: Core.Strapi;
  baseUrl: string;
  request<T = any>(path: string, options?: RequestOptions): Promise<HttpResponse<T>>;
  /** A token of the first admin-panel user (a Super Admin), for the admin API. */
  adminToken(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Boots the real CMS in this process on a database of its own, listening on a free loopback port.
 * Call once per test file (in `beforeAll`) and `stop()` it in `afterAll`. With
 * `hostname: 'localhost'` its base URL and ID's issuer name `localhost` instead of 127.0.0.1.
 * @example
 * ```ts
 * let cms: TestCms;
 * beforeAll(async () => (cms = await startTestCms({ DEMO_DATA: 'true' })));
 * afterAll(() => cms?.stop());
 * it('lists clinics', async () => expect((await cms.request('/api/clinics')).status).toBe(200));
 * ```
 */
export const startTestCms = async (
  env: Record<string, string> = {},
  { adminPanel = false, hostname = '127.0.0.1' }: { adminPanel?: boolean; hostname?: string } = {}
): Promise<TestCms> => {
  const database = await createTestDatabase();
  // The issuer must name the port before the CMS starts.
  const port = await freeLoopbackPort();
  // The CMS listens on 127.0.0.1 either way; `localhost` names it for browsers that need a
  // domain (WebAuthn refuses an IP address as its RP ID) and a secure context.
  const baseUrl = `http://${hostname}:${port}`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    ...isolatedCmsEnv({
      adminEmail: TEST_ADMIN.email,
      adminPassword: TEST_ADMIN.password,
      demoUserPassword: 'Demo-user-password-1',
    }),
    DEMO_DATA: 'false',
    // Tests sign desk users in to the admin panel with passwords; the default (first admin
    // only) has its own test in admin-sign-in.test.ts.
    ADMIN_PASSWORD_SIGN_IN: 'on',
    ID_ISSUER: `${baseUrl}/id`,
    ...database.env,
    ...env,
  });

  // strapi.destroy() removes every process listener, Vitest's own included: keep them to restore.
  const listeners = new Map(
    process.eventNames().map((event) => [event, process.listeners(event as never)] as const)
  );

  const strapi = requireStrapi().createStrapi({
    appDir: CMS_DIR,
    distDir: CMS_DIST_DIR,
    autoReload: false,
    // The built panel (npm test builds it when stale), for tests of its pages in a browser.
    serveAdminPanel: adminPanel,
  });
  await strapi.load();
  await new Promise<void>((resolve) => strapi.server.listen(port, '127.0.0.1', () => resolve()));

  const request = async <T>(path: string, options: RequestOptions = {}) => {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(`${baseUrl}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const isJson = /[/+]json\b/.test(response.headers.get('content-type') ?? '');
    const body = (isJson && text ? JSON.parse(text) : text) as T;
    return { status: response.status, body };
  };

  let adminToken: string | undefined;

  return {
    strapi,
    baseUrl,
    request,
    async adminToken() {
      if (!adminToken) {
        const login = await request<{ data: { token: string } }>('/admin/login', {
          method: 'POST',
          body: TEST_ADMIN,
        });
        if (login.status !== 200) throw new Error(`Admin login failed: ${login.status}`);
        adminToken = login.body.data.token;
      }
      return adminToken;
    },
    async stop() {
      await strapi.destroy();
      for (const [event, handlers] of listeners) {
        for (const handler of handlers) {
          if (!process.listeners(event as never).includes(handler as never)) {
            process.on(event as never, handler as never);
          }
        }
      }
      await database.drop();
    },
  };
};
