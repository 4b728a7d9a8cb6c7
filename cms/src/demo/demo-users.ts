import type { Core } from '@strapi/strapi';

import { USER, USER_ROLE } from '../content-types/uids';

export const DEMO_OWNER_EMAIL = 'owner@demo.vixenhealth.local';
export const DEMO_PATIENT_EMAIL = 'patient@demo.vixenhealth.local';

const DEMO_USERS = [
  { username: 'demo-owner', email: DEMO_OWNER_EMAIL },
  { username: 'demo-patient', email: DEMO_PATIENT_EMAIL },
];

/**
 * The demo clinic owner and patient, who sign in to VixenHealth ID with DEMO_USER_PASSWORD. Existing users are left
 * as they are. Returns the document id of each user by email.
 */
export const ensureDemoUsers = async (strapi: Core.Strapi): Promise<Map<string, string>> => {
  const password = process.env.DEMO_USER_PASSWORD;
  const role = await strapi.db
    .query(USER_ROLE)
    .findOne({ where: { type: 'authenticated' }, select: ['id'] });
  const ids = new Map<string, string>();

  for (const user of DEMO_USERS) {
    const existing = await strapi.db.query(USER).findOne({ where: { email: user.email } });
    if (existing) {
      ids.set(user.email, existing.documentId);
      continue;
    }
    if (!password) continue;
    const created = await strapi.documents(USER).create({
      data: {
        ...user,
        provider: 'vixenhealth-id',
        confirmed: true,
        blocked: false,
        role: role?.id,
      },
    });
    // VixenHealth ID keeps passwords (Argon2id), not users-permissions.
    await strapi
      .plugin('sso')
      .service('accounts')
      .setPassword({ id: created.id, email: user.email }, password);
    ids.set(user.email, created.documentId);
  }
  return ids;
};
