import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { pathOfStored } from '../attachments/store-attachments';
import { notFound } from '../errors';

/**
 * Answers with a stored private file as a download: never rendered inline, never sniffed, so a
 * file someone sent cannot run as a page of ours.
 */
export const sendStoredFile = async (
  strapi: Core.Strapi,
  ctx: Context,
  file: { name: string; mime: string; hash: string; ext: string }
) => {
  const filePath = pathOfStored(strapi, file);
  const stats = await stat(filePath).catch(() => null);
  if (!stats) throw notFound('File');
  ctx.set('Content-Type', file.mime);
  ctx.set('Content-Length', String(stats.size));
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'private, no-store');
  ctx.body = createReadStream(filePath);
};
