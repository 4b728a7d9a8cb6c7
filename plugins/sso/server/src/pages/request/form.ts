import type { IncomingMessage } from 'node:http';

import type { Context } from 'koa';

import type { MessageKey } from '../i18n/messages';

/** Forms carry an email and a password at most; anything larger is not one of ours. */
const LIMIT_BYTES = 8 * 1024;
/**
 * An oversized body is still read to its end (and thrown away) up to this size, so the answer
 * reaches the browser and its connection stays usable; beyond it, the connection is dropped.
 */
const DRAIN_LIMIT_BYTES = 4 * 1024 * 1024;

/** A form body over the limit: answered 413 with the connection closed after the page. */
export class FormTooLargeError extends Error {
  readonly status = 413;
  readonly messageKey: MessageKey = 'error.too-large';

  constructor() {
    super(`Form larger than ${LIMIT_BYTES} bytes`);
    this.name = 'FormTooLargeError';
  }
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: Error) => {
      req.off('data', onData).off('end', onEnd).off('error', stop);
      // Flowing with nobody listening: the rest is read and dropped while the page is sent.
      req.resume();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) stop(new FormTooLargeError());
      else if (size <= LIMIT_BYTES) chunks.push(chunk);
    };
    const onEnd = () => {
      if (size > LIMIT_BYTES) reject(new FormTooLargeError());
      else resolve(Buffer.concat(chunks));
    };
    if (Number(req.headers['content-length']) > DRAIN_LIMIT_BYTES) {
      stop(new FormTooLargeError());
      return;
    }
    req.on('data', onData).once('end', onEnd).once('error', stop);
  });

/** Reads an `application/x-www-form-urlencoded` body into string fields (first value wins). */
export const readForm = async (ctx: Context): Promise<Record<string, string>> => {
  if (!ctx.is('application/x-www-form-urlencoded')) return {};
  const body = await readBody(ctx.req);
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body.toString('utf8'))) {
    if (!(name in fields)) fields[name] = value;
  }
  return fields;
};
