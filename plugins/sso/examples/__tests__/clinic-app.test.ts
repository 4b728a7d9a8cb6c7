import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freeLoopbackPort } from '@vixenhealth/tooling/lib/free-port';
import { Browser, readForm } from '@vixenhealth/tooling/lib/browser';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

const EXAMPLE = path.resolve(import.meta.dirname, '..', 'clinic-app.mjs');

let cms: TestCms;
let app: ChildProcess;
let appUrl: string;

beforeAll(async () => {
  const port = await freeLoopbackPort();
  appUrl = `http://localhost:${port}`;
  cms = await startTestCms({ DEMO_DATA: 'true', EXAMPLE_PORT: String(port) });
  app = spawn(process.execPath, [EXAMPLE], {
    env: { ...process.env, ID_ISSUER: `${cms.baseUrl}/id`, EXAMPLE_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    app.once('exit', (code) => reject(new Error(`The example exited with ${code}`)));
    app.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Example clinic app')) resolve();
    });
  });
});
afterAll(async () => {
  app?.kill();
  await cms?.stop();
});

describe('the example clinic app', () => {
  it('signs the demo patient in with VixenHealth ID and calls the platform API with the token', async () => {
    const browser = new Browser('ru');
    expect((await browser.request(`${appUrl}/`)).text).toContain('href="/login"');

    const signIn = await browser.follow(`${appUrl}/login`, () => false);
    const login = readForm(signIn.page!.text, /\/login$/);
    const afterLogin = await browser.request(new URL(login.action, signIn.url).href, {
      form: {
        ...login.fields,
        email: 'patient@demo.vixenhealth.local',
        password: 'Demo-user-password-1',
      },
    });
    // A clinic's own app is a third party: the patient is asked to allow it.
    const consent = await browser.follow(afterLogin.location!, () => false);
    expect(consent.page!.text).toContain('Разрешить');
    const allow = readForm(consent.page!.text, /\/confirm$/);
    const allowed = await browser.request(new URL(allow.action, consent.url).href, {
      form: allow.fields,
    });
    const home = await browser.follow(allowed.location!, () => false);

    expect(home.url).toBe(`${appUrl}/`);
    expect(home.page!.text).toContain('patient@demo.vixenhealth.local');
    expect(home.page!.text).toMatch(/<span id="api">demo-patient<\/span>/);
  });
});
