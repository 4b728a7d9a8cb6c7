import type { Core } from '@strapi/strapi';

import type { Channel } from '../../../shared/contracts';
import { GROUP } from '../content-types/uids';

export const MODERATION_GROUP = 'moderation';
export const STAFF_GROUP = 'staff';
const FALLBACK_GROUP = 'technical';

/**
 * The groups a new desk starts with; after that they are data (renamed, added, re-routed in
 * the admin panel). `channels` are the channels whose new tickets land in the group.
 */
const DEFAULT_GROUPS: { slug: string; name: string; channels: Channel[] }[] = [
  { slug: MODERATION_GROUP, name: 'Модерация', channels: ['review'] },
  {
    slug: FALLBACK_GROUP,
    name: 'Техническая поддержка',
    channels: ['web', 'email', 'telegram', 'sms', 'phone', 'esb'],
  },
  { slug: 'clinics', name: 'Клиники', channels: [] },
  { slug: 'billing', name: 'Оплата', channels: [] },
  { slug: STAFF_GROUP, name: 'Внутренние запросы', channels: ['staff'] },
];

/** Creates the default groups on a desk that has none. */
export const ensureDefaultGroups = async (strapi: Core.Strapi) => {
  if ((await strapi.db.query(GROUP).count()) > 0) return;
  for (const group of DEFAULT_GROUPS) await strapi.db.query(GROUP).create({ data: group });
};

export interface GroupRow {
  id: number;
  slug: string;
  name: string;
  channels: Channel[] | null;
  sla: unknown;
  calendar: unknown;
  returnAfterMinutes: number | null;
  autoAssign: boolean | null;
}

/**
 * Where a new ticket lands: the group it asks for (a bus message, a clinic request), else the
 * group receiving its channel, else Technical.
 */
export const groupFor = async (
  strapi: Core.Strapi,
  channel: Channel,
  requestedSlug?: string
): Promise<GroupRow | null> => {
  const groups: GroupRow[] = await strapi.db.query(GROUP).findMany({});
  return (
    (requestedSlug && groups.find((group) => group.slug === requestedSlug)) ||
    groups.find((group) => (group.channels ?? []).includes(channel)) ||
    groups.find((group) => group.slug === FALLBACK_GROUP) ||
    null
  );
};
