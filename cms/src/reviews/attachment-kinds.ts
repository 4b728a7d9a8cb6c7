import { open } from 'node:fs/promises';
import path from 'node:path';

import { MB, REVIEW_ATTACHMENTS } from '../contracts';
import { fieldError } from '../errors';
import type { IncomingFile } from './incoming-files';

const { maxBytes } = REVIEW_ATTACHMENTS;

/** What may be attached, recognised by content; the extension must agree with it. */
export const ATTACHMENT_KINDS = {
  jpeg: { mime: 'image/jpeg', extensions: ['.jpg', '.jpeg'], maxBytes: maxBytes.image, log: false },
  png: { mime: 'image/png', extensions: ['.png'], maxBytes: maxBytes.image, log: false },
  webp: { mime: 'image/webp', extensions: ['.webp'], maxBytes: maxBytes.image, log: false },
  mp4: { mime: 'video/mp4', extensions: ['.mp4'], maxBytes: maxBytes.video, log: false },
  text: { mime: 'text/plain', extensions: ['.log', '.txt'], maxBytes: maxBytes.log, log: true },
  json: { mime: 'application/json', extensions: ['.json'], maxBytes: maxBytes.log, log: true },
} as const;

export type AttachmentKind = keyof typeof ATTACHMENT_KINDS;

const MAX_FILES = REVIEW_ATTACHMENTS.maxFiles;
const MAX_TOTAL_BYTES = REVIEW_ATTACHMENTS.maxTotalBytes;

/** An attachment that passed every check: what it is, under a safe name. */
export interface CheckedFile extends IncomingFile {
  kind: AttachmentKind;
  mime: string;
  name: string;
}

const startsWith = (head: Buffer, bytes: number[], offset = 0) =>
  bytes.every((byte, index) => head[offset + index] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The binary kinds, by their magic numbers. */
const binaryKindOf = (head: Buffer): AttachmentKind | null => {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(head, ascii('ftyp'), 4)) return 'mp4';
  return null;
};

/** Text: valid UTF-8 without NUL or other binary control bytes (an executable is neither). */
const isText = (content: Buffer): boolean => {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    // eslint-disable-next-line no-control-regex
    return !/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(text);
  } catch {
    return false;
  }
};

const readHead = async (file: IncomingFile, length: number): Promise<Buffer> => {
  const handle = await open(file.filepath, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(length, file.size));
    await handle.read(buffer, 0, buffer.length, 0);
    return buffer;
  } finally {
    await handle.close();
  }
};

/** A name safe to store and show: the base name, without path or odd characters, kept short. */
const safeName = (original: string, extension: string): string => {
  const base = path
    .basename(original, path.extname(original))
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._-]/gu, '_')
    .slice(0, 80)
    .trim();
  return `${base || 'file'}${extension}`;
};

/**
 * Checks one file by its content: the kind its bytes show must be one we accept and match its
 * extension, within that kind's size limit.
 * @throws ValidationError naming `files.<file name>`: the order files arrive in is not theirs.
 */
export const checkFile = async (file: IncomingFile): Promise<CheckedFile> => {
  const field = ['files', file.originalFilename ?? ''];
  const extension = path.extname(file.originalFilename ?? '').toLowerCase();
  const claimed = (Object.keys(ATTACHMENT_KINDS) as AttachmentKind[]).find((kind) =>
    (ATTACHMENT_KINDS[kind].extensions as readonly string[]).includes(extension)
  );
  if (!claimed) {
    throw fieldError(
      field,
      'Attach images (jpeg, png, webp), an mp4 video or log files (.log, .txt, .json)',
      file.originalFilename
    );
  }
  const limit = ATTACHMENT_KINDS[claimed].maxBytes;
  if (file.size > limit) {
    throw fieldError(field, `${file.originalFilename} is larger than ${limit / MB} MB`);
  }
  if (file.size === 0) throw fieldError(field, `${file.originalFilename} is empty`);

  let actual: AttachmentKind | null;
  if (ATTACHMENT_KINDS[claimed].log) {
    const content = await readHead(file, limit);
    actual = isText(content) ? claimed : null;
    if (actual === 'json') {
      try {
        JSON.parse(content.toString('utf8'));
      } catch {
        actual = null;
      }
    }
  } else {
    actual = binaryKindOf(await readHead(file, 16));
  }
  if (actual !== claimed) {
    throw fieldError(
      field,
      `${file.originalFilename} is not what its name says (${extension}): its content is not accepted`
    );
  }
  return {
    ...file,
    kind: actual,
    mime: ATTACHMENT_KINDS[actual].mime,
    name: safeName(file.originalFilename, extension),
  };
};

/** Checks a review's files: how many, their total size, then each one. */
export const checkFiles = async (files: IncomingFile[]): Promise<CheckedFile[]> => {
  if (files.length > MAX_FILES) {
    throw fieldError('files', `At most ${MAX_FILES} files may be attached to a review`);
  }
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > MAX_TOTAL_BYTES) {
    throw fieldError('files', `Attachments may take at most ${MAX_TOTAL_BYTES / MB} MB in all`);
  }
  const checked: CheckedFile[] = [];
  for (const file of files) checked.push(await checkFile(file));
  return checked;
};
