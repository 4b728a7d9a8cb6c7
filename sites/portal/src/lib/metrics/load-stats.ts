import { CmsApiError } from '@vixenhealth/api-client';
import type { StatsResponse } from '@vixenhealth/metrics/contracts';

/** What the period form's refusal says, by the field the CMS named. */
const PERIOD_MESSAGES: Record<string, string> = {
  period: 'Выберите период из списка.',
  from: 'Укажите начало периода датой не позже его конца.',
  to: 'Укажите конец периода; период — не длиннее двух лет.',
};

/**
 * The figures of the asked period, or, when the CMS refused the period (400), why in Russian:
 * the page then shows the form again instead of failing. Other refusals are the caller's.
 */
export const loadStats = async (
  load: () => Promise<StatsResponse>
): Promise<{ stats: StatsResponse; periodError: null } | { stats: null; periodError: string }> => {
  try {
    return { stats: await load(), periodError: null };
  } catch (error) {
    if (!(error instanceof CmsApiError) || error.status !== 400) throw error;
    const details = error.error?.details as { errors?: { path?: string[] }[] } | undefined;
    const field = details?.errors?.[0]?.path?.[0] ?? 'period';
    return { stats: null, periodError: PERIOD_MESSAGES[field] ?? PERIOD_MESSAGES.period };
  }
};
