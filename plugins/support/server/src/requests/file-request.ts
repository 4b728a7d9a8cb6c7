import type { Core } from '@strapi/strapi';

import type { CreateTicketRequest } from '../../../shared/contracts';
import {
  removeStoredFiles,
  storeAttachments,
  type NewAttachment,
} from '../attachments/store-attachments';
import { notAllowed } from '../errors';
import { STAFF_GROUP } from '../routing/default-groups';
import { openTicket } from '../tickets/open-ticket';
import type { Requester } from './requester';

const CLINICS_GROUP = 'clinics';

/**
 * A request from the contact form of the portal or a clinic site. Employees' requests land in
 * the staff group; a request about a clinic must be from someone who runs it and lands with
 * the clinics group; others go where web requests go.
 */
export const fileRequest = async (
  strapi: Core.Strapi,
  requester: Requester,
  request: CreateTicketRequest,
  files: NewAttachment[]
) => {
  if (request.clinic && !requester.clinics.includes(request.clinic)) {
    throw notAllowed('not-your-clinic', 'You can only ask about a clinic you run');
  }
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
      groupSlug: requester.isStaff ? STAFF_GROUP : request.clinic ? CLINICS_GROUP : undefined,
      clinic: request.clinic ?? null,
      message: { authorKind: 'requester', attachmentIds },
      actor: { kind: 'requester', userId: requester.userId },
    });
  } catch (error) {
    await removeStoredFiles(strapi, attachmentIds);
    throw error;
  }
};
