import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';

import { RATING_SUMMARY, REVIEW } from '../content-types/uids';
import type { RatingSummary } from '../contracts';
import { TARGET_UID, targetFromKey } from './target';

const STARS = ['1', '2', '3', '4', '5'] as const;
type Distribution = RatingSummary['distribution'];

const emptyDistribution = (): Distribution => ({ '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 });

const tableOf = (strapi: Core.Strapi, uid: UID.ContentType) =>
  strapi.db.metadata.get(uid).tableName;

const toSummary = (
  count: number,
  ratingSum: number,
  distribution: Distribution
): RatingSummary => ({
  count,
  // One decimal, as shown everywhere.
  average: count === 0 ? null : Math.round((ratingSum / count) * 10) / 10,
  distribution,
});

/**
 * Recounts a target's summary from its approved public reviews, inside the caller's transaction
 * and under a lock on the summary's row (PostgreSQL; SQLite runs one transaction at a time), so
 * that concurrent approvals of one clinic's reviews each count every other. The clinic's or
 * doctor's own `ratingAverage` and `ratingCount`, which the directory sorts by, follow.
 */
export const recountRatingSummary = async (
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  key: string
) => {
  const summaries = tableOf(strapi, RATING_SUMMARY);
  await trx(summaries)
    .insert({
      target_key: key,
      count: 0,
      rating_sum: 0,
      distribution: JSON.stringify(emptyDistribution()),
    })
    .onConflict('target_key')
    .ignore();
  if (strapi.db.dialect.client === 'postgres') {
    await trx(summaries).where({ target_key: key }).forUpdate().select('id');
  }

  const rows: { rating: number; n: number | string }[] = await trx(tableOf(strapi, REVIEW))
    .where({ target_key: key, moderation_status: 'approved', visibility: 'public' })
    .groupBy('rating')
    .select('rating')
    .count({ n: '*' });
  const distribution = emptyDistribution();
  let count = 0;
  let ratingSum = 0;
  for (const row of rows) {
    const n = Number(row.n);
    distribution[String(row.rating) as keyof Distribution] = n;
    count += n;
    ratingSum += n * Number(row.rating);
  }
  await trx(summaries)
    .where({ target_key: key })
    .update({ count, rating_sum: ratingSum, distribution: JSON.stringify(distribution) });

  const target = targetFromKey(key);
  if (target.type !== 'platform') {
    const summary = toSummary(count, ratingSum, distribution);
    await strapi.db.query(TARGET_UID[target.type]).updateMany({
      where: { documentId: target.documentId },
      data: { ratingAverage: summary.average ?? 0, ratingCount: count },
    });
  }
};

/** A target's summary as last counted; zero for a target without approved public reviews. */
export const readRatingSummary = async (
  strapi: Core.Strapi,
  key: string
): Promise<RatingSummary> => {
  const row = await strapi.db.query(RATING_SUMMARY).findOne({ where: { targetKey: key } });
  if (!row) return toSummary(0, 0, emptyDistribution());
  const stored = (
    typeof row.distribution === 'string' ? JSON.parse(row.distribution) : row.distribution
  ) as Distribution;
  const distribution = emptyDistribution();
  for (const star of STARS) distribution[star] = Number(stored?.[star] ?? 0);
  return toSummary(Number(row.count), Number(row.ratingSum), distribution);
};
