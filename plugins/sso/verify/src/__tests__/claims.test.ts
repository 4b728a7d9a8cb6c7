import { describe, expect, it } from 'vitest';

import { readClaims } from '../claims';
import { AccessTokenError } from '../errors';

const valid = {
  iss: 'https://id.vixenhealth.test',
  sub: 'user-42',
  aud: 'https://api.vixenhealth.test',
  exp: 1_893_459_600,
  iat: 1_893_456_000,
  jti: 'jti-1',
  client_id: 'clinic-site',
  scope: ' openid  profile ',
  roles: ['clinic-owner'],
  permissions: ['clinic.update'],
  clinics: [
    { id: 'clinic-7', role: 'owner' },
    { id: 'clinic-9', role: 'administrator' },
  ],
};

describe('readClaims', () => {
  it('reads well-formed claims', () => {
    expect(readClaims(valid)).toEqual({
      sub: 'user-42',
      clientId: 'clinic-site',
      scope: ['openid', 'profile'],
      roles: ['clinic-owner'],
      permissions: ['clinic.update'],
      clinics: [
        { id: 'clinic-7', role: 'owner' },
        { id: 'clinic-9', role: 'administrator' },
      ],
      groups: [],
      department: null,
      actor: null,
      expiresAt: new Date('2030-01-01T01:00:00Z'),
      payload: valid,
    });
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['a numeric sub', 'sub', { sub: 42 }],
    ['an empty sub', 'sub', { sub: '' }],
    ['no client_id', 'client_id', { client_id: undefined }],
    ['a scope list instead of a string', 'scope', { scope: ['openid'] }],
    ['roles as a string', 'roles', { roles: 'admin' }],
    ['roles with a number', 'roles', { roles: ['admin', 1] }],
    ['permissions as an object', 'permissions', { permissions: { read: true } }],
    ['clinics as an object', 'clinics', { clinics: { id: 'clinic-7', role: 'owner' } }],
    ['a clinic without id', 'clinics', { clinics: [{ role: 'owner' }] }],
    ['a clinic with a numeric id', 'clinics', { clinics: [{ id: 7, role: 'owner' }] }],
    ['a clinic with an unknown role', 'clinics', { clinics: [{ id: 'clinic-7', role: 'staff' }] }],
    ['a clinic that is null', 'clinics', { clinics: [null] }],
  ])('refuses %s', (_label, claim, change) => {
    let error: unknown;
    try {
      readClaims({ ...valid, ...change });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AccessTokenError);
    expect(error).toMatchObject({ code: 'ERR_VH_TOKEN_CLAIM', claim });
  });
});
