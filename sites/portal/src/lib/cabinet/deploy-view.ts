import type { DeploySummary } from '@vixenhealth/cms/contracts';

/** A deploy still on its way: the page showing it reloads itself until it is done. */
export const isRunning = (deploy: Pick<DeploySummary, 'status'>) =>
  deploy.status === 'queued' || deploy.status === 'building';

/** "2,4 с", or a dash while it runs. */
export const formatDuration = (ms: number | null) =>
  ms === null ? '—' : `${(ms / 1000).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} с`;

/** A moment in Moscow time, as Russians write it. */
export const formatTime = (iso: string) =>
  new Date(iso).toLocaleString('ru-RU', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Europe/Moscow',
  });
