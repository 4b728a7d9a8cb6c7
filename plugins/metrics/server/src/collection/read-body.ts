import type { IncomingMessage } from 'node:http';

import { CollectionError } from '../errors/http-answer';

/**
 * Reads a request body as UTF-8, refusing it (413) as soon as more than `limit` bytes arrived:
 * Content-Length is checked first to refuse early, but never trusted to bound what is read.
 */
export const readBody = (req: IncomingMessage, limit: number): Promise<string> => {
  const tooLarge = () =>
    new CollectionError(413, 'body_too_large', `The body is larger than ${limit} bytes`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        // Stop buffering; the rest is drained and dropped by Node after the answer.
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size).toString('utf8'));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
};
