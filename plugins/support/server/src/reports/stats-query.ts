import type { Core } from '@strapi/strapi';

import type { SupportStats, TicketStatus } from '../../../shared/contracts';
import { GROUP, TICKET } from '../content-types/uids';
import { DEFAULT_BUSINESS_CALENDAR } from '../sla/business-calendar';
import { isoDateOf, localDateOf } from '../sla/zoned-time';
import { supportStats } from './support-stats';

const DAY_MS = 86_400_000;

interface StatsRow {
  createdAt: string;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  status: TicketStatus;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  group: { id: number } | null;
}
const toDate = (value: string | null) => (value ? new Date(value) : null);

/**
 * Support's figures over the last `days` local days (the desk's time zone): the tickets opened,
 * answered, resolved or due in that span, and every ticket still in work for the backlog.
 */
export const loadSupportStats = async (
  strapi: Core.Strapi,
  days: number,
  now = new Date()
): Promise<SupportStats> => {
  const { timeZone } = DEFAULT_BUSINESS_CALENDAR;
  const since = new Date(now.getTime() - days * DAY_MS);
  const rows = await strapi.db.query(TICKET).findMany({
    where: {
      $or: [
        { createdAt: { $gte: since } },
        { resolvedAt: { $gte: since } },
        { closedAt: { $gte: since } },
        { status: { $notIn: ['resolved', 'closed'] } },
      ],
    },
    select: [
      'createdAt',
      'firstRespondedAt',
      'resolvedAt',
      'closedAt',
      'status',
      'firstResponseDueAt',
      'resolutionDueAt',
    ],
    populate: { group: { select: ['id'] } },
  });
  const groups = await strapi.db.query(GROUP).findMany({ select: ['id', 'slug', 'name'] });
  return supportStats(
    (rows as StatsRow[]).map((row) => ({
      createdAt: new Date(row.createdAt),
      firstRespondedAt: toDate(row.firstRespondedAt),
      resolvedAt: toDate(row.resolvedAt),
      closedAt: toDate(row.closedAt),
      groupId: row.group?.id ?? null,
      status: row.status,
      firstResponseDueAt: toDate(row.firstResponseDueAt),
      resolutionDueAt: toDate(row.resolutionDueAt),
    })),
    groups,
    {
      from: isoDateOf(localDateOf(now.getTime() - (days - 1) * DAY_MS, timeZone)),
      to: isoDateOf(localDateOf(now.getTime(), timeZone)),
      timeZone,
      now,
    }
  );
};
