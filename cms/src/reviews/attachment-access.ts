import { createReadStream } from 'node:fs';
import path from 'node:path';

import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

import { reviewNotFound } from './review-error';
import { REVIEW } from './uids';

const FILE = 'plugin::upload.file';
const UPLOADS_PREFIX = '/uploads/';

interface FileEntry {
  id: number;
  name: string;
  url: string;
  mime: string;
  size: number;
}

/** The review a file is attached to, if any (media relations are stored morph-style). */
const reviewOfFile = async (strapi: Core.Strapi, fileId: number) => {
  const link = await strapi.db
    .connection('files_related_mph')
    .where({ file_id: fileId, related_type: REVIEW })
    .first('related_id');
  if (!link) return null;
  return strapi.db.query(REVIEW as never).findOne({
    where: { id: link.related_id },
    select: ['id', 'documentId', 'moderationStatus', 'visibility'],
  });
};

/**
 * Whether the file at `url` belongs to a review nobody may see yet: one query, as it runs for
 * every file served from /uploads (clinic photos included).
 */
const isHiddenReviewFile = async (strapi: Core.Strapi, url: string): Promise<boolean> => {
  const files = strapi.db.metadata.get(FILE as never).tableName;
  const reviews = strapi.db.metadata.get(REVIEW as never).tableName;
  const review = await strapi.db
    .connection(`${files} as f`)
    .join('files_related_mph as l', 'l.file_id', 'f.id')
    .join(`${reviews} as r`, 'r.id', 'l.related_id')
    .where({ 'f.url': url, 'l.related_type': REVIEW })
    .first('r.moderation_status as moderationStatus', 'r.visibility as visibility');
  return (
    Boolean(review) && !(review.moderationStatus === 'approved' && review.visibility === 'public')
  );
};

/**
 * Files of reviews are served at their public URL only while the review is approved and public:
 * a pending, rejected, hidden or private review's photos and logs answer 404 there, and reach
 * their author and moderators through {@link sendAttachment}, behind sign-in.
 */
export const guardReviewUploads = (strapi: Core.Strapi) => async (ctx: Context, next: Next) => {
  if (!ctx.path.startsWith(UPLOADS_PREFIX) || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) {
    return next();
  }
  if (await isHiddenReviewFile(strapi, ctx.path)) {
    ctx.status = 404;
    ctx.body = 'Not Found';
    return undefined;
  }
  return next();
};

/** Streams one file of a review the caller may see (checked by the caller), as a download. */
export const sendAttachment = async (
  strapi: Core.Strapi,
  ctx: Context,
  reviewId: number,
  fileId: number
) => {
  const review = await reviewOfFile(strapi, fileId);
  if (!review || review.id !== reviewId) throw reviewNotFound();
  const file: FileEntry | null = await strapi.db.query(FILE).findOne({ where: { id: fileId } });
  if (!file || !file.url.startsWith(UPLOADS_PREFIX)) throw reviewNotFound();
  const publicDir = strapi.dirs.static.public;
  ctx.type = file.mime;
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'private, no-store');
  ctx.body = createReadStream(path.join(publicDir, file.url));
};
