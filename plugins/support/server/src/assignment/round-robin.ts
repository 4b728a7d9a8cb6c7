export interface AssignmentCandidate {
  id: number;
  available: boolean;
  lastAssignedAt: Date | null;
  openTickets: number;
}

export interface PickOptions {
  /** An agent holding this many open tickets or more is skipped. */
  maxOpenTickets?: number;
}

const lastAssignedMs = (candidate: AssignmentCandidate): number =>
  candidate.lastAssignedAt?.getTime() ?? -Infinity;

/**
 * Round-robin within a group: among available agents under the cap, the one assigned longest
 * ago (never-assigned first), then the one with fewer open tickets, then the lower id. Null when
 * nobody can take the ticket, so it stays with the group.
 */
export const pickAssignee = (
  candidates: AssignmentCandidate[],
  options: PickOptions = {}
): number | null => {
  const eligible = candidates.filter(
    (candidate) =>
      candidate.available &&
      (options.maxOpenTickets === undefined || candidate.openTickets < options.maxOpenTickets)
  );
  eligible.sort(
    (a, b) => lastAssignedMs(a) - lastAssignedMs(b) || a.openTickets - b.openTickets || a.id - b.id
  );
  return eligible[0]?.id ?? null;
};
