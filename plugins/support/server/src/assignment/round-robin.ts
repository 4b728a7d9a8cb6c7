export interface AssigneeCandidate {
  id: number;
  available: boolean;
  lastAssignedAt: Date | null;
  openTickets: number;
}

/** The available agent assigned longest ago (never first), then the least loaded. */
export const pickAssignee = (candidates: AssigneeCandidate[]): number | null => {
  const available = candidates.filter((candidate) => candidate.available);
  available.sort(
    (a, b) =>
      (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) ||
      a.openTickets - b.openTickets ||
      a.id - b.id
  );
  return available[0]?.id ?? null;
};
