import { describe, expect, it } from 'vitest';

import { mayRead, type Reader } from '..';

const anonymous = null;
const patient: Reader = { roles: ['patient'], clinics: [] };
const agent: Reader = { roles: ['support-agent'], clinics: [] };
const administrator: Reader = {
  roles: ['clinic-administrator', 'patient'],
  clinics: [{ id: 'clinic-a', role: 'administrator' }],
};

describe('mayRead', () => {
  it('lets everyone read a public page', () => {
    for (const reader of [anonymous, patient, agent]) {
      expect(mayRead({ audience: 'public' }, reader)).toBe(true);
    }
  });

  it('lets any signed-in reader read a signed-in page, nobody else', () => {
    expect(mayRead({ audience: 'signed-in' }, anonymous)).toBe(false);
    expect(mayRead({ audience: 'signed-in' }, { roles: [], clinics: [] })).toBe(true);
  });

  it('lets a restricted page be read by its roles or its clinic’s people only', () => {
    const runbook = { audience: 'restricted', roles: ['support-agent', 'support-lead'] } as const;
    expect(mayRead(runbook, agent)).toBe(true);
    expect(mayRead(runbook, patient)).toBe(false);
    expect(mayRead(runbook, anonymous)).toBe(false);
    const clinicPage = { audience: 'restricted', clinicDocumentId: 'clinic-a' } as const;
    expect(mayRead(clinicPage, administrator)).toBe(true);
    expect(mayRead({ ...clinicPage, clinicDocumentId: 'clinic-b' }, administrator)).toBe(false);
    expect(mayRead({ audience: 'restricted' }, agent)).toBe(false);
  });

  it('refuses an audience it does not know', () => {
    expect(mayRead({ audience: 'staff' as never }, agent)).toBe(false);
  });
});
