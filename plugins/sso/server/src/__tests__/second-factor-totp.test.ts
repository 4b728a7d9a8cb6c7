import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Browser, readForm } from '@vixenhealth/tooling/lib/browser';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { registerPerson } from '@vixenhealth/tooling/testing/people';
import { signInThroughForm } from '@vixenhealth/tooling/testing/relying-party';
import { controlTotpClock, enrolTotp, totpCode } from '@vixenhealth/tooling/testing/second-factor';
import { addStaffMember } from '@vixenhealth/tooling/testing/staff-directory';
import type { TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

const FACTOR = 'plugin::sso.second-factor';
const DEVICE = 'plugin::sso.remembered-device';
const EVENT = 'plugin::sso.login-event';
const RECORD = 'plugin::sso.oidc-record';
const ACR_PWD = 'urn:vixenhealth:acr:pwd';
const ACR_MFA = 'urn:vixenhealth:acr:mfa';
const STEP = 30_000;

let id: IdTest;
let cms: TestCms;
let issuer: string;
let portal: client.Configuration;
let clock: { now: number };

type Person = Awaited<ReturnType<typeof registerPerson>>;
type Flow = Awaited<ReturnType<typeof signInThroughForm>>;

const db = (uid: string) => cms.strapi.db.query(uid);

/** Redeems a sign-in's code at the token endpoint: the ID token's claims. */
const idTokenOf = async (flow: Flow) => {
  expect(
    flow.callback,
    flow.signInPage?.text.replace(/[\s\S]*<main>/, '').slice(0, 600)
  ).not.toBeNull();
  const tokens = await client.authorizationCodeGrant(portal, flow.callback!, {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
  });
  return tokens.claims()!;
};

/** A person with an authenticator app, enrolled at the clock's time; the clock moves on a step. */
const personWithApp = async () => {
  const person = await registerPerson(id);
  const enrolled = await enrolTotp(cms, person, clock.now);
  clock.now += STEP;
  return { ...person, ...enrolled };
};

/** The text of a page's `<main>`, tags removed: what a person reads. */
const mainText = (html: string | undefined) =>
  (html ?? '')
    .replace(/^[\s\S]*?<main[^>]*>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

/** Submits the second-step form shown on `page` (in `browser`) with `code`. */
const submitCode = (browser: Browser, page: { text: string }, code: string) => {
  const { remember: _unticked, ...fields } = readForm(page.text, /\/second-step$/).fields;
  const action = readForm(page.text, /\/second-step$/).action;
  return browser.request(new URL(action, issuer).href, { form: { ...fields, code } });
};

/** Signs in with the password only, stopping at the second step. */
const passwordOnly = async (person: Pick<Person, 'email' | 'password'>) => {
  const flow = await signInThroughForm(portal, person);
  expect(flow.callback).toBeNull();
  expect(flow.signInPage?.status).toBe(200);
  expect(flow.signInPage?.text).toContain('/second-step"');
  return flow;
};

const failuresOf = (person: Person, method: string) =>
  db(EVENT).count({ where: { user: { id: person.id }, method, outcome: 'bad-code' } });

beforeAll(async () => {
  id = await startIdTest();
  ({ cms, issuer, portal } = id);
  clock = controlTotpClock(cms);
});
afterAll(async () => id?.stop());

describe('discovery', () => {
  it('lists the amr values ID uses and its two acr values', async () => {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    const discovery = (await response.json()) as Record<string, string[]>;
    expect(discovery.amr_values_supported).toEqual(
      expect.arrayContaining(['pwd', 'otp', 'mfa', 'hwk', 'swk', 'fed', 'user'])
    );
    expect(discovery.acr_values_supported).toEqual([ACR_PWD, ACR_MFA]);
    expect(discovery.claims_supported).toContain('acr');
  });
});

describe('a password alone', () => {
  it('signs in an account without a second factor, saying so in amr and acr', async () => {
    const person = await registerPerson(id);
    const claims = await idTokenOf(await signInThroughForm(portal, person));
    expect(claims.amr).toEqual(['pwd']);
    expect(claims.acr).toBe(ACR_PWD);
  });
});

describe('enrolment on "my account"', () => {
  it('shows a QR code and key, confirms with a code, and shows 10 recovery codes once', async () => {
    const person = await registerPerson(id);
    const browser = new Browser('en');
    const flow = await signInThroughForm(id.portal, person, { browser });
    expect(flow.callback).not.toBeNull();
    // The account pages: the same browser, signed in to ID already.
    const overview = await browser.follow(`${issuer}/account`, () => false);
    expect(overview.page?.status).toBe(200);
    expect(overview.page?.text).toContain('href="/id/account/two-step"');

    const off = await browser.request(`${issuer}/account/two-step`);
    expect(mainText(off.text)).toContain('Two-step sign-in is off');
    const start = readForm(off.text, /\/two-step\/start$/);
    const started = await browser.request(new URL(start.action, issuer).href, {
      form: start.fields,
    });
    expect(started.status).toBe(303);
    const enrolment = await browser.request(`${issuer}/account/two-step`);
    expect(enrolment.text).toMatch(/<svg[^>]*viewBox/);
    const secret = /id="totp-key">([A-Z2-7 ]+)</.exec(enrolment.text)![1].replace(/ /g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.text).toContain(
      `otpauth://totp/VixenHealth:${encodeURIComponent(person.email)}?`
    );

    // The secret is kept sealed; a wrong code confirms nothing.
    const [pending] = await db(FACTOR).findMany({ where: { user: { id: person.id } } });
    expect(pending).toMatchObject({ kind: 'totp', confirmedAt: null });
    expect(pending.secret).not.toContain(secret);
    const confirm = readForm(enrolment.text, /\/two-step\/confirm$/);
    const wrong = await browser.request(new URL(confirm.action, issuer).href, {
      form: {
        ...confirm.fields,
        code: '000000' === totpCode(secret, clock.now) ? '111111' : '000000',
      },
    });
    expect(wrong.status).toBe(400);
    expect(mainText(wrong.text)).toContain('The code is incorrect.');
    expect(
      await db(FACTOR).count({
        where: { user: { id: person.id }, confirmedAt: { $notNull: true } },
      })
    ).toBe(0);

    const confirmed = await browser.request(new URL(confirm.action, issuer).href, {
      form: { ...confirm.fields, code: totpCode(secret, clock.now) },
    });
    expect(confirmed.status).toBe(200);
    const codes = [...confirmed.text.matchAll(/<code>([a-z0-9-]+)<\/code>/g)].map((m) => m[1]);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const rows = await db(FACTOR).findMany({ where: { user: { id: person.id } } });
    expect(rows.filter((row: { kind: string }) => row.kind === 'recovery')).toHaveLength(10);
    for (const row of rows) for (const code of codes) expect(row.secret).not.toContain(code);

    const on = await browser.request(`${issuer}/account/two-step`);
    expect(mainText(on.text)).toContain('Two-step sign-in is on since');
    expect(mainText(on.text)).toContain('Recovery codes left: 10.');
    expect(on.text).not.toContain(codes[0]);

    // From now on a password alone is not enough.
    clock.now += STEP;
    const next = await passwordOnly(person);
    const claims = await idTokenOf(
      await signInThroughForm(portal, person, { secondFactorCode: totpCode(secret, clock.now) })
    );
    expect(next.signInPage?.text).toContain('Two-step sign-in');
    expect(claims.amr).toEqual(['pwd', 'otp', 'mfa']);
    expect(claims.acr).toBe(ACR_MFA);
  });

  it('turns off only with the password and a current code, forgetting remembered browsers', async () => {
    const person = await personWithApp();
    const browser = new Browser('en');
    const flow = await signInThroughForm(portal, person, {
      browser,
      secondFactorCode: totpCode(person.secret, clock.now),
      rememberDevice: true,
    });
    expect(flow.callback).not.toBeNull();
    expect(await db(DEVICE).count({ where: { user: { id: person.id } } })).toBe(1);
    const page = await browser.follow(`${issuer}/account/two-step`, () => false);
    const remove = readForm(page.page!.text, /\/two-step\/remove$/);
    const action = new URL(remove.action, issuer).href;

    clock.now += STEP;
    const wrongPassword = await browser.request(action, {
      form: {
        ...remove.fields,
        password: 'not-the-password-1',
        code: totpCode(person.secret, clock.now),
      },
    });
    expect(wrongPassword.status).toBe(400);
    expect(mainText(wrongPassword.text)).toContain('The password is incorrect.');
    const wrongCode = await browser.request(action, {
      form: { ...remove.fields, password: person.password, code: '12345x' },
    });
    expect(wrongCode.status).toBe(400);
    expect(mainText(wrongCode.text)).toContain('The code is incorrect.');
    expect(await cms.strapi.plugin('sso').service('totp').isEnrolled(person.id)).toBe(true);

    const removed = await browser.request(action, {
      form: {
        ...remove.fields,
        password: person.password,
        code: totpCode(person.secret, clock.now),
      },
    });
    expect(removed.status).toBe(303);
    expect(removed.location).toBe(`${issuer}/account/two-step?done=removed`);
    expect(await db(FACTOR).count({ where: { user: { id: person.id } } })).toBe(0);
    expect(await db(DEVICE).count({ where: { user: { id: person.id } } })).toBe(0);
    const claims = await idTokenOf(await signInThroughForm(portal, person));
    expect(claims.amr).toEqual(['pwd']);
  });
});

describe('the second step of a sign-in', () => {
  it('accepts a code of the step before or after now, and refuses the same code again (replay)', async () => {
    const person = await personWithApp();
    // The step before now is not the enrolment's (which is spent).
    clock.now += STEP;
    const late = totpCode(person.secret, clock.now - STEP);
    expect(
      (await idTokenOf(await signInThroughForm(portal, person, { secondFactorCode: late }))).acr
    ).toBe(ACR_MFA);

    // The same code, within its window, in another sign-in: refused.
    const replay = await signInThroughForm(portal, person, { secondFactorCode: late });
    expect(replay.callback).toBeNull();
    expect(replay.signInPage?.status).toBe(401);
    expect(mainText(replay.signInPage?.text)).toContain('This code has already been used.');

    // Nor any earlier one: the current step's code is still fine, then the next step's.
    const current = totpCode(person.secret, clock.now);
    expect(
      (await idTokenOf(await signInThroughForm(portal, person, { secondFactorCode: current }))).amr
    ).toContain('otp');
    const early = await signInThroughForm(portal, person, { secondFactorCode: late });
    expect(early.signInPage?.status).toBe(401);

    // Two steps away is outside the window.
    const far = await signInThroughForm(portal, person, {
      secondFactorCode: totpCode(person.secret, clock.now + 2 * STEP),
    });
    expect(far.signInPage?.status).toBe(401);
    expect(mainText(far.signInPage?.text)).toContain('The code is incorrect.');
    expect(await failuresOf(person, 'totp')).toBe(3);
  });

  it('takes a recovery code once', async () => {
    const person = await personWithApp();
    const [code] = person.recoveryCodes;
    const claims = await idTokenOf(
      await signInThroughForm(portal, person, { secondFactorCode: code.toUpperCase() })
    );
    expect(claims.amr).toEqual(['pwd', 'otp', 'mfa']);
    expect(claims.acr).toBe(ACR_MFA);
    const again = await signInThroughForm(portal, person, { secondFactorCode: code });
    expect(again.signInPage?.status).toBe(401);
    expect(await cms.strapi.plugin('sso').service('recovery-codes').remaining(person.id)).toBe(9);
    expect(await failuresOf(person, 'recovery-code')).toBe(1);
  });

  it('does not sign in by resuming the authorization before the code is given', async () => {
    const person = await personWithApp();
    const flow = await passwordOnly(person);
    const uid = /\/interaction\/([\w-]+)\/second-step"/.exec(flow.signInPage!.text)![1];
    const resumed = await flow.browser.follow(`${issuer}/auth/${uid}`, (url) =>
      url.startsWith('http://localhost:4321/')
    );
    // Back to an interaction that asks for the password: nobody is signed in.
    expect(resumed.page?.text ?? '').not.toContain('code=');
    expect(
      await db(RECORD).count({ where: { accountId: person.documentId, model: 'Session' } })
    ).toBe(0);
  });

  it('throttles wrong codes per account (429, Retry-After) and abandons the sign-in after five', async () => {
    const person = await personWithApp();
    const flow = await passwordOnly(person);
    let page = flow.signInPage!;
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      page = await submitCode(flow.browser, page, attempt === 2 ? 'wrong-code-1' : '000001');
      expect(page.status).toBe(401);
    }
    // The fifth wrong code in one sign-in ends it: the application hears access_denied.
    const fifth = await submitCode(flow.browser, page, '000002');
    expect(fifth.status).toBe(303);
    const end = await flow.browser.follow(fifth.location!, (url) =>
      url.startsWith('http://localhost:4321/')
    );
    expect(new URL(end.url).searchParams.get('error')).toBe('access_denied');

    // A new sign-in (right password): the account must now wait, even with the right code.
    const blocked = await signInThroughForm(portal, person, {
      secondFactorCode: totpCode(person.secret, clock.now),
    });
    expect(blocked.signInPage?.status).toBe(429);
    expect(Number(blocked.signInPage?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(mainText(blocked.signInPage?.text)).toContain('Too many wrong codes.');
    const events = await db(EVENT).findMany({
      where: { user: { id: person.id }, method: { $in: ['totp', 'recovery-code'] } },
      select: ['id', 'outcome'],
    });
    expect(events.map((event: { outcome: string }) => event.outcome).sort()).toEqual(
      [...Array(5).fill('bad-code'), 'throttled'].sort()
    );
    // The refused code was not spent: its step is still unused.
    const [row] = await db(FACTOR).findMany({ where: { user: { id: person.id }, kind: 'totp' } });
    expect(row.lastUsedStep).toBe(Math.floor((clock.now - STEP) / STEP));
  });
});

describe('remember this device', () => {
  it('skips the second step for 30 days in that browser, until the person signs out everywhere', async () => {
    const person = await personWithApp();
    const browser = new Browser('en');
    const first = await signInThroughForm(portal, person, {
      browser,
      secondFactorCode: totpCode(person.secret, clock.now),
      rememberDevice: true,
    });
    await idTokenOf(first);
    const [device] = await db(DEVICE).findMany({ where: { user: { id: person.id } } });
    const days = (new Date(device.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    // The session ends (but not the remembered browser): the password alone signs in again.
    await db(RECORD).deleteMany({ where: { accountId: person.documentId, model: 'Session' } });
    const remembered = await idTokenOf(await signInThroughForm(portal, person, { browser }));
    expect(remembered.amr).toEqual(['pwd', 'mfa']);
    expect(remembered.acr).toBe(ACR_MFA);
    // Another browser is asked for the code.
    await passwordOnly(person);

    // "Sign out everywhere" on the account page forgets the browser too.
    const account = await browser.follow(`${issuer}/account`, () => false);
    const signOut = readForm(account.page!.text, /\/sign-out-everywhere$/);
    const out = await browser.request(new URL(signOut.action, issuer).href, {
      form: signOut.fields,
    });
    expect(out.status).toBe(200);
    expect(await db(DEVICE).count({ where: { user: { id: person.id } } })).toBe(0);
    const after = await signInThroughForm(portal, person, { browser });
    expect(after.callback).toBeNull();
    expect(after.signInPage?.text).toContain('/second-step"');
  });

  it('sets an httpOnly cookie only when asked, and ignores another account’s', async () => {
    const person = await personWithApp();
    const other = await personWithApp();
    const browser = new Browser('en');
    const flow = await passwordOnly(person);
    const answer = await submitCode(
      flow.browser,
      flow.signInPage!,
      totpCode(person.secret, clock.now)
    );
    expect(answer.status).toBe(303);
    expect(answer.headers.getSetCookie().some((c) => c.startsWith('vh_id_device'))).toBe(false);

    const remembered = await signInThroughForm(portal, other, {
      browser,
      secondFactorCode: totpCode(other.secret, clock.now),
      rememberDevice: true,
    });
    expect(remembered.callback).not.toBeNull();
    await db(RECORD).deleteMany({ where: { accountId: other.documentId, model: 'Session' } });
    // The browser remembered for `other` does not let `person` skip the code.
    const stranger = await signInThroughForm(portal, person, { browser });
    expect(stranger.signInPage?.text).toContain('/second-step"');
  });
});

describe('staff', () => {
  it('must set up an authenticator app inside the sign-in before it completes', async () => {
    const person = await registerPerson(id);
    await addStaffMember(cms, person.id);
    const flow = await signInThroughForm(portal, person);
    expect(flow.callback).toBeNull();
    const enrolment = flow.signInPage!;
    expect(enrolment.status).toBe(200);
    expect(mainText(enrolment.text)).toContain('Staff accounts must use two-step sign-in.');
    expect(enrolment.text).toMatch(/<svg[^>]*viewBox/);
    // Nobody is signed in yet.
    expect(
      await db(RECORD).count({ where: { accountId: person.documentId, model: 'Session' } })
    ).toBe(0);

    const secret = /id="totp-key">([A-Z2-7 ]+)</.exec(enrolment.text)![1].replace(/ /g, '');
    const form = readForm(enrolment.text, /\/enrol$/);
    const codesPage = await flow.browser.request(new URL(form.action, issuer).href, {
      form: { ...form.fields, code: totpCode(secret, clock.now) },
    });
    expect(codesPage.status).toBe(200);
    expect([...codesPage.text.matchAll(/<code>[a-z0-9-]+<\/code>/g)]).toHaveLength(10);
    const proceed = readForm(codesPage.text, /\/continue$/);
    const done = await flow.browser.request(new URL(proceed.action, issuer).href, {
      form: proceed.fields,
    });
    expect(done.status).toBe(303);
    const end = await flow.browser.follow(done.location!, (url) =>
      url.startsWith('http://localhost:4321/')
    );
    const claims = await idTokenOf({ ...flow, callback: new URL(end.url), signInPage: null });
    expect(claims.amr).toEqual(['pwd', 'otp', 'mfa']);
    expect(claims.acr).toBe(ACR_MFA);

    // Next time, the ordinary second step.
    clock.now += STEP;
    await passwordOnly(person);
  });
});
