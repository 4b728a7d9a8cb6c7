import type { Core } from '@strapi/strapi';

import { USER } from '../../../content-types/uids';

/** The personal data the account page shows and edits (`fullName`, `phone`: CMS extension). */
export interface Profile {
  email: string;
  confirmed: boolean;
  fullName: string | null;
  phone: string | null;
}

export const readProfile = async (strapi: Core.Strapi, userId: number): Promise<Profile> =>
  strapi.db.query(USER).findOne({
    where: { id: userId },
    select: ['email', 'confirmed', 'fullName', 'phone'],
  });

/**
 * Saves name and phone through the Document Service, so the user schema's own rules (length,
 * E.164 pattern) hold whatever this page checked. The email changes only by verification.
 */
export const saveProfile = async (
  strapi: Core.Strapi,
  documentId: string,
  data: Pick<Profile, 'fullName' | 'phone'>
) => {
  // fullName and phone are the CMS's extension of the users-permissions user: the plugin is
  // compiled without the CMS's generated types, whose user has them.
  await strapi.documents(USER).update({ documentId, data } as never);
};
