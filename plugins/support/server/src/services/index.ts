import type { Core } from '@strapi/strapi';

import type {
  ChannelSender,
  InboundMessage,
  ModerationDesk,
  ModerationKind,
  ModerationRequest,
  ModerationSubjects,
} from '../../../shared/contracts';
import { pluginDesk } from '../desk/plugin-desk';
import { receiveInbound } from '../intake/receive-inbound';
import { registerModerationSubjects } from '../moderation/moderation-subjects';
import { openModerationTicket, subjectDecided } from '../moderation/moderation-tickets';
import { channelSenders } from '../outbox/channel-senders';
import { deliverDueReplies } from '../outbox/outbox-worker';
import { returnUnansweredTickets } from '../assignment/return-unanswered';
import { syncDeskRoles } from '../setup/desk-roles';
import { grantRequesterPermissions } from '../setup/requester-permissions';

/** What the rest of the platform calls: channels feed the intake; the CMS lends moderation. */
export default {
  intake: ({ strapi }: { strapi: Core.Strapi }) => ({
    receive: (message: InboundMessage) => receiveInbound(strapi, message),
  }),
  /** The periodic work, also run on demand (an operator's script, a test with its own clock). */
  work: ({ strapi }: { strapi: Core.Strapi }) => ({
    deliverDueReplies: (now?: Date) => deliverDueReplies(strapi, now),
    returnUnansweredTickets: (now?: Date) => returnUnansweredTickets(strapi, now),
  }),
  channels: ({ strapi }: { strapi: Core.Strapi }) => ({
    registerSender: (sender: ChannelSender) => channelSenders(strapi).register(sender),
  }),
  moderation: ({ strapi }: { strapi: Core.Strapi }): ModerationDesk => ({
    register: (subjects: ModerationSubjects) => registerModerationSubjects(strapi, subjects),
    open: (request: ModerationRequest) => openModerationTicket(strapi, request),
    decided: (kind: ModerationKind, documentId: string) => subjectDecided(strapi, kind, documentId),
  }),
  /** What other plugins (telephony) do at the desk: notes, notices, agents' status. */
  'plugin-desk': ({ strapi }: { strapi: Core.Strapi }) => pluginDesk(strapi),
  /**
   * Run by the app in its bootstrap, when the admin panel's and users-permissions' roles exist:
   * the desk's roles (with `extra` rights of the platform's), and signed-in people's right to
   * write to Support.
   */
  setup: ({ strapi }: { strapi: Core.Strapi }) => ({
    async sync(extra: Partial<Record<string, string[]>> = {}) {
      await syncDeskRoles(strapi, extra);
      await grantRequesterPermissions(strapi);
    },
  }),
};
