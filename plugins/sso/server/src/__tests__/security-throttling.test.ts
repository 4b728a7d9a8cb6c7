import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { Browser } from '@vixenhealth/tooling/lib/browser';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { loginEventsOf } from '@vixenhealth/tooling/testing/login-events';
import { signInThroughForm } from '@vixenhealth/tooling/testing/relying-party';
import type { TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

// Issue 18, findings 5 and 7's proxy item: the sign-in throttle as an attacker sees it.

const PASSWORD = 'Demo-user-password-1';
const PATIENT = 'patient@demo.vixenhealth.local';
const OWNER = 'owner@demo.vixenhealth.local';

let id: IdTest;
let cms: TestCms;

/** A browser whose requests come, through ID's trusted proxy (loopback), from `address`. */
const from = (address: string) => new Browser('en', { headers: { 'x-forwarded-for': address } });

/** One sign-in through the real form; the sign-in page when it was refused. */
const attempt = async (email: string, password: string, browser: Browser) => {
  const flow = await signInThroughForm(id.portal, { email, password }, { browser });
  return {
    signedIn: flow.callback !== null,
    status: flow.signInPage?.status ?? 303,
    retryAfter: flow.signInPage?.headers.get('retry-after') ?? null,
    text: flow.signInPage?.text ?? '',
  };
};

/** Moves ID's clock (and ours): the same process, so the same `Date`. */
const advance = (ms: number) => vi.setSystemTime(new Date(Date.now() + ms));

const eventsOf = (email: string) => loginEventsOf(cms, email);

beforeAll(async () => {
  id = await startIdTest({ env: { IS_PROXIED: 'true', ID_TRUSTED_PROXIES: '127.0.0.1' } });
  cms = id.cms;
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterAll(async () => {
  vi.useRealTimers();
  await id?.stop();
});

// Each test starts a day later than the last one: earlier attempts are out of every window.
beforeEach(() => advance(24 * 60 * 60 * 1000));

describe('guessing an account’s password', () => {
  it('cannot lock its owner out: 10 parallel guesses from one address, the owner elsewhere', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        attempt(PATIENT, `wrong-password-${n}`, from('203.0.113.10'))
      )
    );
    expect(guesses.every((guess) => !guess.signedIn)).toBe(true);

    expect((await attempt(PATIENT, PASSWORD, from('198.51.100.20'))).signedIn).toBe(true);
  });

  it('counts only evaluated attempts, and Retry-After is the true wait', async () => {
    const attacker = () => from('203.0.113.11');
    for (let n = 0; n < 4; n += 1) {
      expect((await attempt(OWNER, `wrong-password-${n}`, attacker())).status).toBe(401);
    }
    const refused = await attempt(OWNER, 'wrong-password-4', attacker());
    expect(refused.status).toBe(429);
    const wait = Number(refused.retryAfter);
    expect(wait).toBeGreaterThan(0);

    // Refused attempts, even many, neither count nor make the wait longer.
    for (let n = 0; n < 5; n += 1) {
      const again = await attempt(OWNER, PASSWORD, attacker());
      expect(again.status).toBe(429);
      expect(Number(again.retryAfter)).toBe(wait);
    }
    advance((wait - 1) * 1000);
    expect((await attempt(OWNER, PASSWORD, attacker())).retryAfter).toBe('1');

    advance(1000);
    expect((await attempt(OWNER, PASSWORD, attacker())).signedIn).toBe(true);
  });
});

describe('an unknown email', () => {
  /** The page with what differs by nature taken out: the email typed, tokens, nonces, ids. */
  const comparable = (text: string, email: string) =>
    text.replaceAll(email, 'EMAIL').replace(/[A-Za-z0-9_+/=-]{20,}/g, 'RANDOM');

  it('answers exactly like a known one, attempt after attempt', async () => {
    const answers = async (email: string, address: string) => {
      const seen = [];
      for (let n = 0; n < 7; n += 1) {
        const answer = await attempt(email, `wrong-password-${n}`, from(address));
        seen.push({ ...answer, text: comparable(answer.text, email) });
      }
      return seen;
    };
    const known = await answers(PATIENT, '203.0.113.12');
    const unknown = await answers('nobody.at.all@example.ru', '203.0.113.13');

    expect(known.map((answer) => answer.status)).toContain(429);
    expect(unknown).toEqual(known);
  });
});

describe('the client’s address', () => {
  const untrustedPeer = new Agent({ localAddress: '127.0.0.2' });
  afterAll(() => untrustedPeer.close());

  it('is the peer’s when the peer is no trusted proxy, whatever X-Forwarded-For it forges', async () => {
    const statuses = [];
    for (let n = 0; n < 6; n += 1) {
      const forger = new Browser('en', {
        headers: { 'x-forwarded-for': `198.51.100.${100 + n}` },
        dispatcher: untrustedPeer,
      });
      statuses.push((await attempt(OWNER, `wrong-password-${n}`, forger)).status);
    }
    // A fresh source each time would have been evaluated each time.
    expect(statuses).toContain(429);
    const [latest] = await eventsOf(OWNER);
    expect(latest.ip).toBe('127.0.0.2');
  });

  it('is the nearest untrusted hop of X-Forwarded-For behind a trusted proxy', async () => {
    await attempt(OWNER, 'wrong-password-x', from('203.0.113.66, 198.51.100.7'));
    const [latest] = await eventsOf(OWNER);
    expect(latest.ip).toBe('198.51.100.7');
  });
});
