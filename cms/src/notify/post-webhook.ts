import type { Core } from '@strapi/strapi';

export interface WebhookCall {
  /** Said in logs: what the call is for ("Docs rebuild"). */
  what: string;
  url: string;
  /** Sent as `Authorization: Bearer …`; never logged. */
  token: string;
  body: unknown;
  /** How long to wait before the one retry. */
  retryDelayMs: number;
}

const TIMEOUT_MS = 10_000;

const postOnce = async ({ url, token, body }: WebhookCall) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`answered ${response.status}`);
};

/**
 * POSTs JSON to another of the platform's servers with its bearer token, retrying once after
 * `retryDelayMs`. Failures are logged (the address and the reason, never the token) and never
 * thrown: whatever triggered the call (a publish) has happened and stays done.
 */
export const postWebhook = async (strapi: Core.Strapi, call: WebhookCall): Promise<boolean> => {
  for (const attempt of [1, 2]) {
    try {
      await postOnce(call);
      return true;
    } catch (error) {
      const reason = (error as Error).message;
      if (attempt === 1) {
        strapi.log.warn(`${call.what}: POST ${call.url} failed (${reason}); retrying once`);
        await new Promise((resolve) => setTimeout(resolve, call.retryDelayMs));
      } else {
        strapi.log.error(`${call.what}: POST ${call.url} failed again (${reason}); giving up`);
      }
    }
  }
  return false;
};
