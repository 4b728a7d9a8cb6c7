import type { TicketPriority } from '../../../shared/contracts';
import type { GroupRow } from '../routing/default-groups';
import {
  DEFAULT_BUSINESS_CALENDAR,
  validateBusinessCalendar,
  type BusinessCalendar,
} from './business-calendar';
import { dueTimes, validateSlaPolicy, type SlaPolicy } from './sla-policy';

/** Business minutes allowed per priority when a group sets no policy of its own. */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 },
  high: { firstResponseMinutes: 60, resolutionMinutes: 480 },
  normal: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
  low: { firstResponseMinutes: 480, resolutionMinutes: 2880 },
};

/** A group's calendar (business hours, holidays), or the desk's default. */
export const calendarOf = (group: Pick<GroupRow, 'calendar'> | null): BusinessCalendar =>
  group?.calendar
    ? validateBusinessCalendar(group.calendar as BusinessCalendar)
    : DEFAULT_BUSINESS_CALENDAR;

const policyOf = (group: GroupRow | null): SlaPolicy =>
  group?.sla ? validateSlaPolicy(group.sla as SlaPolicy) : DEFAULT_SLA_POLICY;

/**
 * When a ticket of `group` opened at `openedAt` must be first answered and resolved: the
 * group's policy for the priority, counted in the group's business hours.
 */
export const dueTimesFor = (group: GroupRow | null, priority: TicketPriority, openedAt: Date) =>
  dueTimes(openedAt, priority, policyOf(group), calendarOf(group));
