import { useMemo } from 'react';

import { isFetchError, useFetchClient } from '@strapi/strapi/admin';

import type { LastDirectorySync, RunDirectorySync } from '../../../shared/contracts/directory-sync';

/** Directory sync's admin API (`/sso/directory-sync`, admin JWT) as typed calls. */
export const useDirectorySyncApi = () => {
  const { get, post } = useFetchClient();
  return useMemo(
    () => ({
      last: async () =>
        (await get<LastDirectorySync['response']>('/sso/directory-sync/last')).data.data,
      run: async (dryRun: boolean) =>
        (
          await post<RunDirectorySync['response']>('/sso/directory-sync', {
            dryRun,
          } satisfies RunDirectorySync['request']['body'])
        ).data.data,
    }),
    [get, post]
  );
};

/** The server's own message when it gave one (a refused bind names the bind DN). */
export const errorText = (error: unknown, fallback: string) =>
  (isFetchError(error) ? error.response?.data.error.message : undefined) ?? fallback;
