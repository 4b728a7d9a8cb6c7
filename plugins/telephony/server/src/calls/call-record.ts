import type { CallRecord, HangupCause, IntegrationKind } from '../../../shared/contracts';

/** A stored call row, with the relations `CALL_POPULATE` loads. */
export interface CallRow {
  id: number;
  callId: string;
  direction: CallRecord['direction'];
  fromNumber: string | null;
  toNumber: string | null;
  queue: string | null;
  status: CallRecord['status'];
  result: CallRecord['result'];
  cause: string | null;
  startedAt: string | Date | null;
  answeredAt: string | Date | null;
  endedAt: string | Date | null;
  durationSeconds: number | null;
  clinic: string | null;
  recordingExpiresAt: string | Date | null;
  integration?: { id: number; name: string; kind: IntegrationKind } | null;
  agent?: { id: number; firstname?: string | null; lastname?: string | null; email: string } | null;
  ticket?: { id: number; number: string } | null;
  recording?: { url: string } | null;
}

export const CALL_POPULATE = {
  integration: { select: ['id', 'name', 'kind'] },
  agent: { select: ['id', 'firstname', 'lastname', 'email'] },
  ticket: { select: ['id', 'number'] },
  recording: { select: ['id', 'url'] },
} as const;

const iso = (value: string | Date | null) => (value ? new Date(value).toISOString() : null);

const agentName = (agent: NonNullable<CallRow['agent']>) =>
  [agent.firstname, agent.lastname].filter(Boolean).join(' ') || agent.email;

/** The row as the contracts' `CallRecord`. */
export const toCallRecord = (row: CallRow): CallRecord => ({
  id: row.id,
  integration: {
    id: row.integration?.id ?? 0,
    name: row.integration?.name ?? '',
    kind: row.integration?.kind ?? 'cti',
  },
  callId: row.callId,
  direction: row.direction,
  from: row.fromNumber ?? '',
  to: row.toNumber ?? '',
  queue: row.queue,
  agent: row.agent ? { id: row.agent.id, name: agentName(row.agent) } : null,
  status: row.status,
  result: row.result,
  cause: (row.cause as HangupCause | null) ?? null,
  startedAt: iso(row.startedAt) ?? new Date(0).toISOString(),
  answeredAt: iso(row.answeredAt),
  endedAt: iso(row.endedAt),
  durationSeconds: row.durationSeconds,
  ticket: row.ticket ? { id: row.ticket.id, number: row.ticket.number } : null,
  clinic: row.clinic,
  recording:
    row.recording && row.recordingExpiresAt
      ? // Recordings are private: agents fetch them through the admin API, which checks who asks.
        { url: `/telephony/calls/${row.id}/recording`, expiresAt: iso(row.recordingExpiresAt)! }
      : null,
});
