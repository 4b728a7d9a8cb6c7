import { randomBytes } from 'node:crypto';

import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import {
  accessTokenOf,
  createAdminRole,
  createAdminUser,
} from '@vixenhealth/tooling/testing/people';
import { controlTotpClock, enrolTotp, totpCode } from '@vixenhealth/tooling/testing/second-factor';
import { signInThroughForm } from '@vixenhealth/tooling/testing/relying-party';
import {
  SLAPD_SUFFIX,
  SLAPD_SYNC_ACCOUNT,
  startSlapd,
  type Slapd,
} from '@vixenhealth/tooling/testing/slapd';

import type { DirectorySyncReport } from '../../../shared/contracts/directory-sync';

const DEPARTMENT = 'plugin::sso.department';
const POSITION = 'plugin::sso.position';
const STAFF_GROUP = 'plugin::sso.staff-group';
const STAFF_MEMBER = 'plugin::sso.staff-member';
const USER = 'plugin::users-permissions.user';
const CREDENTIAL = 'plugin::sso.credential';

const PEOPLE = `ou=people,${SLAPD_SUFFIX}`;
const GLEB = 'gleb.pavlov@vixenhealth.test';
const GLEB_PASSWORD = 'Gleb-existing-password-1';

let slapd: Slapd;
let id: IdTest;
let glebAccountId: number;
let clock: { now: number };

beforeAll(async () => {
  slapd = await startSlapd();
  id = await startIdTest({ env: slapd.env });
  clock = controlTotpClock(id.cms);
  // Gleb had an ID account before the company's directory was synced: it is linked, not doubled.
  const accounts = id.cms.strapi.plugin('sso').service('accounts');
  const account = await accounts.register(GLEB, GLEB_PASSWORD);
  await accounts.confirmEmail(account.id, GLEB);
  glebAccountId = account.id;
});
afterAll(async () => {
  await id?.stop();
  await slapd?.stop();
});

const sync = async (dryRun: boolean, token?: string) =>
  id.cms.request<{
    data: DirectorySyncReport;
    error?: { message: string; details: { code: string } };
  }>('/sso/directory-sync', {
    method: 'POST',
    body: { dryRun },
    token: token ?? (await id.cms.adminToken()),
  });

/** Every row of the staff directory and every account, to prove nothing was written. */
const everything = async () => {
  const { db } = id.cms.strapi;
  const rows = await Promise.all(
    [DEPARTMENT, POSITION, STAFF_GROUP, STAFF_MEMBER, USER].map((uid) =>
      db.query(uid as never).findMany({ populate: true, orderBy: { id: 'asc' } })
    )
  );
  // Keys sorted: PostgreSQL and SQLite populate relations in different orders.
  return JSON.stringify(rows, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value
  );
};

const memberOf = (email: string) =>
  id.cms.strapi.db.query(STAFF_MEMBER).findOne({
    where: { user: { email } },
    populate: { user: true, department: true, position: true, groups: true },
  });

const keys = (report: DirectorySyncReport, entity: string, action: string) =>
  report.changes
    .filter((change) => change.entity === entity && change.action === action)
    .map((change) => change.key)
    .sort();

/** The person can sign in once they set a password (as a password reset does). */
const passwordFor = async (email: string) => {
  const password = `Staff-password-${randomBytes(4).toString('hex')}`;
  const user = await id.cms.strapi.db.query(USER).findOne({ where: { email } });
  await id.cms.strapi.plugin('sso').service('accounts').setPassword(user, password);
  return { email, password };
};

const totpSecrets = new Map<string, string>();

/**
 * The code of the person's authenticator app at the next time step. Staff must sign in with a
 * second factor: the app is set up for them on first use.
 */
const nextCode = async (email: string) => {
  let secret = totpSecrets.get(email);
  if (!secret) {
    const user = await id.cms.strapi.db.query(USER).findOne({ where: { email } });
    secret = (await enrolTotp(id.cms, user, clock.now)).secret;
    totpSecrets.set(email, secret);
  }
  clock.now += 30_000;
  return totpCode(secret, clock.now);
};

/** A staff member's access token, signed in with password and app code. */
const staffTokenOf = async (credentials: { email: string; password: string }) =>
  accessTokenOf(id, credentials, { secondFactorCode: await nextCode(credentials.email) });

const adminToken = async (permissions: string[]) =>
  (await createAdminUser(id.cms, await createAdminRole(id.cms, permissions))).token;

describe('POST /sso/directory-sync { dryRun: true }', () => {
  it('reports what a sync would change and writes nothing', async () => {
    const before = await everything();
    const answer = await sync(true);
    expect(answer.status).toBe(200);
    const report = answer.body.data;
    expect(report).toMatchObject({
      dryRun: true,
      upToDate: false,
      directory: { people: 4, disabled: 1, groups: 2, departments: 3 },
    });
    expect(keys(report, 'department', 'create')).toEqual(['engineering', 'operations', 'support']);
    expect(keys(report, 'group', 'create')).toEqual(['engineers', 'support-agents']);
    expect(keys(report, 'position', 'create')).toEqual([
      'Директор',
      'Инженер',
      'Оператор поддержки',
    ]);
    expect(keys(report, 'account', 'create')).toEqual([
      'anna.kuznetsova@vixenhealth.test',
      'boris.orlov@vixenhealth.test',
    ]);
    expect(keys(report, 'member', 'create')).toEqual([
      'anna.kuznetsova@vixenhealth.test',
      'boris.orlov@vixenhealth.test',
    ]);
    expect(keys(report, 'member', 'link')).toEqual([GLEB]);
    // Gleb's account takes the directory's name for him.
    expect(report.changes).toContainEqual({
      entity: 'account',
      action: 'update',
      key: GLEB,
      fields: ['fullName'],
    });
    expect(report.summary.member).toEqual({ create: 2, link: 1 });
    // Vera is locked in the directory: nobody makes an account for her.
    expect(report.skipped).toContainEqual({
      key: 'vera.smirnova@vixenhealth.test',
      code: 'disabled',
      reason: 'disabled in the directory',
    });
    expect(await everything()).toBe(before);

    const last = await id.cms.request('/sso/directory-sync/last', {
      token: await id.cms.adminToken(),
    });
    expect(last.status).toBe(200);
    expect(last.body.data).toEqual(report);
  });
});

describe('POST /sso/directory-sync with the wrong bind password', () => {
  it('answers 502 naming the bind DN and writes nothing', async () => {
    // The directory's admins changed the sync account's password; ID still has the old one.
    const changePassword = (password: string) =>
      slapd.change(
        `dn: ${SLAPD_SYNC_ACCOUNT.dn}\nchangetype: modify\nreplace: userPassword\nuserPassword: ${password}\n`
      );
    changePassword('a-new-password-ID-does-not-know');
    try {
      const before = await everything();
      const answer = await sync(false);
      expect(answer.status).toBe(502);
      expect(answer.body.error).toMatchObject({
        message: expect.stringContaining(`"${SLAPD_SYNC_ACCOUNT.dn}"`),
        details: { code: 'ERR_DIRECTORY_BIND' },
      });
      expect(answer.body.error!.message).not.toContain(SLAPD_SYNC_ACCOUNT.password);
      expect(await everything()).toBe(before);
    } finally {
      changePassword(SLAPD_SYNC_ACCOUNT.password);
    }
  });
});

describe('POST /sso/directory-sync { dryRun: false }', () => {
  it('creates the department tree, positions, groups, members and verified accounts', async () => {
    const answer = await sync(false);
    expect(answer.status).toBe(200);
    expect(answer.body.data.dryRun).toBe(false);

    const { db } = id.cms.strapi;
    const departments = await db.query(DEPARTMENT).findMany({ populate: ['parent'] });
    const parentOf = (code: string) =>
      departments.find((department: any) => department.code === code)?.parent?.code ?? null;
    expect(departments.map((department: any) => department.code).sort()).toEqual([
      'engineering',
      'operations',
      'support',
    ]);
    expect(parentOf('support')).toBe('operations');
    expect(parentOf('operations')).toBeNull();
    expect(departments.find((department: any) => department.code === 'support').name).toBe(
      'Поддержка'
    );

    const anna = await memberOf('anna.kuznetsova@vixenhealth.test');
    expect(anna).toMatchObject({
      active: true,
      externalId: expect.stringMatching(/^ldap:/),
      department: { code: 'support' },
      position: { title: 'Оператор поддержки' },
      groups: [{ code: 'support-agents', name: 'Операторы поддержки' }],
      user: { fullName: 'Анна Кузнецова', confirmed: true, blocked: false },
    });
    // No password: Anna sets one by password reset.
    expect(await db.query(CREDENTIAL).findOne({ where: { user: anna.user.id } })).toBeNull();

    const gleb = await memberOf(GLEB);
    expect(gleb.user.id).toBe(glebAccountId);
    expect(gleb).toMatchObject({
      active: true,
      department: null,
      position: { title: 'Директор' },
      user: { fullName: 'Глеб Павлов' },
    });
    expect((await staffTokenOf({ email: GLEB, password: GLEB_PASSWORD })).length).toBeGreaterThan(
      0
    );

    expect(await db.query(USER).count({ where: { email: 'vera.smirnova@vixenhealth.test' } })).toBe(
      0
    );

    const token = decodeJwt(await staffTokenOf(await passwordFor(anna.user.email)));
    expect(token).toMatchObject({
      roles: expect.arrayContaining(['staff']),
      groups: ['support-agents'],
      department: { code: 'support', path: ['operations', 'support'] },
    });
  });

  it('changes nothing the second time', async () => {
    const before = await everything();
    const answer = await sync(false);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ upToDate: true, changes: [], summary: {} });
    expect(await everything()).toBe(before);
  });

  it('follows a person moved to another OU and group, keeping the roles ID gives groups', async () => {
    // Roles belong to ID: an admin gives the engineers' group one; sync must not take it away.
    await id.cms.strapi.db
      .query(STAFF_GROUP)
      .update({ where: { code: 'engineers' }, data: { idRoles: ['docs-editor'] } });
    slapd.change(
      [
        `dn: uid=anna,ou=support,ou=operations,${PEOPLE}`,
        'changetype: moddn',
        'newrdn: uid=anna',
        'deleteoldrdn: 1',
        `newsuperior: ou=engineering,${PEOPLE}`,
        '',
        `dn: cn=support-agents,ou=groups,${SLAPD_SUFFIX}`,
        'changetype: modify',
        'replace: member',
        `member: uid=gleb,${PEOPLE}`,
        '',
        `dn: cn=engineers,ou=groups,${SLAPD_SUFFIX}`,
        'changetype: modify',
        'add: uniqueMember',
        `uniqueMember: uid=anna,ou=engineering,${PEOPLE}`,
        '',
      ].join('\n')
    );
    const answer = await sync(false);
    expect(answer.status).toBe(200);
    expect(answer.body.data.changes).toEqual([
      {
        entity: 'member',
        action: 'update',
        key: 'anna.kuznetsova@vixenhealth.test',
        fields: ['department', 'groups'],
      },
      { entity: 'member', action: 'update', key: GLEB, fields: ['groups'] },
    ]);
    const anna = await memberOf('anna.kuznetsova@vixenhealth.test');
    const token = decodeJwt(await staffTokenOf(await passwordFor(anna.user.email)));
    expect(token).toMatchObject({
      roles: expect.arrayContaining(['staff', 'docs-editor']),
      groups: ['engineers'],
      department: { code: 'engineering', path: ['engineering'] },
    });
    const engineers = await id.cms.strapi.db
      .query(STAFF_GROUP)
      .findOne({ where: { code: 'engineers' } });
    expect(engineers.idRoles).toEqual(['docs-editor']);
  });

  it('blocks a person disabled in the directory: their tokens are revoked and they lose staff', async () => {
    const boris = await passwordFor('boris.orlov@vixenhealth.test');
    const before = decodeJwt(await staffTokenOf(boris));
    expect(before.roles).toContain('staff');

    slapd.change(
      `dn: uid=boris,ou=engineering,${PEOPLE}\nchangetype: modify\nadd: pwdAccountLockedTime\npwdAccountLockedTime: 000001010000Z\n`
    );
    const answer = await sync(false);
    expect(answer.status).toBe(200);
    expect(answer.body.data.changes).toEqual([
      { entity: 'member', action: 'deactivate', key: boris.email },
      { entity: 'account', action: 'block', key: boris.email },
    ]);
    const member = await memberOf(boris.email);
    expect(member).toMatchObject({ active: false, user: { blocked: true } });
    expect(
      await id.cms.strapi.plugin('sso').service('staff-directory').accessOf(member.user.id)
    ).toBeNull();
    // The token already issued is on the revocation list, and no new one is issued.
    const revoked = await id.cms.request('/id/revocations');
    expect(revoked.body.revoked).toContainEqual(expect.objectContaining({ gid: before.gid }));
    const signIn = await signInThroughForm(id.portal, boris, {
      secondFactorCode: await nextCode(boris.email),
    });
    expect(signIn.callback).toBeNull();

    // Unlocked again: sync reactivates what it deactivated.
    slapd.change(
      `dn: uid=boris,ou=engineering,${PEOPLE}\nchangetype: modify\ndelete: pwdAccountLockedTime\n`
    );
    const again = await sync(false);
    expect(again.body.data.changes).toEqual([
      { entity: 'member', action: 'reactivate', key: boris.email, fields: ['active'] },
      { entity: 'account', action: 'unblock', key: boris.email },
    ]);
    expect(decodeJwt(await staffTokenOf(boris)).roles).toContain('staff');
  });

  it('blocks a person gone from the directory', async () => {
    slapd.change(`dn: uid=gleb,${PEOPLE}\nchangetype: delete\n`);
    const answer = await sync(false);
    expect(answer.body.data.changes).toEqual([
      { entity: 'member', action: 'deactivate', key: GLEB },
      { entity: 'account', action: 'block', key: GLEB },
    ]);
    expect(await memberOf(GLEB)).toMatchObject({ active: false, user: { blocked: true } });
  });
});

describe('the scheduled directory sync', () => {
  it('runs hourly by default, as a real sync whose report is kept', async () => {
    const spec = id.cms.strapi.cron.jobs.find(
      (job: { name: string | null }) => job.name === 'ssoDirectorySync'
    );
    if (!spec) throw new Error('ssoDirectorySync is not scheduled');
    expect(spec.options).toEqual({ rule: '0 * * * *' });
    const service = id.cms.strapi.plugin('sso').service('directory-sync');
    // A dry run first, so the report the schedule leaves is told apart.
    await sync(true);
    await spec.job.invoke();
    expect(await service.lastReport()).toMatchObject({ dryRun: false, upToDate: true });
  });
});

describe('the directory sync admin API', () => {
  it('needs the permission plugin::sso.directory-sync.run', async () => {
    expect(
      (await id.cms.request('/sso/directory-sync', { method: 'POST', body: { dryRun: true } }))
        .status
    ).toBe(401);
    const without = await adminToken(['plugin::sso.login-events.read']);
    expect((await sync(true, without)).status).toBe(403);
    expect((await id.cms.request('/sso/directory-sync/last', { token: without })).status).toBe(403);
    const granted = await adminToken(['plugin::sso.directory-sync.run']);
    expect((await sync(true, granted)).status).toBe(200);
    expect((await id.cms.request('/sso/directory-sync/last', { token: granted })).status).toBe(200);
  });

  it('answers 400 naming dryRun when it is missing or not a boolean', async () => {
    const token = await id.cms.adminToken();
    for (const body of [{}, { dryRun: 'yes' }, { dryRun: true, everything: true }]) {
      const answer = await id.cms.request('/sso/directory-sync', { method: 'POST', body, token });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(answer.body.error)).toMatch(/dryRun|everything/);
    }
  });
});
