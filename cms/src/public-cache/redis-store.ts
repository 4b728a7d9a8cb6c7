import Redis from 'ioredis';

import type { AnswerStore, CachedAnswer } from './answer-store';

/** A stale answer is never served; this only lets Redis forget answers nobody asks for again. */
const ANSWER_TTL_SECONDS = 24 * 60 * 60;

/** An answer as one Redis value: its other fields as a line of JSON, then the body's bytes. */
const toStored = ({ body, ...meta }: CachedAnswer) =>
  Buffer.concat([Buffer.from(`${JSON.stringify(meta)}\n`), body]);

const fromStored = (stored: Buffer): CachedAnswer => {
  // JSON.stringify escapes newlines in strings: the first one ends the line.
  const end = stored.indexOf(0x0a);
  return {
    ...(JSON.parse(stored.subarray(0, end).toString()) as Omit<CachedAnswer, 'body'>),
    body: stored.subarray(end + 1),
  };
};

/** Answers and tag versions in Redis: every node serves and invalidates the same answers. */
export const redisAnswerStore = (url: string, keyPrefix: string): AnswerStore => {
  const PREFIX = `${keyPrefix}public-cache:`;
  const VERSIONS = `${PREFIX}versions`;
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });

  return {
    async lookup(key, tags) {
      const results = await redis
        .multi()
        .getBuffer(`${PREFIX}answer:${key}`)
        .hmget(VERSIONS, ...tags)
        .exec();
      if (!results) throw new Error('Redis discarded the public cache lookup');
      const [[answerError, stored], [versionsError, versions]] = results as [
        [Error | null, Buffer | null],
        [Error | null, (string | null)[]],
      ];
      if (answerError ?? versionsError) throw answerError ?? versionsError;
      return {
        answer: stored ? fromStored(stored) : undefined,
        versions: versions.map((version) => Number(version ?? 0)),
      };
    },

    async save(key, answer) {
      await redis.set(`${PREFIX}answer:${key}`, toStored(answer), 'EX', ANSWER_TTL_SECONDS);
    },

    async bump(tags) {
      const bumps = redis.multi();
      for (const tag of tags) bumps.hincrby(VERSIONS, tag, 1);
      await bumps.exec();
    },

    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
};
