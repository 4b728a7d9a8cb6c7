import { useMemo } from 'react';

import { useFetchClient } from '@strapi/strapi/admin';

import type {
  CallTicketResponse,
  PlaceCallRequest,
  PlacedCall,
  TicketCalls,
} from '../../../shared/contracts';

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
      /** A recording's bytes (`CallRecord.recording.url`), fetched with the agent's token. */
      recording: (url: string) => data(get<Blob>(url, { responseType: 'blob' })),
      placeCall: (request: PlaceCallRequest) =>
        data(post<{ data: PlacedCall }>('/telephony/calls', request)),
    };
  }, [get, post]);
};
