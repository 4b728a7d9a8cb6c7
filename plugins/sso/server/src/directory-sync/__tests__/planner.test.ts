import { describe, expect, it } from 'vitest';

import { codeFrom, uniqueCode } from '../codes';
import type { CurrentDirectory } from '../current-state';
import { normaliseDn, parentDn, rdnValue } from '../dn';
import { DirectorySyncError } from '../errors';
import { planSync } from '../planner';
import type { DirectoryPerson, DirectorySnapshot } from '../snapshot';

const person = (overrides: Partial<DirectoryPerson> = {}): DirectoryPerson => ({
  externalId: 'ldap:1',
  dn: 'uid=anna,ou=people,dc=test',
  email: 'anna@vixenhealth.test',
  fullName: 'Анна',
  title: null,
  department: null,
  disabled: false,
  ...overrides,
});

const snapshot = (overrides: Partial<DirectorySnapshot> = {}): DirectorySnapshot => ({
  departments: [],
  people: [],
  groups: [],
  skipped: [],
  ...overrides,
});

const current = (overrides: Partial<CurrentDirectory> = {}): CurrentDirectory => ({
  departments: [],
  positions: [],
  groups: [],
  members: [],
  users: [],
  ...overrides,
});

const member = (overrides: Partial<CurrentDirectory['members'][number]> = {}) => ({
  id: 7,
  externalId: 'ldap:1',
  active: true,
  userId: 70,
  departmentId: null,
  positionId: null,
  groupIds: [],
  ...overrides,
});

describe('planSync', () => {
  it('refuses an empty directory while people came from it, instead of blocking them all', () => {
    const plan = () =>
      planSync(
        snapshot(),
        current({
          members: [member()],
          users: [{ id: 70, email: 'anna@vixenhealth.test', fullName: 'Анна', blocked: false }],
        })
      );
    expect(plan).toThrow(DirectorySyncError);
    expect(plan).toThrow(expect.objectContaining({ code: 'ERR_DIRECTORY_EMPTY' }));
  });

  it('keeps groups given by hand and leaves an account blocked by hand blocked', () => {
    const plan = planSync(
      snapshot({
        people: [person()],
        groups: [
          {
            externalId: 'ldap:g',
            name: 'Engineers',
            codeHint: 'engineers',
            memberDns: ['uid=anna,ou=people,dc=test'],
          },
        ],
      }),
      current({
        groups: [
          { id: 1, code: 'engineers', name: 'Engineers', externalId: 'ldap:g' },
          { id: 2, code: 'on-call', name: 'On call', externalId: null },
        ],
        members: [member({ groupIds: [2] })],
        users: [{ id: 70, email: 'anna@vixenhealth.test', fullName: 'Анна', blocked: true }],
      })
    );
    expect(plan.members.update).toEqual([
      expect.objectContaining({
        id: 7,
        fields: ['groups'],
        state: expect.objectContaining({ groups: [{ id: 1 }, { id: 2 }] }),
      }),
    ]);
    expect(plan.accounts.unblock).toEqual([]);
    expect(plan.accounts.block).toEqual([]);
  });

  it('never touches staff nobody synced, even when the directory does not list them', () => {
    const plan = planSync(
      snapshot({ people: [person()] }),
      current({
        members: [member(), member({ id: 8, externalId: null, userId: 80 })],
        users: [
          { id: 70, email: 'anna@vixenhealth.test', fullName: 'Анна', blocked: false },
          { id: 80, email: 'hand@vixenhealth.test', fullName: 'Hand', blocked: false },
        ],
      })
    );
    expect(plan.members.deactivate).toEqual([]);
    expect(plan.accounts.block).toEqual([]);
  });

  it('gives a department whose code is taken its parent code as a prefix', () => {
    const plan = planSync(
      snapshot({
        departments: [
          { externalId: 'ldap:ops', name: 'Операции', codeHint: 'operations', parent: null },
          {
            externalId: 'ldap:ops-support',
            name: 'Поддержка',
            codeHint: 'support',
            parent: 'ldap:ops',
          },
        ],
      }),
      current({
        departments: [
          { id: 1, code: 'support', name: 'Support', parentId: null, externalId: null },
        ],
      })
    );
    expect(plan.departments.create.map((department) => department.code)).toEqual([
      'operations',
      'operations-support',
    ]);
    expect(plan.departments.create[1].parent).toEqual({ externalId: 'ldap:ops' });
  });
});

describe('codes and DNs', () => {
  it('transliterates Russian names into codes and numbers clashes', () => {
    expect(codeFrom('Служба поддержки')).toBe('sluzhba-podderzhki');
    expect(codeFrom('R&D / QA')).toBe('r-d-qa');
    expect(uniqueCode(['support'], new Set(['support']))).toBe('support-2');
  });

  it('compares DNs without case or spaces and reads escaped values', () => {
    expect(normaliseDn('UID=Anna, OU=People,DC=Test')).toBe('uid=anna,ou=people,dc=test');
    expect(parentDn('uid=a\\,b,ou=People,dc=test')).toBe('ou=people,dc=test');
    expect(rdnValue('ou=R\\2C D')).toBe('R, D');
  });
});
