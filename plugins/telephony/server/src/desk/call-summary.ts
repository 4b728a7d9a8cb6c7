import type { CallRecord, CallResult } from '../../../shared/contracts';

const RESULTS: Record<CallResult, string> = {
  answered: 'состоялся',
  missed: 'пропущен',
  rejected: 'отклонён (занято)',
  voicemail: 'голосовая почта',
};

/**
 * Times as agents read them in a ticket: Moscow time, where the platform's clinics and Support
 * work (the business calendar's zone), named so nobody takes it for their own.
 */
const MOSCOW = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  dateStyle: 'short',
  timeStyle: 'short',
});
const moscowTime = (iso: string) => `${MOSCOW.format(new Date(iso))} МСК`;

const minutes = (seconds: number) =>
  seconds >= 60 ? `${Math.floor(seconds / 60)} мин ${seconds % 60} с` : `${seconds} с`;

/** Whether nobody talked to the caller: Support calls them back. */
export const needsCallBack = (call: CallRecord) =>
  call.direction === 'in' && call.result !== null && call.result !== 'answered';

/** The call as its ticket shows it: direction, numbers, start, talk time, result, agent. */
export const callSummary = (call: CallRecord) =>
  [
    call.direction === 'in' ? 'Входящий звонок' : 'Исходящий звонок',
    `${call.from} → ${call.to}`,
    `начало ${moscowTime(call.startedAt)}`,
    ...(call.durationSeconds !== null ? [`разговор ${minutes(call.durationSeconds)}`] : []),
    `итог: ${call.result ? RESULTS[call.result] : 'идёт'}`,
    ...(call.agent ? [`агент: ${call.agent.name}`] : []),
  ].join(' · ');

export const callBackNote = (call: CallRecord) =>
  `Перезвонить: ${call.from} звонил(а) ${moscowTime(call.startedAt)}, никто не ответил.`;

export const recordingNote = (call: CallRecord) =>
  `Запись разговора: ${call.recording!.url} (хранится до ${moscowTime(call.recording!.expiresAt)})`;
