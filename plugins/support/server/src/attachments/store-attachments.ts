import { randomUUID } from 'node:crypto';
import { open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Core } from '@strapi/strapi';

import { SUPPORT_LIMITS } from '../../../shared/contracts';
import type { SupportConfig } from '../config';
import { fieldError } from '../errors';
import { sniffContentType } from './content-type';

/** A file to keep with a message: bytes in memory (a channel) or a temporary file (a form). */
export type NewAttachment =
  | { filename: string; contentType: string; content: Uint8Array }
  | { filename: string; contentType: string; filepath: string; size: number };

const { maxFiles, maxBytes } = SUPPORT_LIMITS.attachments;

/** A name safe to store and show: no path, no control characters, a sane length. */
export const safeFileName = (name: string, ext: string) => {
  const base = path
    .basename(name || 'file')
    .replace(/[\p{Cc}<>:"/\\|?*]+/gu, '_')
    .slice(0, 120);
  const withoutExt =
    ext && !base.toLowerCase().endsWith(ext) ? base : base.slice(0, base.length - ext.length);
  return `${withoutExt || 'file'}${ext}`;
};

const headOf = async (file: NewAttachment) => {
  if ('content' in file) return Buffer.from(file.content.subarray(0, 512));
  const handle = await open(file.filepath, 'r');
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, 512, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

/**
 * Refuses a form's files over the limits, naming the field, before anything is stored. Files
 * arriving by mail or messenger are never refused: they are what someone sent, kept whole.
 */
export const checkFormFiles = (files: { size: number }[]) => {
  if (files.length > maxFiles) throw fieldError('files', `at most ${maxFiles} files`);
  const tooBig = files.findIndex((file) => file.size > maxBytes);
  if (tooBig >= 0) {
    throw fieldError(
      ['files', String(tooBig)],
      `a file may be at most ${maxBytes / 1024 / 1024} MB`
    );
  }
};

/**
 * Stores files with Strapi's upload plugin in the private folder (nothing serves it by URL),
 * typed by their content. When one fails, those already stored are removed: a failed message
 * leaves no file behind. Returns the file ids to relate to the message.
 */
export const storeAttachments = async (strapi: Core.Strapi, files: NewAttachment[]) => {
  const config = strapi.config.get('plugin::support') as SupportConfig;
  const upload = strapi.plugin('upload').service('upload');
  const stored: { id: number }[] = [];
  try {
    for (const file of files) {
      const type = sniffContentType(await headOf(file), file.contentType);
      const name = safeFileName(file.filename, type.ext);
      let filepath: string;
      let size: number;
      if ('content' in file) {
        filepath = path.join(tmpdir(), `support-${randomUUID()}`);
        await writeFile(filepath, file.content);
        size = file.content.byteLength;
      } else {
        ({ filepath, size } = file);
      }
      const store = (fileName: string, mimetype: string) =>
        upload.upload({
          data: {
            fileInfo: { name: fileName, alternativeText: null, caption: null },
            path: config.privateUploadPath,
          },
          files: { filepath, originalFilename: fileName, mimetype, size },
        });
      try {
        // An image the upload plugin cannot read (cut off, corrupt) is still what someone
        // sent: it is kept as an opaque file rather than lost.
        const [entry] = await store(name, type.mime).catch((error: unknown) => {
          if (!type.mime.startsWith('image/')) throw error;
          return store(safeFileName(file.filename, '.bin'), 'application/octet-stream');
        });
        stored.push(entry);
      } finally {
        if ('content' in file) await rm(filepath, { force: true });
      }
    }
    return stored.map((entry) => entry.id);
  } catch (error) {
    await removeStoredFiles(
      strapi,
      stored.map((entry) => entry.id)
    );
    throw error;
  }
};

/** Removes stored files (a message that did not commit, a deleted ticket). */
export const removeStoredFiles = async (strapi: Core.Strapi, ids: number[]) => {
  const upload = strapi.plugin('upload').service('upload');
  for (const id of ids) {
    const file = await upload.findOne(id);
    if (file) await upload.remove(file);
  }
};

/** Where a stored private file's bytes are on disk. */
export const pathOfStored = (strapi: Core.Strapi, file: { hash: string; ext: string }) => {
  const config = strapi.config.get('plugin::support') as SupportConfig;
  return path.join(config.privateUploadsDir, `${file.hash}${file.ext}`);
};
