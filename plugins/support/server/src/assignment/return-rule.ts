import { businessMinutesBetween, type BusinessCalendar } from '../sla/business-calendar';

export interface ReturnRuleInput {
  assignedAt: Date;
  firstAgentReplyAt: Date | null;
  now: Date;
  returnAfterMinutes: number;
  /** When given, only business time counts: a ticket assigned on Friday evening waits for Monday. */
  calendar?: BusinessCalendar;
}

/** An assigned ticket nobody answered within the configured time goes back to its group. */
export const shouldReturnToGroup = ({
  assignedAt,
  firstAgentReplyAt,
  now,
  returnAfterMinutes,
  calendar,
}: ReturnRuleInput): boolean => {
  if (firstAgentReplyAt !== null && firstAgentReplyAt.getTime() >= assignedAt.getTime())
    return false;
  const waited = calendar
    ? businessMinutesBetween(assignedAt, now, calendar)
    : (now.getTime() - assignedAt.getTime()) / 60_000;
  return waited >= returnAfterMinutes;
};
