import { UpstreamError, type UpstreamErrorCode } from './profile';

const TIMEOUT_MS = 10_000;

/**
 * A JSON answer from a provider's endpoint; anything but a 2xx JSON object is an
 * `UpstreamError` with `code` (the provider's own error text never reaches the person).
 */
export const fetchJson = async (
  url: URL | string,
  init: RequestInit,
  code: UpstreamErrorCode
): Promise<Record<string, unknown>> => {
  const target = new URL(url);
  if (target.protocol !== 'https:' && !isLoopbackHttp(target.href)) {
    // Codes and tokens travel only over TLS, except to a provider on this machine (tests).
    throw new UpstreamError(code, 'The provider must be reached over HTTPS');
  }
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (cause) {
    throw new UpstreamError(code, `The provider could not be reached`, { cause });
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok || !body || typeof body !== 'object' || 'error' in body) {
    throw new UpstreamError(code, `The provider answered ${response.status}`);
  }
  return body;
};

/** A form POST, as OAuth token endpoints take it. */
export const postForm = (
  url: URL | string,
  fields: Record<string, string>,
  code: UpstreamErrorCode
) =>
  fetchJson(
    url,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(fields).toString(),
    },
    code
  );

/** Only loopback providers (local test servers) may be spoken to over plain HTTP. */
export const isLoopbackHttp = (url: string) => {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
};

/** The callback's query parameter, refusing a provider's `error` answer. */
export const callbackParameter = (callback: URL, name: string) => {
  if (callback.searchParams.get('error')) {
    throw new UpstreamError('ERR_UPSTREAM_DENIED', 'The provider refused the sign-in');
  }
  const value = callback.searchParams.get(name);
  if (!value) throw new UpstreamError('ERR_UPSTREAM_TOKEN', `The callback has no ${name}`);
  return value;
};
