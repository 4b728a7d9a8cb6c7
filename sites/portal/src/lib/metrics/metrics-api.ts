import type { ShareLink, StatsQuery, StatsResponse } from '@vixenhealth/metrics/contracts';

import { cms, timeout } from '../cms';

/** A site's metrics settings, as `GET /api/metrics/sites/:id/settings` answers them. */
export interface MetricsSettings {
  retentionDays: number | null;
  defaultRetentionDays: number;
  share: ShareLink | null;
}

type Data<T> = { data: T };

const queryOf = (query: StatsQuery) => ({ ...query }) as Record<string, string>;

/**
 * The dashboards' API (`/api/metrics`) on behalf of one signed-in person: the CMS decides what
 * they may see (a clinic they do not run is a 404) and change (owners only: 403).
 *
 * @example
 * ```ts
 * const stats = await metricsApi(accessToken).stats(clinicId, { period: '7d' });
 * ```
 */
export const metricsApi = (token: string) => {
  const client = cms();
  const signal = () => timeout(15_000);
  return {
    stats: async (id: string, query: StatsQuery) =>
      (await client.get('/metrics/sites/{id}/stats', {
        path: { id },
        query: queryOf(query),
        token,
        signal: signal(),
      })) as unknown as StatsResponse,
    settings: async (id: string) =>
      (
        (await client.get('/metrics/sites/{id}/settings', {
          path: { id },
          token,
          signal: signal(),
        })) as unknown as Data<MetricsSettings>
      ).data,
    setRetention: (id: string, retentionDays: number | null) =>
      client.put('/metrics/sites/{id}/settings', {
        path: { id },
        body: { data: { retentionDays } },
        token,
        signal: signal(),
      }),
    createShare: (id: string) =>
      client.post('/metrics/sites/{id}/share', { path: { id }, body: {}, token, signal: signal() }),
    revokeShare: (id: string) =>
      client.delete('/metrics/sites/{id}/share', { path: { id }, token, signal: signal() }),
  };
};

/** A dashboard shown by its public link, with no sign-in. */
export const sharedStats = async (token: string, query: StatsQuery) =>
  (await cms().get('/metrics/shared/{token}/stats', {
    path: { token },
    query: queryOf(query),
    signal: timeout(15_000),
  })) as unknown as StatsResponse;
