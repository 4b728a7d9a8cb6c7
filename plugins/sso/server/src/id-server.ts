import type { Core } from '@strapi/strapi';
import type Provider from 'oidc-provider';

import { createIdRouter } from './pages';
import { KEYS_CHANGED } from './services/signing-keys';
import { getConfig, getService, mountPath } from './utils';

/** How often a running server looks for keys rotated elsewhere (`npm run id:rotate-keys`). */
const KEY_CHECK_MS = 60_000;

/**
 * The running ID: the provider built from the current keys, rebuilt when they change, and the
 * middleware that serves it under the issuer's path.
 */
export const createIdServer = (strapi: Core.Strapi) => {
  let provider: Provider | null = null;
  let fingerprint = '';
  let timer: NodeJS.Timeout | undefined;

  const refresh = async () => {
    const current = await getService(strapi, 'signing-keys').fingerprint();
    if (provider && current === fingerprint) return;
    provider = await getService(strapi, 'provider').create();
    fingerprint = current;
  };

  return {
    middleware: () => createIdRouter(strapi, mountPath(getConfig(strapi)), () => provider),
    refresh,
    async start() {
      await refresh();
      strapi.eventHub.on(KEYS_CHANGED, refresh);
      timer = setInterval(() => {
        refresh().catch((error: Error) =>
          strapi.log.error(`ID key refresh failed: ${error.message}`)
        );
      }, KEY_CHECK_MS);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
};

export type IdServer = ReturnType<typeof createIdServer>;
