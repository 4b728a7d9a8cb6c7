import { describe, expect, it } from 'vitest';

import { createPageCache } from '../server/lib/page-cache.mjs';

const page = (text: string) => ({
  status: 200,
  headers: { 'content-type': 'text/html' },
  body: Buffer.from(text),
});

/** A cache on a clock the test moves. */
const cacheAt = (options: { maxEntries?: number; maxBytes?: number } = {}) => {
  const clock = { now: 0 };
  const cache = createPageCache({
    maxEntries: options.maxEntries ?? 100,
    maxBytes: options.maxBytes ?? 1_000_000,
    ttlMs: 60_000,
    now: () => clock.now,
  });
  return { cache, clock };
};

describe('keeping a page', () => {
  it('answers it under its key until the TTL ends, then forgets it', () => {
    const { cache, clock } = cacheAt();
    cache.set('a', page('A'), cache.epoch);
    clock.now = 59_999;
    expect(cache.get('a')?.body.toString()).toBe('A');
    expect(cache.get('b')).toBeUndefined();
    clock.now = 60_000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('forgets everything on clear(), and keeps no page that began rendering before it', () => {
    const { cache } = cacheAt();
    cache.set('a', page('A'), cache.epoch);
    const began = cache.epoch;
    cache.clear();
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', page('B, rendered from what the clear forgot'), began);
    expect(cache.get('b')).toBeUndefined();
    cache.set('b', page('B'), cache.epoch);
    expect(cache.get('b')?.body.toString()).toBe('B');
  });
});

describe('staying bounded', () => {
  it('keeps at most maxEntries pages, dropping the least recently used', () => {
    const { cache } = cacheAt({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c']) cache.set(key, page(key), cache.epoch);
    cache.get('a');
    for (let index = 0; index < 50; index += 1) cache.set(`x${index}`, page('x'), cache.epoch);
    expect(cache.size.entries).toBe(3);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('x49')).toBeDefined();

    const { cache: fresh } = cacheAt({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c']) fresh.set(key, page(key), fresh.epoch);
    fresh.get('a');
    fresh.set('d', page('d'), fresh.epoch);
    expect(fresh.get('a')).toBeDefined();
    expect(fresh.get('b')).toBeUndefined();
  });

  it('keeps at most maxBytes, keys counted, and no page larger than that alone', () => {
    const { cache } = cacheAt({ maxBytes: 100 });
    for (let index = 0; index < 20; index += 1) {
      const key = `k${String(index).padStart(2, '0')}`;
      cache.set(key, page('x'.repeat(27)), cache.epoch); // 30 bytes each, key counted
    }
    expect(cache.size).toEqual({ entries: 3, bytes: 90 });
    cache.set('big', page('x'.repeat(100)), cache.epoch);
    expect(cache.get('big')).toBeUndefined();
    expect(cache.size.entries).toBe(3);
  });

  it('counts a page kept again under its key once', () => {
    const { cache } = cacheAt();
    cache.set('a', page('first'), cache.epoch);
    cache.set('a', page('second'), cache.epoch);
    expect(cache.size).toEqual({ entries: 1, bytes: 7 });
    expect(cache.get('a')?.body.toString()).toBe('second');
  });
});
