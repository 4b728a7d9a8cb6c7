import { useMemo } from 'react';

import { useAuth, useFetchClient } from '@strapi/strapi/admin';

import type {
  AgentMessageRequest,
  AgentStatus,
  ModerationDecision,
  ProblemView,
  SavedFilterView,
  BoardView,
  SupportMeta,
  SupportStats,
  TicketDetail,
  TicketFilter,
  TicketList,
  TicketSort,
  TicketUpdate,
} from '../../../shared/contracts';
import { SUPPORT_PATHS as P } from './support-paths';
import { ticketQuery } from './ticket-query';

/** A refusal of the Support API, with the server's message for the agent. */
export class SupportApiError extends Error {
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message);
    this.name = 'SupportApiError';
  }
}

export type SavedFilterInput = Omit<SavedFilterView, 'id' | 'mine'>;
export type BoardInput = Omit<BoardView, 'id' | 'mine'>;

const backendUrl = () =>
  (globalThis as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';

/**
 * The Support admin API as typed calls. Strapi's fetch client has no PATCH and no streaming, so
 * those two go through `fetch` with the admin's token.
 */
export const useSupportApi = () => {
  const { get, post, put, del } = useFetchClient();
  const token = useAuth('SupportApi', (auth) => auth.token);

  return useMemo(() => {
    const authorized = (path: string, init: RequestInit = {}) =>
      fetch(`${backendUrl()}${path}`, {
        ...init,
        headers: { ...init.headers, Authorization: `Bearer ${token ?? ''}` },
      });
    const data = async <T>(request: Promise<{ data: T }>) => (await request).data;

    return {
      meta: () => data(get<SupportMeta>(P.meta)),
      tickets: (filter: TicketFilter, sort: TicketSort, page = 1) =>
        data(get<TicketList>(`${P.tickets}?${ticketQuery(filter, sort, page)}`)),
      ticket: (number: string) => data(get<TicketDetail>(P.ticket(number))),
      update: async (number: string, update: TicketUpdate) => {
        const response = await authorized(P.ticket(number), {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(update),
        });
        const body: unknown = await response.json();
        if (!response.ok) throw new SupportApiError(errorMessageOf(body), response.status);
        return body as TicketDetail;
      },
      postMessage: (number: string, message: AgentMessageRequest, files: File[]) => {
        if (files.length === 0) return data(post<TicketDetail>(P.messages(number), message));
        const form = new FormData();
        form.set('kind', message.kind);
        form.set('body', message.body);
        for (const file of files) form.append('files', file, file.name);
        return data(post<TicketDetail>(P.messages(number), form));
      },
      assignToMe: (number: string) => data(post<TicketDetail>(P.assignToMe(number))),
      merge: (number: string, into: string) => data(post<TicketDetail>(P.merge(number), { into })),
      applyMacro: (number: string, macroId: number) =>
        data(post<TicketDetail>(P.macro(number, macroId))),
      moderate: (number: string, decision: ModerationDecision, reason?: string) =>
        data(post<TicketDetail>(P.moderation(number), { decision, reason })),
      problems: () => data(get<ProblemView[]>(P.problems)),
      problem: (id: number) => data(get<ProblemView>(P.problem(id))),
      createProblem: (input: { title: string; description?: string; incident?: string }) =>
        data(post<ProblemView>(P.problems, input)),
      resolveProblem: (id: number, resolution: string) =>
        data(post<ProblemView>(P.resolveProblem(id), { resolution })),
      reopenProblem: (id: number) => data(post<ProblemView>(P.reopenProblem(id))),
      createFilter: (input: SavedFilterInput) => data(post<{ id: number }>(P.filters, input)),
      updateFilter: (id: number, input: SavedFilterInput) =>
        data(put<{ id: number }>(P.filter(id), input)),
      deleteFilter: (id: number) => del(P.filter(id)),
      createBoard: (input: BoardInput) => data(post<{ id: number }>(P.boards, input)),
      updateBoard: (id: number, input: BoardInput) => data(put<{ id: number }>(P.board(id), input)),
      deleteBoard: (id: number) => del(P.board(id)),
      setAvailability: (status: AgentStatus) =>
        data(put<{ status: AgentStatus }>(P.availability, { status })),
      stats: (days = 30) => data(get<SupportStats>(P.stats(days))),
      /** The live event stream's response; the caller reads its body. */
      events: (signal: AbortSignal) =>
        authorized(P.events, { signal, headers: { Accept: 'text/event-stream' } }),
    };
  }, [del, get, post, put, token]);
};

export type SupportApi = ReturnType<typeof useSupportApi>;

const errorMessageOf = (body: unknown) => {
  const error = (body as { error?: { message?: unknown } } | null)?.error;
  return typeof error?.message === 'string' ? error.message : 'Сервер отклонил запрос';
};
