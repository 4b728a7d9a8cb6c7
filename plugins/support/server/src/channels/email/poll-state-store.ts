import type { Core } from '@strapi/strapi';

import { POLL_STATE } from '../../content-types/uids';
import type { PollState, PollStateStore } from './imap-mailbox-poller';

/** Where each mailbox's polling got to, in the database: a restart goes on from there. */
export const pollStateStore = (strapi: Core.Strapi): PollStateStore => ({
  async load(key) {
    const row = await strapi.db.query(POLL_STATE).findOne({ where: { key } });
    return (row?.state as PollState | undefined) ?? null;
  },
  async save(key, state) {
    const existing = await strapi.db.query(POLL_STATE).findOne({ where: { key }, select: ['id'] });
    if (existing)
      await strapi.db.query(POLL_STATE).update({ where: { id: existing.id }, data: { state } });
    else await strapi.db.query(POLL_STATE).create({ data: { key, state } });
  },
});
