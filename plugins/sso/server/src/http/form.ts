import type { Context } from 'koa';

/** Forms carry an email and a password at most; anything larger is not one of ours. */
const LIMIT_BYTES = 8 * 1024;

export class FormTooLargeError extends Error {
  readonly status = 413;
}

/** Reads an `application/x-www-form-urlencoded` body into string fields (first value wins). */
export const readForm = async (ctx: Context): Promise<Record<string, string>> => {
  if (!ctx.is('application/x-www-form-urlencoded')) return {};
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > LIMIT_BYTES) throw new FormTooLargeError('Form too large');
    chunks.push(chunk as Buffer);
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) {
    if (!(name in fields)) fields[name] = value;
  }
  return fields;
};
