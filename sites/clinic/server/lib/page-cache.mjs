/**
 * A page as it was sent: what a cache hit sends again.
 * @typedef {object} CachedPage
 * @property {number} status
 * @property {import('node:http').OutgoingHttpHeaders} headers
 * @property {Buffer} body
 */

/**
 * @typedef {object} PageCacheOptions
 * @property {number} maxEntries pages kept at most
 * @property {number} maxBytes bytes kept at most, keys and bodies counted
 * @property {number} ttlMs how long a page is kept after it was rendered
 * @property {() => number} [now] the clock, in ms (tests set it)
 */

/**
 * Rendered pages in memory, for `ttlMs`, bounded in entries and in bytes: any Host and any path
 * may ask, so nothing a visitor sends can grow it without bound. Past either bound, the least
 * recently used pages go first.
 *
 * A page that began rendering before a `clear()` is not kept when it ends (`set` with the
 * `epoch` read when it began): it may show what the clear was meant to forget.
 * @param {PageCacheOptions} options
 */
export const createPageCache = ({ maxEntries, maxBytes, ttlMs, now = Date.now }) => {
  /** A Map iterates in insertion order: re-inserting an entry on use keeps the oldest first. */
  /** @type {Map<string, { page: CachedPage, bytes: number, until: number }>} */
  const entries = new Map();
  let bytes = 0;
  let epoch = 0;

  /** @param {string} key */
  const remove = (key) => {
    bytes -= entries.get(key)?.bytes ?? 0;
    entries.delete(key);
  };

  return {
    /** @param {string} key */
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (entry.until <= now()) {
        bytes -= entry.bytes;
        return undefined;
      }
      entries.set(key, entry);
      return entry.page;
    },

    /**
     * Keeps `page` under `key`, unless the cache was cleared since `since` (an `epoch`) or the
     * page alone is larger than the whole cache may be.
     * @param {string} key
     * @param {CachedPage} page
     * @param {number} since
     */
    set(key, page, since) {
      const size = Buffer.byteLength(key) + page.body.length;
      if (since !== epoch || size > maxBytes) return;
      remove(key);
      entries.set(key, { page, bytes: size, until: now() + ttlMs });
      bytes += size;
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries && bytes <= maxBytes) break;
        remove(oldest);
      }
    },

    /** Forgets every page, and any page still rendering. */
    clear() {
      entries.clear();
      bytes = 0;
      epoch += 1;
    },

    /** Counts the clears so far: read when a page begins rendering, handed to `set`. */
    get epoch() {
      return epoch;
    },

    /** The pages and bytes kept now. */
    get size() {
      return { entries: entries.size, bytes };
    },
  };
};

/** @typedef {ReturnType<typeof createPageCache>} PageCache */
