/** One cached answer of the public API: its JSON bytes, headers and what it was computed from. */
export interface CachedAnswer {
  body: Buffer;
  etag: string;
  /**
   * The headers the middlewares after the cache set (security, CORS, ...), replayed on a hit,
   * which skips them.
   */
  headers: Record<string, string>;
  /**
   * The versions of the answer's tags (content types) read before its data was: the answer is
   * current only while every tag is still at that version.
   */
  versions: number[];
}

/** What a lookup finds: the stored answer, if any, and the current versions of the tags. */
export interface Lookup {
  answer: CachedAnswer | undefined;
  versions: number[];
}

/**
 * Where cached answers and tag versions live: one node's memory, or Redis for every node. A
 * change bumps its tags' versions; answers stored under older versions are never served again,
 * so invalidation is exact without finding and deleting each answer.
 */
export interface AnswerStore {
  /** The answer stored under `key` and the current versions of `tags`, in one round trip. */
  lookup(key: string, tags: readonly string[]): Promise<Lookup>;
  save(key: string, answer: CachedAnswer): Promise<void>;
  /** Makes every answer that depends on one of `tags` stale, on every node sharing the store. */
  bump(tags: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export const isCurrent = (answer: CachedAnswer, versions: readonly number[]) =>
  answer.versions.length === versions.length &&
  answer.versions.every((version, index) => version === versions[index]);
