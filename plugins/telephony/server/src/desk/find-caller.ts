import type { Core } from '@strapi/strapi';

import type { Caller } from '../../../shared/contracts';
import { USER } from '../content-types/uids';
import { getService } from '../services/get-service';
import { supportDesk } from './support-desk';

interface UserRow {
  id: number;
  fullName: string | null;
  username: string;
}

/**
 * Who calls from `phone` (E.164, as numbers are stored everywhere on the platform): an ID
 * account first, then a clinic's phone, then someone who wrote to Support from it; with their
 * open tickets by any of these.
 */
export const findCaller = async (strapi: Core.Strapi, phone: string): Promise<Caller> => {
  const { desk } = supportDesk(strapi);
  const user = (await strapi.db.query(USER).findOne({
    where: { phone },
    select: ['id', 'fullName', 'username'],
  })) as UserRow | null;
  const clinics = user
    ? []
    : ((await getService(strapi, 'callers').get()?.clinicsByPhone(phone)) ?? []);
  const contact = user || clinics.length ? null : await desk.contactByPhone(phone);

  const found: Omit<Caller, 'openTickets'> = user
    ? {
        kind: 'user',
        phone,
        name: user.fullName || user.username,
        userId: user.id,
        clinic: null,
      }
    : clinics[0]
      ? {
          kind: 'clinic',
          phone,
          name: clinics[0].name,
          userId: null,
          clinic: clinics[0].documentId,
        }
      : contact
        ? { kind: 'contact', phone, name: contact.name, userId: contact.userId, clinic: null }
        : { kind: 'unknown', phone, name: null, userId: null, clinic: null };
  const openTickets = await desk.openTickets({
    phone,
    ...(found.userId ? { userId: found.userId } : {}),
    ...(found.clinic ? { clinic: found.clinic } : {}),
  });
  return { ...found, openTickets };
};
