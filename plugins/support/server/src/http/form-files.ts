import { rm } from 'node:fs/promises';

import type { Context } from 'koa';

import type { NewAttachment } from '../attachments/store-attachments';
import { checkFormFiles } from '../attachments/store-attachments';

interface FormidableFile {
  filepath: string;
  originalFilename: string | null;
  mimetype: string | null;
  size: number;
}

/** The files of a multipart request, whatever field they came under. */
const formFilesOf = (ctx: Context): FormidableFile[] =>
  Object.values(
    (ctx.request as { files?: Record<string, FormidableFile | FormidableFile[]> }).files ?? {}
  ).flat();

/**
 * Runs `handle` with the request's files checked against the limits (400 naming `files`), and
 * removes the temporary files afterwards, whatever became of them.
 */
export const withFormFiles = async <T>(
  ctx: Context,
  handle: (files: NewAttachment[]) => Promise<T>
) => {
  const files = formFilesOf(ctx);
  try {
    checkFormFiles(files);
    return await handle(
      files.map((file) => ({
        filename: file.originalFilename ?? 'file',
        contentType: file.mimetype ?? 'application/octet-stream',
        filepath: file.filepath,
        size: file.size,
      }))
    );
  } finally {
    await Promise.all(files.map((file) => rm(file.filepath, { force: true })));
  }
};

/** The text fields of a JSON or multipart body. */
export const bodyFieldsOf = (ctx: Context): unknown =>
  (ctx.request as { body?: unknown }).body ?? {};
