import { rm } from 'node:fs/promises';

import type { Context } from 'koa';

/** A file as it arrived (a temporary file on disk), before any check. */
export interface IncomingFile {
  filepath: string;
  originalFilename: string;
  size: number;
}

/** The files of a multipart request, whatever fields they came under. */
export const filesOf = (ctx: Context): IncomingFile[] =>
  Object.values((ctx.request as { files?: Record<string, unknown> }).files ?? {})
    .flat()
    .map((file) => file as IncomingFile);

/** Removes the request's temporary files, whatever became of them. */
export const dropTemporaryFiles = (files: IncomingFile[]) =>
  Promise.all(files.map((file) => rm(file.filepath, { force: true })));
