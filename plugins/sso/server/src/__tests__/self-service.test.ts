import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Browser, readForm } from '@vixenhealth/tooling/lib/browser';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import type { MailCatcher } from '@vixenhealth/tooling/testing/mail-catcher';
import { signInThroughForm } from '@vixenhealth/tooling/testing/relying-party';
import type { TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

let id: IdTest;
let cms: TestCms;
let mail: MailCatcher;
let issuer: string;
let portal: client.Configuration;

const USER = 'plugin::users-permissions.user';
const linkIn = (text: string | undefined) => {
  const match = /(https?:\/\/\S+)/.exec(text ?? '');
  if (!match) throw new Error(`No link in: ${text}`);
  return match[1];
};

/** Loads a form page and submits it with `fields`. */
const submit = async (
  browser: Browser,
  pageUrl: string,
  action: RegExp,
  fields: Record<string, string>
) => {
  const page = await browser.request(pageUrl);
  const form = readForm(page.text, action);
  return browser.request(new URL(form.action, pageUrl).href, {
    form: { ...form.fields, ...fields },
  });
};

const signUp = (browser: Browser, email: string, password: string) =>
  submit(browser, `${issuer}/sign-up`, /\/sign-up$/, { email, password });

const canSignIn = async (email: string, password: string) =>
  (await signInThroughForm(portal, { email, password })).callback !== null;

beforeAll(async () => {
  id = await startIdTest({ mail: true });
  ({ cms, issuer, portal, mail } = id);
});
afterAll(async () => id?.stop());

describe('sign up', () => {
  it('creates an account that signs in only after the emailed link is opened', async () => {
    const email = 'new.patient@example.ru';
    const password = 'Лисий-хвост-2026';
    const answer = await signUp(new Browser(), email, password);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Check your email');

    // The account is made, and the mail sent, after the answer.
    const letter = await mail.waitFor(email);
    expect(letter.subject).toMatch(/Confirm/);
    const user = await cms.strapi.db.query(USER).findOne({ where: { email } });
    expect(user.confirmed).toBe(false);
    expect(await canSignIn(email, password)).toBe(false);
    // Trying to sign in unverified sends a fresh link; the first one stops working.
    const fresh = linkIn((await mail.waitFor(email)).text);
    const stale = await new Browser().request(linkIn(letter.text));
    expect(stale.status).toBe(400);

    const confirmed = await new Browser().request(fresh);
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('Email confirmed');
    expect(await canSignIn(email, password)).toBe(true);
    expect((await new Browser().request(fresh)).status).toBe(400);
  });

  it('answers the same for a taken email, and tells only its owner', async () => {
    const before = await cms.strapi.db.query(USER).count();
    const answer = await signUp(
      new Browser(),
      'patient@demo.vixenhealth.local',
      'Another-password-42'
    );
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Check your email');
    expect(await cms.strapi.db.query(USER).count()).toBe(before);
    expect((await mail.waitFor('patient@demo.vixenhealth.local')).subject).toMatch(
      /already|tried/i
    );
  });

  it.each([
    ['a short password', 'short.pw@example.ru', 'Short-1', 'at least 10'],
    ['a common password', 'common.pw@example.ru', 'qwertyuiop', 'most common'],
    ['a bad email', 'not-an-email', 'Long-enough-password-1', 'email address'],
  ])(
    'refuses %s with a clear error and stores nothing',
    async (_case, email, password, message) => {
      const before = await cms.strapi.db.query(USER).count();
      const answer = await signUp(new Browser(), email, password);
      expect(answer.status).toBe(400);
      expect(answer.text).toContain(message);
      expect(answer.text).toContain('aria-invalid="true"');
      expect(await cms.strapi.db.query(USER).count()).toBe(before);
    }
  );

  it('refuses a form without its CSRF token', async () => {
    const answer = await new Browser().request(`${issuer}/sign-up`, {
      form: { email: 'csrf@example.ru', password: 'Long-enough-password-1' },
    });
    expect(answer.status).toBe(403);
    expect(await cms.strapi.db.query(USER).count({ where: { email: 'csrf@example.ru' } })).toBe(0);
  });

  it('speaks Russian by default', async () => {
    const page = await new Browser('').request(`${issuer}/sign-up`);
    expect(page.text).toContain('lang="ru"');
    expect(page.text).toContain('Создание аккаунта');
  });
});

describe('forgot password', () => {
  const email = 'owner@demo.vixenhealth.local';

  it('mails a one-hour link that sets a new password and signs out everywhere', async () => {
    const devices = cms.strapi.plugin('sso').service('remembered-devices');
    const owner = await cms.strapi.db.query(USER).findOne({ where: { email } });
    const remembered = await devices.remember(owner.id);
    const old = await signInThroughForm(portal, { email, password: 'Demo-user-password-1' });
    const tokens = await client.authorizationCodeGrant(portal, old.callback!, {
      pkceCodeVerifier: old.verifier,
      expectedState: old.state,
    });

    const answer = await submit(new Browser(), `${issuer}/forgot-password`, /\/forgot-password$/, {
      email,
    });
    expect(answer.text).toContain('If an account uses');
    const link = linkIn((await mail.waitFor(email)).text);

    const browser = new Browser();
    const weak = await submit(browser, link, /\/reset-password$/, { password: 'password1' });
    expect(weak.status).toBe(400);
    const done = await submit(browser, link, /\/reset-password$/, {
      password: 'Новый-пароль-владельца-1',
    });
    expect(done.status).toBe(200);
    expect(done.text).toContain('Password changed');
    expect((await mail.waitFor(email)).subject).toBe('Your VixenHealth password was changed');

    expect(await canSignIn(email, 'Demo-user-password-1')).toBe(false);
    expect(await canSignIn(email, 'Новый-пароль-владельца-1')).toBe(true);
    await expect(client.refreshTokenGrant(portal, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    expect((await browser.request(link)).status).toBe(400);
    expect(await devices.recognises(owner.id, remembered.token)).toBe(false);
  });

  it('answers the same for an unknown email, and sends nothing', async () => {
    const sent = mail.messages.length;
    const answer = await submit(new Browser(), `${issuer}/forgot-password`, /\/forgot-password$/, {
      email: 'nobody@example.ru',
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('If an account uses');
    // Mail goes out after the answer: once a later request's mail has come, none came for this one.
    await submit(new Browser(), `${issuer}/forgot-password`, /\/forgot-password$/, {
      email: 'patient@demo.vixenhealth.local',
    });
    await mail.waitFor('patient@demo.vixenhealth.local');
    expect(mail.messages.slice(sent).map((letter) => letter.subject)).toEqual([
      expect.stringMatching(/password/i),
    ]);
  });

  it('refuses a made-up link', async () => {
    const answer = await new Browser().request(`${issuer}/reset-password?token=${'x'.repeat(43)}`);
    expect(answer.status).toBe(400);
  });
});

describe('mail throttling', () => {
  const forgot = (email: string) =>
    submit(new Browser(), `${issuer}/forgot-password`, /\/forgot-password$/, { email });

  it('refuses a seventh reset mail to one address within the hour, telling when to retry', async () => {
    const email = 'throttled@example.ru';
    await cms.strapi.plugin('sso').service('accounts').register(email, 'Лисий-хвост-2026');
    const sentBefore = mail.messages.length;
    for (let attempt = 0; attempt < 6; attempt += 1) {
      expect((await forgot(email)).status).toBe(200);
    }
    const refused = await forgot(email);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.text).toContain('Too many emails have been asked for to this address');
    // The six allowed mails arrive; the refused one never does.
    for (let letter = 0; letter < 6; letter += 1) await mail.waitFor(email);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mail.messages.length - sentBefore).toBe(6);
  });

  it('treats an address without an account exactly alike, and covers sign-up too', async () => {
    const email = 'stranger@example.ru';
    for (let attempt = 0; attempt < 6; attempt += 1) {
      expect((await forgot(email)).status).toBe(200);
    }
    expect((await forgot(email)).status).toBe(429);
    const before = await cms.strapi.db.query(USER).count();
    const signUp = await submit(new Browser(), `${issuer}/sign-up`, /\/sign-up$/, {
      email,
      password: 'Лисий-хвост-2027',
    });
    expect(signUp.status).toBe(429);
    expect(signUp.text).toContain('Too many emails have been asked for to this address');
    expect(await cms.strapi.db.query(USER).count()).toBe(before);
  });
});
