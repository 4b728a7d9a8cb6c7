import type { GroupView, SupportStats, TicketStatus } from '../../../shared/contracts';
import { ACTIVE_STATUSES } from '../../../shared/contracts';
import { isoDateOf, localDateOf, nextLocalDate } from '../sla/zoned-time';
import { medianAndP90 } from './percentiles';

export interface StatsTicketRow {
  createdAt: Date;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  groupId: number | null;
  status: TicketStatus;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
}

export interface StatsRange {
  /** First and last local day, 'YYYY-MM-DD', both included. */
  from: string;
  to: string;
  timeZone: string;
  /** A target not yet met counts as breached once it is past at this instant. */
  now: Date;
}

const minutesBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

const daysOf = ({ from, to }: StatsRange): string[] => {
  const [year, month, day] = from.split('-').map(Number);
  const days: string[] = [];
  for (let date = { year, month, day }; isoDateOf(date) <= to; date = nextLocalDate(date)) {
    days.push(isoDateOf(date));
  }
  return days;
};

/** A target is breached when it was met after its due time, or is still unmet past it. */
const breachDay = (dueAt: Date | null, metAt: Date | null, range: StatsRange): string | null => {
  if (dueAt === null) return null;
  const breached = (metAt ?? range.now).getTime() > dueAt.getTime();
  return breached ? isoDateOf(localDateOf(dueAt.getTime(), range.timeZone)) : null;
};

/**
 * Support's figures over a range of local days. Times are wall-clock minutes, each counted on
 * the day its event happened (first reply, resolution); breaches on the day they fell due.
 * The backlog is today's: every active ticket of the given groups, largest first.
 */
export const supportStats = (
  tickets: StatsTicketRow[],
  groups: GroupView[],
  range: StatsRange
): SupportStats => {
  const days = daysOf(range);
  const inRange = new Set(days);
  const dayOf = (instant: Date | null) =>
    instant === null ? null : isoDateOf(localDateOf(instant.getTime(), range.timeZone));
  const countPerDay = (pick: (ticket: StatsTicketRow) => string | null) => {
    const counts = new Map(days.map((day) => [day, 0]));
    for (const ticket of tickets) {
      const day = pick(ticket);
      if (day !== null && inRange.has(day)) counts.set(day, counts.get(day)! + 1);
    }
    return counts;
  };

  const opened = countPerDay((ticket) => dayOf(ticket.createdAt));
  const closed = countPerDay((ticket) => dayOf(ticket.closedAt));
  const firstResponseBreaches = countPerDay((ticket) =>
    breachDay(ticket.firstResponseDueAt, ticket.firstRespondedAt, range)
  );
  const resolutionBreaches = countPerDay((ticket) =>
    breachDay(ticket.resolutionDueAt, ticket.resolvedAt ?? ticket.closedAt, range)
  );

  const minutesWithin = (pick: (ticket: StatsTicketRow) => Date | null) =>
    tickets.flatMap((ticket) => {
      const at = pick(ticket);
      return at !== null && inRange.has(dayOf(at)!) ? [minutesBetween(ticket.createdAt, at)] : [];
    });

  const active = new Set<TicketStatus>(ACTIVE_STATUSES);
  const backlog = new Map(groups.map((group) => [group.id, 0]));
  for (const ticket of tickets) {
    if (ticket.groupId !== null && active.has(ticket.status) && backlog.has(ticket.groupId)) {
      backlog.set(ticket.groupId, backlog.get(ticket.groupId)! + 1);
    }
  }

  return {
    days: days.map((day) => ({ day, opened: opened.get(day)!, closed: closed.get(day)! })),
    firstResponseMinutes: medianAndP90(minutesWithin((ticket) => ticket.firstRespondedAt)),
    resolutionMinutes: medianAndP90(minutesWithin((ticket) => ticket.resolvedAt)),
    breaches: days.map((day) => ({
      day,
      firstResponse: firstResponseBreaches.get(day)!,
      resolution: resolutionBreaches.get(day)!,
    })),
    backlogByGroup: groups
      .map((group) => ({ group, count: backlog.get(group.id)! }))
      .sort((a, b) => b.count - a.count || a.group.name.localeCompare(b.group.name)),
  };
};
