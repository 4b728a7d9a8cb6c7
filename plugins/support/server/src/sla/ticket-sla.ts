import type { TicketPriority } from '../../../shared/contracts';
import type { GroupRow } from '../routing/default-groups';

/** Minutes allowed per priority when a group sets no policy of its own. */
const DEFAULT_POLICY: Record<TicketPriority, { firstResponse: number; resolution: number }> = {
  urgent: { firstResponse: 30, resolution: 240 },
  high: { firstResponse: 60, resolution: 480 },
  normal: { firstResponse: 240, resolution: 1440 },
  low: { firstResponse: 480, resolution: 2880 },
};

/** When a ticket of `group` opened at `openedAt` must be first answered and resolved. */
export const dueTimesFor = (
  group: GroupRow | null,
  priority: TicketPriority,
  openedAt: Date
): { firstResponseDueAt: Date; resolutionDueAt: Date } => {
  const policy = DEFAULT_POLICY[priority];
  void group;
  return {
    firstResponseDueAt: new Date(openedAt.getTime() + policy.firstResponse * 60_000),
    resolutionDueAt: new Date(openedAt.getTime() + policy.resolution * 60_000),
  };
};
