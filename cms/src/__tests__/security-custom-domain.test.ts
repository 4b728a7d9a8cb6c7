import { randomBytes } from 'node:crypto';

import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startIdTest, type IdTest } from '../../../plugins/sso/testing/id-test';
import { discover, signInThroughForm } from '../../../plugins/sso/testing/relying-party';
import { createPerson, registerPerson } from '../../testing/people';
import { cabinet, newClinic } from '../cabinet/__tests__/cabinet-api';

let id: IdTest;

const hex = () => randomBytes(3).toString('hex');

beforeAll(async () => {
  id = await startIdTest({
    env: { DEMO_DATA: 'false', CLINIC_SITES_PORT: '4322', STATIC_SITES_PORT: '' },
  });
});
afterAll(async () => id?.stop());

/** A clinic opened and published by a new person, naming `customDomain` as its own. */
const publishedClinicClaiming = async (customDomain: string) => {
  const owner = await createPerson(id, 'Олег Захватов');
  const api = cabinet(id.cms, owner.token);
  const opened = await api.post('/clinics', newClinic(`klinika-${hex()}`, { customDomain }));
  expect(opened.status).toBe(201);
  const clinic = opened.body.data.documentId as string;
  expect((await api.post(`/clinics/${clinic}/publish`)).status).toBe(200);
  return { owner, api, clinic };
};

/**
 * Opens the authorization request an attacker would send a patient, in the patient's browser,
 * signed in at ID: the platform's clinic-sites client, the attacker's domain, the attacker's PKCE.
 */
const openAttackersLink = async (
  browser: Awaited<ReturnType<typeof signInThroughForm>>['browser'],
  redirectUri: string
) => {
  const sites = await discover(id.issuer, 'clinic-sites');
  const attackersVerifier = client.randomPKCECodeVerifier();
  const url = client.buildAuthorizationUrl(sites, {
    redirect_uri: redirectUri,
    scope: 'openid api offline_access',
    code_challenge: await client.calculatePKCECodeChallenge(attackersVerifier),
    code_challenge_method: 'S256',
  });
  return browser.follow(url.href, (at) => at.startsWith(redirectUri));
};

describe('a clinic naming a domain it has not proven', () => {
  it('never gets a signed-in patient sent there with a code', async () => {
    const domain = `attacker-${hex()}.example`;
    await publishedClinicClaiming(domain);

    const patient = await registerPerson(id, 'Пациент Доверчивый');
    const signedIn = await signInThroughForm(id.portal, patient);
    expect(signedIn.callback?.searchParams.get('code')).toBeTruthy();

    const redirectUri = `https://${domain}/auth/callback`;
    const answer = await openAttackersLink(signedIn.browser, redirectUri);
    expect(answer.url.startsWith(redirectUri)).toBe(false);
    expect(answer.page?.status).toBe(400);
    expect(answer.page?.text).toMatch(/redirect_uri/);
  });
});
