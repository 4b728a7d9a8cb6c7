import type { Core } from '@strapi/strapi';
import type { ModerationDesk } from '@vixenhealth/support/contracts';

import { MODERATE_REVIEWS } from '../admin-api/permissions';
import { moderationSubjects } from './moderation-subjects';
import { openMissingModerationTickets, registerModerationTickets } from './moderation-tickets';

/** Moderation moves into the Support desk: it decides through the reviews' own rules. */
export const connectSupportDesk = (strapi: Core.Strapi) => {
  (strapi.plugin('support').service('moderation') as unknown as ModerationDesk).register(
    moderationSubjects(strapi)
  );
  registerModerationTickets(strapi);
};

/**
 * Once every permission is registered: the desk's roles (leads also decide on reviews), and
 * tickets for whatever was waiting for moderation before.
 */
export const syncSupportDesk = async (strapi: Core.Strapi) => {
  await strapi
    .plugin('support')
    .service('setup')
    .sync({
      // Leads also decide on reviews, and may act as a patient or clinic owner (audited).
      'support-lead': [
        `api::${MODERATE_REVIEWS.uid}`,
        'plugin::sso.impersonation.start',
        'plugin::sso.impersonation.read',
      ],
    });
  await openMissingModerationTickets(strapi);
};
