/** Every route of the Support admin API (contracts/admin.ts), written once. */
export const SUPPORT_PATHS = {
  meta: '/support/meta',
  tickets: '/support/tickets',
  ticket: (number: string) => `/support/tickets/${encodeURIComponent(number)}`,
  messages: (number: string) => `/support/tickets/${encodeURIComponent(number)}/messages`,
  assignToMe: (number: string) => `/support/tickets/${encodeURIComponent(number)}/assign-to-me`,
  merge: (number: string) => `/support/tickets/${encodeURIComponent(number)}/merge`,
  macro: (number: string, id: number) =>
    `/support/tickets/${encodeURIComponent(number)}/macros/${id}`,
  moderation: (number: string) => `/support/tickets/${encodeURIComponent(number)}/moderation`,
  problems: '/support/problems',
  problem: (id: number) => `/support/problems/${id}`,
  resolveProblem: (id: number) => `/support/problems/${id}/resolve`,
  reopenProblem: (id: number) => `/support/problems/${id}/reopen`,
  filters: '/support/filters',
  filter: (id: number) => `/support/filters/${id}`,
  boards: '/support/boards',
  board: (id: number) => `/support/boards/${id}`,
  availability: '/support/me/availability',
  stats: (days: number) => `/support/stats?days=${days}`,
  events: '/support/events',
} as const;
