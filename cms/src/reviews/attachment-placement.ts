import { randomBytes } from 'node:crypto';
import { copyFile, rename, rm, stat } from 'node:fs/promises';

import type { Core } from '@strapi/strapi';

import { REVIEW, UPLOAD_FILE } from '../content-types/uids';
import {
  locationOf,
  otherLocation,
  pathIn,
  urlIn,
  type StoredPart,
  type UploadLocation,
} from './upload-locations';

interface FileRow extends StoredPart {
  id: number;
  formats: Record<string, StoredPart> | null;
}

/** A review's files are public exactly while the review is: approved and public. */
export const attachmentLocationOf = (review: {
  moderationStatus: string;
  visibility: string;
}): UploadLocation =>
  review.moderationStatus === 'approved' && review.visibility === 'public' ? 'public' : 'private';

/** The original and every format the upload plugin derived from it. */
const partsOf = (row: FileRow): StoredPart[] => [row, ...Object.values(row.formats ?? {})];

/**
 * Records `location` as the place of every part of these files that is elsewhere: the bytes follow
 * with {@link settleFiles}. Returns the ids of the rows changed.
 */
const pointFilesAt = async (strapi: Core.Strapi, rows: FileRow[], location: UploadLocation) => {
  const moving = rows.filter((row) =>
    partsOf(row).some((part) => locationOf(part.url) !== location)
  );
  for (const row of moving) {
    const formats =
      row.formats &&
      Object.fromEntries(
        Object.entries(row.formats).map(([key, part]) => [
          key,
          { ...part, url: urlIn(location, part) },
        ])
      );
    await strapi.db
      .query(UPLOAD_FILE)
      .update({ where: { id: row.id }, data: { url: urlIn(location, row), formats } });
  }
  return moving.map((row) => row.id);
};

const isFile = (file: string) =>
  stat(file).then(
    (found) => found.isFile(),
    () => false
  );

/** Moves one stored part to the folder its URL names, if it is not there yet. */
const settlePart = async (strapi: Core.Strapi, rowId: number, part: StoredPart) => {
  const location = locationOf(part.url);
  if (!location) return;
  const here = pathIn(strapi, location, part);
  const there = pathIn(strapi, otherLocation(location), part);
  if (!(await isFile(here))) {
    if (!(await isFile(there))) {
      strapi.log.warn(`Upload ${rowId}: a stored file is missing from both upload folders`);
      return;
    }
    const partial = `${here}.${randomBytes(6).toString('hex')}.partial`;
    await copyFile(there, partial);
    await rename(partial, here);
  }
  await rm(there, { force: true });
};

/**
 * Makes the bytes of every part of these files be where their row says, and only there. A copy is
 * written under a temporary name and renamed, so no half file ever stands under the real name,
 * and the other copy is removed only once this one is complete: nothing is lost if it stops
 * midway, and running it again finishes the move (or changes nothing). Every part is tried.
 * @throws AggregateError of the parts that could not be moved.
 */
export const settleFiles = async (strapi: Core.Strapi, ids: number[]) => {
  if (ids.length === 0) return;
  const rows: FileRow[] = await strapi.db
    .query(UPLOAD_FILE)
    .findMany({ where: { id: { $in: ids } } });
  const failures: unknown[] = [];
  for (const row of rows) {
    for (const part of partsOf(row)) {
      await settlePart(strapi, row.id, part).catch((error: unknown) => failures.push(error));
    }
  }
  if (failures.length > 0) {
    throw new AggregateError(failures, `${failures.length} stored files could not be moved`);
  }
};

/** Moves files whose rows are already settled in the database, logging rather than throwing. */
const settleAfterwards = async (strapi: Core.Strapi, ids: number[]) => {
  try {
    await settleFiles(strapi, ids);
  } catch (error) {
    const codes = ((error as AggregateError).errors ?? [error]).map(
      (cause: NodeJS.ErrnoException) => cause.code ?? cause.name
    );
    // Error codes only: the messages carry file names, which patients chose.
    strapi.log.error(
      `Uploads ${ids.join(', ')} are not where their records say yet (${codes.join(', ')}); the next start moves them`
    );
  }
};

const attachmentsOf = async (strapi: Core.Strapi, reviewId: number): Promise<FileRow[]> =>
  (
    await strapi.db
      .query(REVIEW)
      .findOne({ where: { id: reviewId }, select: ['id'], populate: { attachments: true } })
  )?.attachments ?? [];

/** Brings one review's files to `location` from inside the change that decides it. */
export type PlaceAttachments = (reviewId: number, location: UploadLocation) => Promise<void>;

/**
 * Runs `change` (a transaction that changes reviews' statuses and calls `place` for each) so that
 * no file is ever public while its review is not: files leave `public/uploads` before the change
 * commits, and enter it only after. If the change fails, the files go back to where the rolled
 * back records say; if the process dies midway, {@link placeAllAttachments} at the next start
 * finishes the move.
 */
export const withAttachmentsPlaced = async <T>(
  strapi: Core.Strapi,
  change: (place: PlaceAttachments) => Promise<T>
): Promise<T> => {
  const moved: number[] = [];
  const place: PlaceAttachments = async (reviewId, location) => {
    const ids = await pointFilesAt(strapi, await attachmentsOf(strapi, reviewId), location);
    moved.push(...ids);
    if (location === 'private') await settleFiles(strapi, ids);
  };
  try {
    return await change(place);
  } finally {
    await settleAfterwards(strapi, moved);
  }
};

/**
 * At start: every review's files are brought to where its status says they belong, finishing
 * moves a stop interrupted (and moving out files that an older version left public).
 */
export const placeAllAttachments = async (strapi: Core.Strapi) => {
  const reviews: { moderationStatus: string; visibility: string; attachments: FileRow[] }[] =
    await strapi.db.query(REVIEW).findMany({
      where: { attachments: { id: { $notNull: true } } },
      select: ['id', 'moderationStatus', 'visibility'],
      populate: { attachments: true },
    });
  for (const review of reviews) {
    const location = attachmentLocationOf(review);
    await pointFilesAt(strapi, review.attachments, location);
    await settleFiles(
      strapi,
      review.attachments.map((file) => file.id)
    );
  }
};
