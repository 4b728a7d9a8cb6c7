import { randomBytes } from 'node:crypto';

import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readForm } from '@vixenhealth/tooling/lib/browser';
import { cabinet, newClinic } from '@vixenhealth/tooling/testing/cabinet-api';
import { startDnsServer, type DnsServer } from '@vixenhealth/tooling/testing/dns-server';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { createPerson, registerPerson } from '@vixenhealth/tooling/testing/people';
import { discover, signInThroughForm } from '@vixenhealth/tooling/testing/relying-party';

let id: IdTest;
let dns: DnsServer;

const hex = () => randomBytes(3).toString('hex');

beforeAll(async () => {
  dns = await startDnsServer();
  id = await startIdTest({
    env: {
      DEMO_DATA: 'false',
      CLINIC_SITES_PORT: '4322',
      STATIC_SITES_PORT: '',
      DOMAIN_VERIFICATION_DNS_SERVERS: dns.address,
    },
  });
});
afterAll(async () => {
  await id?.stop();
  await dns?.stop();
});

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

type PatientsBrowser = Awaited<ReturnType<typeof signInThroughForm>>['browser'];

/**
 * Opens an authorization request in the patient's browser, signed in at ID, and follows it until
 * it reaches `redirectUri` or a page of ID. By default the link an attacker would send: the
 * platform's clinic-sites client, the attacker's domain and scopes, the attacker's PKCE.
 */
const openAuthorization = async (
  browser: PatientsBrowser,
  redirectUri: string,
  { clientId = 'clinic-sites', scope = 'openid api offline_access' } = {}
) => {
  const config = await discover(id.issuer, clientId);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope,
    state,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  const answer = await browser.follow(url.href, (at) => at.startsWith(redirectUri));
  return { ...answer, config, verifier, state };
};

describe('a clinic naming a domain it has not proven', () => {
  it('never gets a signed-in patient sent there with a code', async () => {
    const domain = `attacker-${hex()}.example`;
    await publishedClinicClaiming(domain);

    const patient = await registerPerson(id, 'Пациент Доверчивый');
    const signedIn = await signInThroughForm(id.portal, patient);
    expect(signedIn.callback?.searchParams.get('code')).toBeTruthy();

    const redirectUri = `https://${domain}/auth/callback`;
    const answer = await openAuthorization(signedIn.browser, redirectUri);
    expect(answer.url.startsWith(redirectUri)).toBe(false);
    expect(answer.page?.status).toBe(400);
    expect(answer.page?.text).toMatch(/redirect_uri/);
  });
});

/** What the public content API says of the clinic on `subdomain`. */
const publicClinic = async (subdomain: string) =>
  (await id.cms.request(`/api/clinics?filters[subdomain][$eq]=${subdomain}`)).body.data[0];

/** The clinics the public content API finds on `domain`. */
const publicByDomain = async (domain: string) =>
  (await id.cms.request(`/api/clinics?filters[verifiedDomain][$eq]=${domain}`)).body.data;

/** Runs the periodic re-check now, as its cron job would. */
const recheckNow = async () => {
  const recheck = id.cms.strapi.cron.jobs.find((job) => job.name === 'clinic-domains-recheck');
  await recheck?.job.invoke();
};

describe('a domain a clinic only claims', () => {
  it('is not in the public API, and clinics cannot be looked up by it', async () => {
    const domain = `claimed-${hex()}.example`;
    const { api, clinic } = await publishedClinicClaiming(domain);
    const subdomain = (await api.get(`/clinics/${clinic}`)).body.data.subdomain;

    const shown = await publicClinic(subdomain);
    expect(shown.documentId).toBe(clinic);
    expect(shown.verifiedDomain).toBeNull();
    for (const field of ['customDomain', 'domainToken', 'domainStatus']) {
      expect(shown).not.toHaveProperty(field);
    }
    const byClaim = await id.cms.request(`/api/clinics?filters[customDomain][$eq]=${domain}`);
    expect(byClaim.status).toBe(400);
    expect(await publicByDomain(domain)).toEqual([]);
  });
});

describe('proving a domain with a DNS record', () => {
  it('verifies it once the record is published, and un-verifies it when the record goes', async () => {
    const domain = `klinika-${hex()}.example`;
    const { api, clinic } = await publishedClinicClaiming(domain);
    const subdomain = (await api.get(`/clinics/${clinic}`)).body.data.subdomain;

    const asked = await api.get(`/clinics/${clinic}/domain`);
    expect(asked.status).toBe(200);
    expect(asked.body.data).toMatchObject({
      domain,
      status: 'unverified',
      lastCheck: null,
      verifiedAt: null,
      record: { type: 'TXT', name: `_vixenhealth.${domain}` },
    });
    const record = asked.body.data.record as { name: string; value: string };
    expect(record.value).toMatch(/^vixenhealth-domain-verification=[0-9a-f]{32}$/);
    expect((await api.get(`/clinics/${clinic}/domain`)).body.data.record).toEqual(record);

    const notYet = await api.post(`/clinics/${clinic}/domain/check`);
    expect(notYet.status).toBe(200);
    expect(notYet.body.data).toMatchObject({
      status: 'unverified',
      lastCheck: { result: 'missing' },
    });
    dns.setTxt(record.name, ['vixenhealth-domain-verification=someone-elses-token']);
    expect((await api.post(`/clinics/${clinic}/domain/check`)).body.data.status).toBe('unverified');
    expect(await publicByDomain(domain)).toEqual([]);

    dns.setTxt(record.name, ['v=spf1 -all', record.value]);
    const proven = await api.post(`/clinics/${clinic}/domain/check`);
    expect(proven.body.data).toMatchObject({ status: 'verified', lastCheck: { result: 'found' } });
    expect(proven.body.data.verifiedAt).toBeTruthy();
    expect((await publicClinic(subdomain)).verifiedDomain).toBe(domain);
    expect((await publicByDomain(domain)).map((c: { documentId: string }) => c.documentId)).toEqual(
      [clinic]
    );

    // DNS that does not answer proves nothing either way.
    process.env.DOMAIN_VERIFICATION_DNS_SERVERS = '127.0.0.1:1';
    try {
      await recheckNow();
    } finally {
      process.env.DOMAIN_VERIFICATION_DNS_SERVERS = dns.address;
    }
    expect((await api.get(`/clinics/${clinic}/domain`)).body.data).toMatchObject({
      status: 'verified',
      lastCheck: { result: 'unreachable' },
    });

    dns.setTxt(record.name, null);
    await recheckNow();
    expect((await api.get(`/clinics/${clinic}/domain`)).body.data).toMatchObject({
      status: 'lost',
      lastCheck: { result: 'missing' },
      verifiedAt: null,
    });
    expect((await publicClinic(subdomain)).verifiedDomain).toBeNull();
    expect(await publicByDomain(domain)).toEqual([]);
  });

  it('starts over when the owners name another domain', async () => {
    const domain = `pervyy-${hex()}.example`;
    const { api, clinic } = await publishedClinicClaiming(domain);
    const subdomain = (await api.get(`/clinics/${clinic}`)).body.data.subdomain;
    const { record } = (await api.get(`/clinics/${clinic}/domain`)).body.data;
    dns.setTxt(record.name, [record.value]);
    expect((await api.post(`/clinics/${clinic}/domain/check`)).body.data.status).toBe('verified');

    const other = `vtoroy-${hex()}.example`;
    expect((await api.put(`/clinics/${clinic}`, { customDomain: other })).status).toBe(200);
    const after = (await api.get(`/clinics/${clinic}/domain`)).body.data;
    expect(after).toMatchObject({ domain: other, status: 'unverified', lastCheck: null });
    expect(after.record.name).toBe(`_vixenhealth.${other}`);
    // The published version has not been republished, and shows no domain either.
    expect((await publicClinic(subdomain)).verifiedDomain).toBeNull();
    expect(await publicByDomain(domain)).toEqual([]);
  });

  it('is for the clinic’s owners only: others do not find the clinic', async () => {
    const { api, clinic } = await publishedClinicClaiming(`chuzhoy-${hex()}.example`);
    const stranger = cabinet(id.cms, (await createPerson(id, 'Пётр Чужой')).token);
    expect((await stranger.get(`/clinics/${clinic}/domain`)).status).toBe(404);
    expect((await stranger.post(`/clinics/${clinic}/domain/check`)).status).toBe(404);
    expect((await api.get(`/clinics/${clinic}/domain`)).body.data.status).toBe('unverified');
  });

  it('needs a domain to check', async () => {
    const owner = await createPerson(id, 'Инна Безадресная');
    const api = cabinet(id.cms, owner.token);
    const clinic = (await api.post('/clinics', newClinic(`klinika-${hex()}`))).body.data.documentId;
    expect((await api.get(`/clinics/${clinic}/domain`)).body.data).toMatchObject({
      domain: null,
      record: null,
    });
    const refused = await api.post(`/clinics/${clinic}/domain/check`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors[0].path).toEqual(['customDomain']);
  });
});

describe('a domain several clinics name', () => {
  it('goes to the clinic that proves it: a squatter neither blocks nor takes it', async () => {
    const domain = `nastoyashchaya-${hex()}.example`;
    const squatter = cabinet(id.cms, (await createPerson(id, 'Семён Захватчик')).token);
    const opened = await squatter.post(
      '/clinics',
      newClinic(`klinika-${hex()}`, { customDomain: domain })
    );
    expect(opened.status).toBe(201);
    const squatters = opened.body.data.documentId as string;

    // The real clinic names it all the same, and no answer tells it somebody else did.
    const { api, clinic } = await publishedClinicClaiming(domain);
    const { record } = (await api.get(`/clinics/${clinic}/domain`)).body.data;
    dns.setTxt(record.name, [record.value]);
    expect((await api.post(`/clinics/${clinic}/domain/check`)).body.data.status).toBe('verified');

    // The squatter's token is not in DNS.
    const failed = await squatter.post(`/clinics/${squatters}/domain/check`);
    expect(failed.status).toBe(200);
    expect(failed.body.data).toMatchObject({
      status: 'unverified',
      lastCheck: { result: 'missing' },
    });

    // Even a clinic whose record is there too cannot take a domain another clinic holds.
    const second = await publishedClinicClaiming(domain);
    const secondRecord = (await second.api.get(`/clinics/${second.clinic}/domain`)).body.data
      .record;
    dns.setTxt(record.name, [record.value, secondRecord.value]);
    const refused = await second.api.post(`/clinics/${second.clinic}/domain/check`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.details.rule).toBe('domain-verified-elsewhere');
    expect((await second.api.get(`/clinics/${second.clinic}/domain`)).body.data.status).toBe(
      'unverified'
    );
    await recheckNow();
    expect((await api.get(`/clinics/${clinic}/domain`)).body.data.status).toBe('verified');
    expect((await publicByDomain(domain)).map((c: { documentId: string }) => c.documentId)).toEqual(
      [clinic]
    );
  });

  it('is held by one clinic even when two prove it at once', async () => {
    const domain = `odnovremenno-${hex()}.example`;
    const first = await publishedClinicClaiming(domain);
    const second = await publishedClinicClaiming(domain);
    const records = await Promise.all(
      [first, second].map(
        async ({ api, clinic }) => (await api.get(`/clinics/${clinic}/domain`)).body.data.record
      )
    );
    dns.setTxt(
      records[0].name,
      records.map((record) => record.value)
    );
    const answers = await Promise.all(
      [first, second].map(({ api, clinic }) => api.post(`/clinics/${clinic}/domain/check`))
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 403]);
    expect(await publicByDomain(domain)).toHaveLength(1);
  });
});

describe('a verified domain', () => {
  it('signs people in through the clinic’s own client: consent, and no platform API', async () => {
    const domain = `svoya-${hex()}.example`;
    const { api, clinic } = await publishedClinicClaiming(domain);
    const { record } = (await api.get(`/clinics/${clinic}/domain`)).body.data;
    dns.setTxt(record.name, [record.value]);
    expect((await api.post(`/clinics/${clinic}/domain/check`)).body.data.status).toBe('verified');
    const redirectUri = `https://${domain}/auth/callback`;
    const patient = await registerPerson(id, 'Пациент Осторожный');
    const { browser } = await signInThroughForm(id.portal, patient);

    // The platform's own client never returns anyone there, verified or not.
    const platforms = await openAuthorization(browser, redirectUri);
    expect(platforms.url.startsWith(redirectUri)).toBe(false);
    expect(platforms.page?.status).toBe(400);

    // The clinic's own client may not ask for the platform's API.
    const clientId = `clinic-${clinic}`;
    const greedy = new URL(
      (await openAuthorization(browser, redirectUri, { clientId, scope: 'openid profile api' })).url
    );
    expect(greedy.searchParams.get('error')).toBe('invalid_scope');
    expect(greedy.searchParams.get('code')).toBeNull();

    // Nor to stay signed in: offline_access is dropped, and no refresh token is issued.
    const asked = await openAuthorization(browser, redirectUri, {
      clientId,
      scope: 'openid profile offline_access',
    });
    expect(asked.page?.status).toBe(200);
    const clinicName = (await api.get(`/clinics/${clinic}`)).body.data.name;
    expect(asked.page?.text).toContain(clinicName);
    const consent = readForm(asked.page!.text, /\/confirm$/);
    const allowed = await browser.request(new URL(consent.action, asked.url).href, {
      form: consent.fields,
    });
    const landed = await browser.follow(allowed.location!, (at) => at.startsWith(redirectUri));
    expect(landed.page).toBeNull();
    const tokens = await client.authorizationCodeGrant(asked.config, new URL(landed.url), {
      pkceCodeVerifier: asked.verifier,
      expectedState: asked.state,
    });
    expect(tokens.scope?.split(' ')).not.toContain('api');
    expect(tokens.refresh_token).toBeUndefined();
    const reviews = await id.cms.request('/api/reviews/mine', { token: tokens.access_token });
    expect(reviews.status).toBe(401);

    // Once the proof is gone, so is the client.
    dns.setTxt(record.name, null);
    await recheckNow();
    const afterLoss = await openAuthorization(browser, redirectUri, {
      clientId,
      scope: 'openid profile',
    });
    expect(afterLoss.url.startsWith(redirectUri)).toBe(false);
    expect(afterLoss.page?.status).toBe(400);
  });
});
