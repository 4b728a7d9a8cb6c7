import type { Core } from '@strapi/strapi';

import type { CallRecord } from '../../../shared/contracts';
import { INTEGRATION } from '../content-types/uids';

/**
 * The Support group (slug) that takes a call: its integration's, else the PBX's queue when it
 * names a group; the desk routes anything else to the group taking phone tickets.
 */
export const groupOfCall = async (strapi: Core.Strapi, call: CallRecord) => {
  const integration = (await strapi.db
    .query(INTEGRATION)
    .findOne({ where: { id: call.integration.id }, select: ['group'] })) as {
    group: string | null;
  } | null;
  return integration?.group ?? call.queue ?? null;
};

/** The number at the other end: the caller of an inbound call, the callee of an outbound one. */
export const otherPartyOf = (call: CallRecord) => (call.direction === 'in' ? call.from : call.to);
