import type { Core } from '@strapi/strapi';

/** A signed-in person as the desk needs them: who, and whether they are staff or run clinics. */
export interface Requester {
  userId: number;
  name: string | null;
  email: string;
  /** Employees' requests land in the staff group. */
  isStaff: boolean;
  /** documentIds of the clinics they own or administer. */
  clinics: string[];
}

interface Account {
  id: number;
  email: string;
  fullName?: string | null;
  role?: { type?: string } | null;
}

/** The users-permissions role of employees (VixenHealth's own staff). */
export const STAFF_ROLE_TYPE = 'staff';

/** Reads who is asking from the signed-in account, with its clinics from VixenHealth ID. */
export const requesterOf = async (strapi: Core.Strapi, account: Account): Promise<Requester> => {
  const access: { roles: string[]; clinics: { id: string }[] } = await strapi
    .plugin('sso')
    .service('accounts')
    .accessOf(account);
  return {
    userId: account.id,
    name: account.fullName ?? null,
    email: account.email,
    isStaff: access.roles.includes(STAFF_ROLE_TYPE),
    clinics: access.clinics.map((clinic) => clinic.id),
  };
};
