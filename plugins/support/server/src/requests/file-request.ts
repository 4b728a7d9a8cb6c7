import type { Core } from '@strapi/strapi';

import type { CreateTicketRequest } from '../../../shared/contracts';
import {
  removeStoredFiles,
  storeAttachments,
  type NewAttachment,
} from '../attachments/store-attachments';
import { fieldError } from '../errors';
import { STAFF_GROUP } from '../routing/default-groups';
import { openTicket } from '../tickets/open-ticket';
import type { Requester } from './requester';

const CLINICS_GROUP = 'clinics';
// The CMS's clinics: a request may name one as its context.
const CLINIC = 'api::clinic.clinic';

const clinicExists = async (strapi: Core.Strapi, documentId: string) =>
  (await strapi.db.query(CLINIC).count({ where: { documentId } })) > 0;

/**
 * A request from the contact form of the portal or a clinic site. Employees' requests land in
 * the staff group; those of a clinic's owners or administrators about their clinic with the
 * clinics group; a patient's request about a clinic keeps the clinic as its context and goes
 * where web requests go. A clinic that does not exist is refused by name.
 */
export const fileRequest = async (
  strapi: Core.Strapi,
  requester: Requester,
  request: CreateTicketRequest,
  files: NewAttachment[]
) => {
  if (request.clinic && !(await clinicExists(strapi, request.clinic))) {
    throw fieldError('clinic', 'no such clinic', request.clinic);
  }
  const runsClinic = Boolean(request.clinic && requester.clinics.includes(request.clinic));
  const attachmentIds = await storeAttachments(strapi, files);
  try {
    return await openTicket(strapi, {
      subject: request.subject,
      text: request.body,
      channel: requester.isStaff ? 'staff' : 'web',
      requester: {
        userId: requester.userId,
        name: requester.name ?? undefined,
        email: requester.email,
      },
      groupSlug: requester.isStaff ? STAFF_GROUP : runsClinic ? CLINICS_GROUP : undefined,
      clinic: request.clinic ?? null,
      message: { authorKind: 'requester', attachmentIds },
      actor: { kind: 'requester', userId: requester.userId },
    });
  } catch (error) {
    await removeStoredFiles(strapi, attachmentIds);
    throw error;
  }
};
