import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import { createSharedTokenBuckets } from '../collection/redis-token-buckets';

/**
 * The beacon limits with Redis (`REDIS_URL`): one budget for every node, Redis holding no
 * address, and this node's own limits while Redis is away. Redis is the machine's own.
 */
const REDIS_URL = 'redis://127.0.0.1:6379';
const prefix = `test-${randomBytes(6).toString('hex')}:`;
const IP = '198.51.100.23';
// A person's browser: a bot's beacons are accepted and not counted.
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

let redis: Redis;
const opened: Redis[] = [];

/** The limit as one node holds it: a connection of its own, as each CMS process has. */
const node = (keyPrefix: string, url = REDIS_URL, errors: string[] = []) => {
  const connection = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 500 });
  connection.on('error', () => {});
  opened.push(connection);
  return createSharedTokenBuckets({
    redis: connection,
    keyPrefix,
    secret: 'test-secret',
    capacity: 5,
    perSecond: 5 / 60,
    onError: (message) => errors.push(message),
  });
};

const keysUnder = (keyPrefix: string) => redis.keys(`${keyPrefix}*`);

beforeAll(() => {
  redis = new Redis(REDIS_URL);
});
afterAll(async () => {
  const keys = await keysUnder(prefix);
  if (keys.length > 0) await redis.del(...keys);
  await Promise.all([redis, ...opened].map((connection) => connection.quit().catch(() => {})));
});

describe('shared token buckets', () => {
  it('grant one budget across nodes: what node A took, node B cannot take again', async () => {
    const [a, b] = [node(`${prefix}two:`), node(`${prefix}two:`)];
    expect(await a.take(IP, 3)).toBe(0);
    expect(await b.take(IP, 2)).toBe(0);
    // Each node alone would still have tokens left; together the five are spent.
    expect(await b.take(IP, 1)).toBeGreaterThanOrEqual(1);
    expect(await a.take(IP, 1)).toBeGreaterThanOrEqual(1);
    // A refill of one token takes 12 s at five per minute.
    expect(await a.take(IP, 1)).toBeLessThanOrEqual(12);
    expect(await a.take('198.51.100.24', 1)).toBe(0);
  });

  it('keep no address in Redis, only until the bucket would be full again', async () => {
    await node(`${prefix}keys:`).take(IP, 1);
    const keys = await keysUnder(`${prefix}keys:`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain(IP);
    expect(JSON.stringify(await redis.hgetall(keys[0]!))).not.toContain(IP);
    const ttl = await redis.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(61_000);
  });

  it('fall back to the node’s own limit while Redis does not answer', async () => {
    // A port that accepts nothing: a closed server's.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    const errors: string[] = [];
    const away = node(`${prefix}away:`, `redis://127.0.0.1:${port}`, errors);
    for (let i = 0; i < 5; i += 1) expect(await away.take(IP, 1)).toBe(0);
    expect(await away.take(IP, 1)).toBeGreaterThanOrEqual(1);
    expect(errors.length).toBeGreaterThan(0);
  });
});

describe('the beacon endpoint with REDIS_URL', () => {
  let cms: TestCms;
  let host: string;

  beforeAll(async () => {
    cms = await startTestCms({
      REDIS_URL,
      REDIS_PREFIX: `${prefix}cms:`,
      METRICS_IP_EVENTS_PER_MINUTE: '3',
      IS_PROXIED: 'true',
    });
    const clinic = await fixtures(cms.strapi).clinic();
    host = `${clinic.subdomain as string}.localhost`;
  }, 120_000);
  afterAll(() => cms?.stop());

  const beacon = () =>
    fetch(`${cms.baseUrl}/api/metrics/event`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'user-agent': FIREFOX, 'x-forwarded-for': IP },
      body: JSON.stringify({ name: 'pageview', url: `http://${host}/`, domain: host }),
    });

  it('counts an address’s events in Redis, where every node reads them', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await beacon()).status);
    expect(statuses).toEqual([202, 202, 202, 429]);

    // The budget lives in Redis: emptied there, the address may send again.
    const keys = await keysUnder(`${prefix}cms:metrics:limit:ip:`);
    expect(keys).toHaveLength(1);
    await redis.del(...keys);
    expect((await beacon()).status).toBe(202);
  });
});
