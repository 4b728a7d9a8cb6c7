import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { TelephonyError } from '../errors';

/** A recording fetched to a temporary file, for the upload plugin to store. */
export interface DownloadedRecording {
  filepath: string;
  size: number;
  mime: string;
  ext: string;
}

const EXTENSIONS: Record<string, string> = {
  'audio/mpeg': '.mp3',
  'audio/mp3': '.mp3',
  'audio/wav': '.wav',
  'audio/x-wav': '.wav',
  'audio/wave': '.wav',
  'audio/ogg': '.ogg',
  'audio/mp4': '.m4a',
  'audio/webm': '.webm',
};

const failed = (message: string) => new TelephonyError('provider-failed', message);

/**
 * Writes a provider's answer to a temporary file when it is audio of at most `maxBytes`
 * (counted as it arrives, whatever Content-Length claims); anything else is refused and leaves
 * no file.
 */
export const downloadRecording = async (
  response: Response,
  maxBytes: number
): Promise<DownloadedRecording> => {
  if (!response.ok || !response.body) {
    throw failed(`the recording could not be fetched (HTTP ${response.status})`);
  }
  const mime = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!mime.startsWith('audio/')) {
    await response.body.cancel();
    throw failed(`the recording is not audio (${mime || 'no type'})`);
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body.cancel();
    throw failed(`the recording is larger than ${maxBytes} bytes`);
  }
  const filepath = path.join(tmpdir(), `telephony-recording-${randomUUID()}`);
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(
        size > maxBytes ? failed(`the recording is larger than ${maxBytes} bytes`) : null,
        chunk
      );
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
      limit,
      createWriteStream(filepath)
    );
  } catch (error) {
    await rm(filepath, { force: true });
    throw error;
  }
  return { filepath, size, mime, ext: EXTENSIONS[mime] ?? '.audio' };
};
