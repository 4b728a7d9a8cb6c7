import type { Core } from '@strapi/strapi';

import { DOC_PAGE } from '../content-types/uids';
import { notFound } from '../errors';
import { mayRead } from './audience';
import {
  DOC_LIMITS,
  DOC_SLUG_PATTERN,
  type DocAttachment,
  type DocAudience,
  type DocPage,
  type DocPageSummary,
  type DocSearchHit,
  type Reader,
} from './contracts';
import { excerptOf, fold, plainText, queryWords } from './search-text';

const SUMMARY_FIELDS = [
  'slug',
  'title',
  'section',
  'order',
  'description',
  'audience',
  'updatedAt',
] as const;
const ACCESS_FIELDS = ['audience', 'roles', 'clinicDocumentId'] as const;

interface PageRow {
  slug: string;
  title: string;
  section: string;
  order: number | null;
  description: string | null;
  audience: DocAudience;
  updatedAt: string | Date;
  roles: unknown;
  clinicDocumentId: string | null;
  body?: string;
  attachments?: { name: string; url: string; mime: string; size: number }[] | null;
}

const accessOf = (row: PageRow) => ({
  audience: row.audience,
  roles: Array.isArray(row.roles) ? (row.roles as string[]) : null,
  clinicDocumentId: row.clinicDocumentId,
});

const summaryOf = (row: PageRow): DocPageSummary => ({
  slug: row.slug,
  title: row.title,
  section: row.section,
  order: row.order ?? 0,
  description: row.description ?? null,
  audience: row.audience,
  updatedAt: new Date(row.updatedAt).toISOString(),
});

/** Navigation order: by section, then order within it, then title. */
const bySectionOrderTitle = (a: DocPageSummary, b: DocPageSummary) =>
  a.section.localeCompare(b.section, 'ru') ||
  a.order - b.order ||
  a.title.localeCompare(b.title, 'ru');

/** Published versions only: a draft is never served, whatever the reader. */
const published = { publishedAt: { $notNull: true } };

const readablePages = async (
  strapi: Core.Strapi,
  reader: Reader | null,
  extraFields: readonly ('body' | 'slug')[] = []
) => {
  const rows = (await strapi.db.query(DOC_PAGE).findMany({
    where: published,
    select: [...SUMMARY_FIELDS, ...ACCESS_FIELDS, ...extraFields],
  })) as PageRow[];
  return rows.filter((row) => mayRead(accessOf(row), reader));
};

/** Every published page `reader` may read, in navigation order. */
export const listDocPages = async (
  strapi: Core.Strapi,
  reader: Reader | null
): Promise<DocPageSummary[]> =>
  (await readablePages(strapi, reader)).map(summaryOf).sort(bySectionOrderTitle);

/**
 * One published page by its slug; 404 when there is none or `reader` may not read it, the same
 * answer either way, so a private page's existence does not leak.
 */
export const readDocPage = async (
  strapi: Core.Strapi,
  slug: string,
  reader: Reader | null
): Promise<DocPage> => {
  const row = DOC_SLUG_PATTERN.test(slug)
    ? ((await strapi.db.query(DOC_PAGE).findOne({
        where: { slug, ...published },
        select: [...SUMMARY_FIELDS, ...ACCESS_FIELDS, 'body'],
        populate: { attachments: { select: ['name', 'url', 'mime', 'size'] } },
      })) as PageRow | null)
    : null;
  if (!row || !mayRead(accessOf(row), reader)) throw notFound('Doc page');
  return {
    ...summaryOf(row),
    body: row.body ?? '',
    attachments: (row.attachments ?? []).map((file): DocAttachment => ({
      name: file.name,
      url: file.url,
      mime: file.mime,
      // Strapi keeps sizes in kilobytes (bytes / 1000).
      size: Math.round(Number(file.size) * 1000),
    })),
  };
};

/**
 * The pages `reader` may read whose title, description or body hold every word of `query`,
 * case-insensitively; best first (words in the title, then in the description), at most 20.
 * Matched here rather than in SQL: SQLite's LIKE does not fold Cyrillic, and docs are few.
 */
export const searchDocPages = async (
  strapi: Core.Strapi,
  query: string,
  reader: Reader | null
): Promise<DocSearchHit[]> => {
  const words = queryWords(query);
  const hits = (await readablePages(strapi, reader, ['body']))
    .map((row) => {
      const title = fold(row.title);
      const description = fold(row.description ?? '');
      const body = plainText(row.body ?? '');
      const all = `${title}\n${description}\n${fold(body)}`;
      if (!words.every((word) => all.includes(word))) return null;
      const score =
        3 * words.filter((word) => title.includes(word)).length +
        2 * words.filter((word) => description.includes(word)).length;
      const inBody = words.some((word) => fold(body).includes(word));
      const excerpt = inBody || !row.description ? excerptOf(body, words) : row.description;
      return { score, summary: summaryOf(row), excerpt };
    })
    .filter((hit) => hit !== null);
  return hits
    .sort((a, b) => b.score - a.score || bySectionOrderTitle(a.summary, b.summary))
    .slice(0, DOC_LIMITS.searchResults)
    .map(({ summary, excerpt }) => ({
      slug: summary.slug,
      title: summary.title,
      section: summary.section,
      excerpt,
    }));
};
