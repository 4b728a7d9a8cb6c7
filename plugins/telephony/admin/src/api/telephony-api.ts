import { useMemo } from 'react';

import { useFetchClient } from '@strapi/strapi/admin';

import type { CallTicketResponse, TicketCalls } from '../../../shared/contracts';

/** Telephony's admin API (`/telephony`, admin JWT) as typed calls. */
export const useTelephonyApi = () => {
  const { get, post } = useFetchClient();
  return useMemo(() => {
    const data = async <T>(request: Promise<{ data: T }>) => (await request).data;
    return {
      callsOf: (number: string) =>
        data(get<TicketCalls>(`/telephony/tickets/${encodeURIComponent(number)}/calls`)),
      pickTicket: (callId: number, number: string) =>
        data(post<CallTicketResponse>(`/telephony/calls/${callId}/ticket`, { number })),
      newTicket: (callId: number) =>
        data(post<CallTicketResponse>(`/telephony/calls/${callId}/new-ticket`)),
    };
  }, [get, post]);
};
