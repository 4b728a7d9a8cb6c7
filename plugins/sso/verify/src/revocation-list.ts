/** Options of {@link createRevocationList}. */
export interface RevocationListOptions {
  uri: URL;
  maxAge: number;
  fetchTimeoutMs: number;
}

/** Whether the claims of a verified token name a revoked token (`jti`) or grant (`gid`). */
export type RevocationCheck = (claims: {
  jti?: unknown;
  gid?: unknown;
}) => boolean | Promise<boolean>;

interface PublishedList {
  revoked: ({ jti?: unknown; gid?: unknown; exp?: unknown } | null)[];
}

const isPublishedList = (body: unknown): body is PublishedList =>
  typeof body === 'object' && body !== null && Array.isArray((body as PublishedList).revoked);

/**
 * VixenHealth ID's list of access tokens revoked before they expire (`GET <issuer>/revocations`),
 * read again when older than `maxAge`, by the verification that finds it so (the others wait
 * for the same request). When ID cannot be reached, or answers something else than a list, the
 * last list read keeps serving until the next attempt: a token revoked meanwhile is accepted.
 *
 * Ages follow the system clock (`Date.now()`), as the key set's do.
 */
export function createRevocationList({
  uri,
  maxAge,
  fetchTimeoutMs,
}: RevocationListOptions): RevocationCheck {
  let revoked = new Map<string, number>();
  let readAt = -Infinity;
  let reading: Promise<void> | undefined;

  const read = async () => {
    try {
      const response = await fetch(uri, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(fetchTimeoutMs),
      });
      const body: unknown = response.ok ? await response.json() : undefined;
      if (!isPublishedList(body)) return;
      const next = new Map<string, number>();
      for (const entry of body.revoked) {
        if (typeof entry?.exp !== 'number') continue;
        if (typeof entry.jti === 'string') next.set(`jti:${entry.jti}`, entry.exp);
        if (typeof entry.gid === 'string') next.set(`gid:${entry.gid}`, entry.exp);
      }
      revoked = next;
    } catch {
      // ID unreachable or too slow: the last list serves until the next attempt.
    } finally {
      readAt = Date.now();
    }
  };

  return async (claims) => {
    if (Date.now() - readAt >= maxAge) {
      reading ??= read().finally(() => {
        reading = undefined;
      });
      await reading;
    }
    const now = Date.now() / 1000;
    return [`jti:${String(claims.jti)}`, `gid:${String(claims.gid)}`].some(
      (key) => (revoked.get(key) ?? 0) > now
    );
  };
}
