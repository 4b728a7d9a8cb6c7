import { randomBytes } from 'node:crypto';

import type { UID } from '@strapi/strapi';
import { buildAuthorizationUrl } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cabinet, newClinic } from '@vixenhealth/tooling/testing/cabinet-api';
import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { createPerson, type Person } from '@vixenhealth/tooling/testing/people';
import { discover, signInThroughForm } from '@vixenhealth/tooling/testing/relying-party';

import { sample } from '../../reviews/__tests__/support/reviews-api';

let id: IdTest;
let owner: Person;
let stranger: Person;

const subdomain = () => `klinika-${randomBytes(3).toString('hex')}`;
const countOf = (uid: UID.ContentType) => id.cms.strapi.db.query(uid).count({});

beforeAll(async () => {
  id = await startIdTest({
    mail: true,
    env: { DEMO_DATA: 'false', CLINIC_SITES_PORT: '4322', STATIC_SITES_PORT: '' },
  });
  owner = await createPerson(id, 'Ольга Владелец');
  stranger = await createPerson(id, 'Пётр Чужой');
});
afterAll(async () => id?.stop());

/** A clinic `person` opened, published with one published page unless `draft`. */
const openClinic = async (person: Person, { draft = false } = {}) => {
  const api = cabinet(id.cms, person.token);
  const opened = await api.post('/clinics', newClinic(subdomain()));
  expect(opened.status).toBe(201);
  const clinic = opened.body.data.documentId as string;
  if (!draft) expect((await api.post(`/clinics/${clinic}/publish`)).status).toBe(200);
  return { api, clinic };
};

describe('opening a clinic', () => {
  it('needs a signed-in person', async () => {
    const anonymous = await cabinet(id.cms, undefined).get('/clinics');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.message).toMatch(/sign in/i);
  });

  it('creates a draft owned by the person, invisible to the public until published', async () => {
    const api = cabinet(id.cms, owner.token);
    const name = subdomain();
    const opened = await api.post('/clinics', newClinic(name));
    expect(opened.status).toBe(201);
    expect(opened.body.data).toMatchObject({
      subdomain: name,
      slug: name,
      role: 'owner',
      state: 'draft',
    });
    const clinic = opened.body.data.documentId;

    const mine = await api.get('/clinics');
    expect(mine.body.data).toContainEqual(
      expect.objectContaining({ documentId: clinic, role: 'owner', state: 'draft' })
    );
    const publicList = await id.cms.request(`/api/clinics?filters[subdomain][$eq]=${name}`);
    expect(publicList.body.data).toEqual([]);

    expect((await api.post(`/clinics/${clinic}/publish`)).body.data.state).toBe('published');
    const published = await id.cms.request(`/api/clinics?filters[subdomain][$eq]=${name}`);
    expect(published.body.data).toHaveLength(1);
  });

  it('checks the subdomain before opening and refuses a taken or reserved one', async () => {
    const api = cabinet(id.cms, owner.token);
    const { body: taken } = await api.post('/clinics', newClinic(subdomain()));
    const takenName = taken.data.subdomain;
    expect((await api.get(`/subdomains/${takenName}`)).body.data).toMatchObject({
      available: false,
      reason: expect.stringMatching(/taken/),
    });
    expect((await api.get('/subdomains/admin')).body.data.reason).toMatch(/reserved/);
    expect((await api.get('/subdomains/Bad_Name')).body.data.available).toBe(false);
    expect((await api.get(`/subdomains/${subdomain()}`)).body.data.available).toBe(true);

    const before = await countOf('api::clinic.clinic');
    const again = await api.post('/clinics', newClinic(takenName));
    expect(again.status).toBe(400);
    expect(again.body.error.details.errors[0].path).toEqual(['subdomain']);
    expect(await countOf('api::clinic.clinic')).toBe(before);
  });

  it('stops at five unpublished clinics per person, naming the rule, until one is published', async () => {
    const busy = await createPerson(id, 'Иван Черновиков');
    const api = cabinet(id.cms, busy.token);
    const drafts: string[] = [];
    for (let opened = 0; opened < 5; opened += 1) {
      const created = await api.post('/clinics', newClinic(subdomain()));
      expect(created.status).toBe(201);
      drafts.push(created.body.data.documentId);
    }
    const before = await countOf('api::clinic.clinic');
    const sixth = await api.post('/clinics', newClinic(subdomain()));
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.details).toMatchObject({ rule: 'draft-clinics', limit: 5 });
    expect(await countOf('api::clinic.clinic')).toBe(before);

    expect((await api.post(`/clinics/${drafts[0]}/publish`)).status).toBe(200);
    expect((await api.post('/clinics', newClinic(subdomain()))).status).toBe(201);
  });

  it('refuses fields the platform sets, naming them, and writes nothing', async () => {
    const api = cabinet(id.cms, owner.token);
    const before = await countOf('api::clinic.clinic');
    for (const field of ['owners', 'accountStatus', 'ratingAverage']) {
      const refused = await api.post('/clinics', newClinic(subdomain(), { [field]: 'x' }));
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.errors[0].path).toEqual([field]);
    }
    const badCity = await api.post('/clinics', newClinic(subdomain(), { city: '' }));
    expect(badCity.status).toBe(400);
    expect(JSON.stringify(badCity.body.error)).toMatch(/city/);
    expect(await countOf('api::clinic.clinic')).toBe(before);
  });
});

describe('signing in on a clinic’s own site', () => {
  it('works for a clinic as soon as it is published, and not for a draft', async () => {
    const api = cabinet(id.cms, owner.token);
    const name = subdomain();
    const clinic = (await api.post('/clinics', newClinic(name))).body.data.documentId;
    const sites = await discover(id.issuer, 'clinic-sites');
    const redirectUri = `http://${name}.localhost:4322/auth/callback`;
    const authorize = async () =>
      (
        await fetch(
          buildAuthorizationUrl(sites, {
            redirect_uri: redirectUri,
            scope: 'openid',
            code_challenge: 'x'.repeat(43),
            code_challenge_method: 'S256',
          }),
          { redirect: 'manual' }
        )
      ).status;
    expect(await authorize()).toBe(400);
    await api.post(`/clinics/${clinic}/publish`);
    expect(await authorize()).toBe(303);
    const signedIn = await signInThroughForm(sites, owner, { redirectUri });
    expect(signedIn.callback?.searchParams.get('code')).toBeTruthy();
  });
});

describe('someone else’s clinic', () => {
  it('is not found for another person, whatever they try, and stays as it was', async () => {
    const { clinic } = await openClinic(owner);
    const page = await cabinet(id.cms, owner.token).post(`/clinics/${clinic}/pages`, {
      title: 'О клинике',
      slug: 'o-klinike',
    });
    const other = cabinet(id.cms, stranger.token);
    const attempts = [
      other.get(`/clinics/${clinic}`),
      other.put(`/clinics/${clinic}`, { name: 'Захвачено' }),
      other.post(`/clinics/${clinic}/unpublish`),
      other.get(`/clinics/${clinic}/pages`),
      other.post(`/clinics/${clinic}/pages`, { title: 'Чужая', slug: 'chuzhaya' }),
      other.put(`/clinics/${clinic}/pages/${page.body.data.documentId}`, { title: 'Чужая' }),
      other.delete(`/clinics/${clinic}/pages/${page.body.data.documentId}`),
      other.upload(`/clinics/${clinic}/photos`, [{ name: 'a.png', content: sample.png() }]),
      other.get(`/clinics/${clinic}/team`),
      other.post(`/clinics/${clinic}/invitations`, { email: stranger.email }),
    ];
    for (const attempt of await Promise.all(attempts)) expect(attempt.status).toBe(404);
    expect(
      (await other.get('/clinics')).body.data.map((c: { documentId: string }) => c.documentId)
    ).not.toContain(clinic);

    const mine = await cabinet(id.cms, owner.token).get(`/clinics/${clinic}`);
    expect(mine.body.data.name).not.toBe('Захвачено');
    expect(mine.body.data.state).toBe('published');
    expect(
      (await cabinet(id.cms, owner.token).get(`/clinics/${clinic}/pages`)).body.data
    ).toHaveLength(1);
  });
});

describe('editing and publishing', () => {
  it('edits a draft, shows it as modified, and the public sees it only once published', async () => {
    const { api, clinic } = await openClinic(owner);
    const edited = await api.put(`/clinics/${clinic}`, { shortDescription: 'Новое описание' });
    expect(edited.status).toBe(200);
    expect(edited.body.data.state).toBe('modified');
    const readPublic = async () =>
      (await id.cms.request(`/api/clinics/${clinic}`)).body.data.shortDescription;
    expect(await readPublic()).not.toBe('Новое описание');
    await api.post(`/clinics/${clinic}/publish`);
    expect(await readPublic()).toBe('Новое описание');
  });

  it('creates, edits, publishes, orders and deletes pages', async () => {
    const { api, clinic } = await openClinic(owner, { draft: true });
    const pages = [];
    for (const slug of ['ceny', 'o-nas', 'vakansii']) {
      const created = await api.post(`/clinics/${clinic}/pages`, { title: slug, slug });
      expect(created.status).toBe(201);
      expect(created.body.data.state).toBe('draft');
      pages.push(created.body.data.documentId as string);
    }
    const duplicate = await api.post(`/clinics/${clinic}/pages`, { title: 'x', slug: 'ceny' });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.details.errors[0].path).toEqual(['slug']);

    const early = await api.post(`/clinics/${clinic}/pages/${pages[0]}/publish`);
    expect(early.status).toBe(403);
    expect(early.body.error.message).toMatch(/Publish the clinic first/);
    expect(early.body.error.details.rule).toBe('clinic-not-published');

    await api.post(`/clinics/${clinic}/publish`);
    expect((await api.post(`/clinics/${clinic}/pages/${pages[0]}/publish`)).body.data.state).toBe(
      'published'
    );
    const live = await id.cms.request(`/api/pages?filters[clinic][documentId][$eq]=${clinic}`);
    expect(live.body.data.map((page: { slug: string }) => page.slug)).toEqual(['ceny']);

    const reordered = await api.put(`/clinics/${clinic}/page-order`, {
      order: [pages[2], pages[0], pages[1]],
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.data.map((page: { slug: string }) => page.slug)).toEqual([
      'vakansii',
      'ceny',
      'o-nas',
    ]);
    const partial = await api.put(`/clinics/${clinic}/page-order`, { order: [pages[0]] });
    expect(partial.status).toBe(400);
    expect(partial.body.error.details.errors[0].path).toEqual(['order']);

    expect((await api.post(`/clinics/${clinic}/pages/${pages[0]}/unpublish`)).body.data.state).toBe(
      'draft'
    );
    expect(
      (await id.cms.request(`/api/pages?filters[clinic][documentId][$eq]=${clinic}`)).body.data
    ).toEqual([]);

    expect((await api.delete(`/clinics/${clinic}/pages/${pages[1]}`)).status).toBe(204);
    expect((await api.get(`/clinics/${clinic}/pages`)).body.data).toHaveLength(2);
  });

  it('keeps a doctor who also works elsewhere: no edits here, deleting only leaves this clinic', async () => {
    const { api, clinic } = await openClinic(owner);
    const elsewhere = (await fixtures(id.cms.strapi).clinic()).documentId;
    const shared = await fixtures(id.cms.strapi).doctor({ clinics: [clinic, elsewhere] });
    const own = await api.post(`/clinics/${clinic}/doctors`, {
      fullName: 'Иван Петров',
      experienceYears: 12,
    });
    expect(own.status).toBe(201);
    expect((await api.get(`/clinics/${clinic}/doctors`)).body.data).toHaveLength(2);

    const edit = await api.put(`/clinics/${clinic}/doctors/${shared.documentId}`, {
      fullName: 'Другой',
    });
    expect(edit.status).toBe(403);
    expect(edit.body.error.message).toMatch(/another clinic/);
    expect(edit.body.error.details.rule).toBe('shared-doctor');
    expect((await api.delete(`/clinics/${clinic}/doctors/${shared.documentId}`)).status).toBe(204);
    const doctor = await id.cms.strapi.documents('api::doctor.doctor').findOne({
      documentId: shared.documentId,
      status: 'published',
      populate: { clinics: { fields: ['documentId'] } },
    });
    expect(doctor?.clinics?.map((c) => c.documentId)).toEqual([elsewhere]);
    const ownEdit = await api.put(`/clinics/${clinic}/doctors/${own.body.data.documentId}`, {
      experienceYears: 99,
    });
    expect(ownEdit.status).toBe(400);
    expect(JSON.stringify(ownEdit.body.error)).toMatch(/experienceYears/);
  });
});

describe('photos', () => {
  it('keeps checked images in the clinic’s library and lets only those be shown', async () => {
    const { api, clinic } = await openClinic(owner);
    const exe = await api.upload(`/clinics/${clinic}/photos`, [
      { name: 'ok.png', content: sample.png() },
      { name: 'virus.png', content: sample.exe() },
    ]);
    expect(exe.status).toBe(400);
    expect((await api.get(`/clinics/${clinic}/photos`)).body.data).toEqual([]);

    const added = await api.upload(`/clinics/${clinic}/photos`, [
      { name: 'hall.png', content: sample.png() },
    ]);
    expect(added.status).toBe(201);
    const photo = added.body.data[0].id;
    expect((await api.put(`/clinics/${clinic}/photos`, {})).status).toBe(405);

    const other = await openClinic(stranger);
    const foreign = (
      await other.api.upload(`/clinics/${other.clinic}/photos`, [
        { name: 'x.png', content: sample.png() },
      ])
    ).body.data[0].id;

    expect((await api.put(`/clinics/${clinic}`, { logo: photo })).body.data.logo.id).toBe(photo);
    const stolen = await api.put(`/clinics/${clinic}`, { logo: foreign });
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.details.errors[0].path).toEqual(['logo']);
    const gallery = await api.post(`/clinics/${clinic}/pages`, {
      title: 'Галерея',
      slug: 'galereya',
      body: [{ __component: 'blocks.gallery', images: [photo, foreign] }],
    });
    expect(gallery.status).toBe(400);
    expect(gallery.body.error.details.errors[0].path).toEqual(['body', '0', 'images', '1']);

    expect((await api.delete(`/clinics/${clinic}/photos/${foreign}`)).status).toBe(404);
    expect((await api.delete(`/clinics/${clinic}/photos/${photo}`)).status).toBe(204);
    expect(
      await id.cms.strapi.db.query('plugin::upload.file').findOne({ where: { id: photo } })
    ).toBeNull();
  });
});

describe('administrators', () => {
  it('are invited by email, accept with the matching ID account, and can be revoked', async () => {
    const { api, clinic } = await openClinic(owner);
    const helper = await createPerson(id, 'Анна Помощник');
    const invited = await api.post(`/clinics/${clinic}/invitations`, {
      email: helper.email.toUpperCase(),
    });
    expect(invited.status).toBe(201);
    const mail = await id.mail.waitFor(helper.email);
    const token = /\/cabinet\/invitations\/([\w-]+)/.exec(mail.text ?? '')?.[1];
    expect(token).toBeTruthy();

    const wrongPerson = cabinet(id.cms, stranger.token);
    expect((await wrongPerson.get(`/invitations/${token}`)).body.data.clinic.documentId).toBe(
      clinic
    );
    const refused = await wrongPerson.post(`/invitations/${token}/accept`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain(helper.email);
    expect(refused.body.error.details.rule).toBe('invitation-for-another-email');

    const helperApi = cabinet(id.cms, helper.token);
    expect((await helperApi.get(`/clinics/${clinic}`)).status).toBe(404);
    expect((await helperApi.post(`/invitations/${token}/accept`)).status).toBe(200);
    expect((await helperApi.post(`/invitations/${token}/accept`)).status).toBe(404);
    expect((await helperApi.get(`/clinics/${clinic}`)).body.data.role).toBe('administrator');
    // Who runs the clinic is no edit of its content: nothing waits to be published.
    expect((await api.get(`/clinics/${clinic}`)).body.data.state).toBe('published');

    // Administrators edit and publish; the site's address and the team are the owners'.
    expect((await helperApi.put(`/clinics/${clinic}`, { city: 'Самара' })).status).toBe(200);
    const readdressed = await helperApi.put(`/clinics/${clinic}`, { subdomain: subdomain() });
    expect(readdressed.status).toBe(403);
    expect(readdressed.body.error.details.rule).toBe('owners-only');
    expect(
      (await helperApi.post(`/clinics/${clinic}/invitations`, { email: 'x@example.com' })).status
    ).toBe(403);
    expect((await helperApi.post(`/clinics/${clinic}/unpublish`)).status).toBe(403);

    const team = (await api.get(`/clinics/${clinic}/team`)).body.data;
    expect(team.administrators.map((admin: { id: number }) => admin.id)).toEqual([helper.id]);
    expect((await api.delete(`/clinics/${clinic}/administrators/${helper.id}`)).status).toBe(204);
    expect((await helperApi.get(`/clinics/${clinic}`)).status).toBe(404);
  });

  it('revoked and bad invitation links do nothing', async () => {
    const { api, clinic } = await openClinic(owner);
    const helper = await createPerson(id, 'Борис Помощник');
    const invited = await api.post(`/clinics/${clinic}/invitations`, { email: helper.email });
    const token = /\/cabinet\/invitations\/([\w-]+)/.exec(
      (await id.mail.waitFor(helper.email)).text ?? ''
    )?.[1];
    expect(
      (await api.delete(`/clinics/${clinic}/invitations/${invited.body.data.id}`)).status
    ).toBe(204);
    const helperApi = cabinet(id.cms, helper.token);
    expect((await helperApi.post(`/invitations/${token}/accept`)).status).toBe(404);
    expect((await helperApi.post(`/invitations/${'x'.repeat(43)}/accept`)).status).toBe(404);
    expect((await helperApi.get(`/clinics/${clinic}`)).status).toBe(404);
    const bad = await api.post(`/clinics/${clinic}/invitations`, { email: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['email']);
  });
});
