import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { accessTokenOf, registerPerson } from '@vixenhealth/tooling/testing/people';
import { controlTotpClock, enrolTotp, totpCode } from '@vixenhealth/tooling/testing/second-factor';
import {
  addStaffMember,
  createDepartment,
  createStaffGroup,
  updateStaffMember,
} from '@vixenhealth/tooling/testing/staff-directory';

import { createAccessTokenVerifier } from '../../../verify/src';

let id: IdTest;

beforeAll(async () => {
  id = await startIdTest();
});
afterAll(async () => id?.stop());

describe("a staff member's access tokens", () => {
  it('carry their groups, their department with its path, and the roles the groups give', async () => {
    const company = await createDepartment(id.cms, { code: 'company', name: 'VixenHealth' });
    const support = await createDepartment(id.cms, {
      code: 'support',
      name: 'Поддержка',
      parentId: company.id,
    });
    const agents = await createStaffGroup(id.cms, {
      code: 'support-agents',
      idRoles: ['support-agent'],
    });
    const readers = await createStaffGroup(id.cms, { code: 'docs-readers' });
    const person = await registerPerson(id);
    const member = await addStaffMember(id.cms, person.id, {
      departmentId: support.id,
      groupIds: [agents.id, readers.id],
    });

    // Staff sign in with a second factor (see second-factor-totp.test.ts).
    const clock = controlTotpClock(id.cms);
    const { secret } = await enrolTotp(id.cms, person, clock.now);
    clock.now += 30_000;
    const token = await accessTokenOf(id, person, {
      secondFactorCode: totpCode(secret, clock.now),
    });
    expect(decodeJwt(token)).toMatchObject({
      roles: ['patient', 'staff', 'support-agent'],
      groups: ['docs-readers', 'support-agents'],
      department: { code: 'support', name: 'Поддержка', path: ['company', 'support'] },
    });
    const verifier = createAccessTokenVerifier({
      issuer: id.issuer,
      audience: 'https://api.vixenhealth.ru',
    });
    const verified = await verifier.verify(token, { requiredScope: 'api' });
    expect(verified.groups).toEqual(['docs-readers', 'support-agents']);
    expect(verified.department?.path).toEqual(['company', 'support']);

    // Leaving staff takes the claims away from the next token.
    await updateStaffMember(id.cms, member.id, { active: false });
    clock.now += 30_000;
    const after = decodeJwt(
      await accessTokenOf(id, person, { secondFactorCode: totpCode(secret, clock.now) })
    );
    expect(after.roles).toEqual(['patient']);
    expect(after).not.toHaveProperty('groups');
    expect(after).not.toHaveProperty('department');
  });

  it('are not given to anyone outside the staff directory', async () => {
    const person = await registerPerson(id);
    const claims = decodeJwt(await accessTokenOf(id, person));
    expect(claims.roles).toEqual(['patient']);
    expect(claims).not.toHaveProperty('groups');
  });
});
