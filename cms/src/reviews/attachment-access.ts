import { createReadStream, existsSync } from 'node:fs';

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { REVIEW, UPLOAD_FILE } from '../content-types/uids';
import { notFound } from '../errors';
import { locationOf, otherLocation, pathIn, type StoredPart } from './upload-locations';

interface FileEntry extends StoredPart {
  id: number;
  name: string;
  mime: string;
}

/** The review a file is attached to, if any (media relations are stored morph-style). */
const reviewOfFile = async (strapi: Core.Strapi, fileId: number) => {
  const link = await strapi.db
    .connection('files_related_mph')
    .where({ file_id: fileId, related_type: REVIEW })
    .first('related_id');
  if (!link) return null;
  return strapi.db.query(REVIEW).findOne({
    where: { id: link.related_id },
    select: ['id'],
  });
};

/**
 * Streams one file of a review the caller may see (checked by the caller), as a download, from
 * the folder it is in: public or not, and even while a decision is moving it.
 */
export const sendAttachment = async (
  strapi: Core.Strapi,
  ctx: Context,
  reviewId: number,
  fileId: number
) => {
  const review = await reviewOfFile(strapi, fileId);
  if (!review || review.id !== reviewId) throw notFound('Review');
  const file: FileEntry | null = await strapi.db
    .query(UPLOAD_FILE)
    .findOne({ where: { id: fileId } });
  const location = file && locationOf(file.url);
  if (!location) throw notFound('Review');
  const stored = [location, otherLocation(location)]
    .map((place) => pathIn(strapi, place, file))
    .find((candidate) => existsSync(candidate));
  if (!stored) throw notFound('Review');
  ctx.type = file.mime;
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'private, no-store');
  ctx.body = createReadStream(stored);
};
