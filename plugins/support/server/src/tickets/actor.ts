/** Who did something at the desk: an agent (admin-panel user), the requester, or the desk itself. */
export type Actor =
  { kind: 'agent'; id: number } | { kind: 'requester'; userId?: number } | { kind: 'system' };

export const SYSTEM: Actor = { kind: 'system' };
