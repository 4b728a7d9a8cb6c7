import { bodyLimitFor, type BodyLimit } from './body-limits';

/** A posted body larger than its form may be: answered 413 (see the middleware). */
export class BodyTooLargeError extends Error {
  readonly code = 'ERR_BODY_TOO_LARGE';
  readonly status = 413;

  constructor(readonly limit: BodyLimit) {
    super(`Запрос слишком большой. ${limit.message}`);
    this.name = 'BodyTooLargeError';
  }
}

/** The limit of `request`'s form, refused at once when its Content-Length already exceeds it. */
export const checkDeclaredSize = (request: Request, pathname: string): BodyLimit => {
  const limit = bodyLimitFor(pathname);
  if (Number(request.headers.get('content-length') ?? 0) > limit.bytes) {
    throw new BodyTooLargeError(limit);
  }
  return limit;
};

const boundaryOf = (contentType: string) =>
  /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)?.slice(1).find(Boolean) ?? null;

/** Counts a multipart body's delimiters as it streams, a delimiter cut between chunks too. */
const delimiterCounter = (boundary: string) => {
  const delimiter = Buffer.from(`--${boundary}`);
  let carry = Buffer.alloc(0);
  let count = 0;
  return (chunk: Uint8Array) => {
    const window = Buffer.concat([carry, chunk]);
    for (let at = window.indexOf(delimiter); at !== -1; at = window.indexOf(delimiter, at + 1)) {
      count += 1;
    }
    // Shorter than a delimiter: no match found above lies wholly inside it, none is counted twice.
    carry = window.subarray(Math.max(0, window.length - delimiter.length + 1));
    return count;
  };
};

/**
 * The form posted in `request`, read within the limit of its path ({@link bodyLimitFor}):
 * bytes are counted as they arrive, and multipart parts too, so that a chunked body without a
 * Content-Length is cut off as soon as it passes the limit; then a {@link BodyTooLargeError}.
 *
 * @example
 * ```ts
 * const form = await readForm(Astro.request);
 * ```
 */
export const readForm = async (request: Request): Promise<FormData> => {
  const limit = checkDeclaredSize(request, new URL(request.url).pathname);
  const contentType = request.headers.get('content-type') ?? '';
  const boundary = boundaryOf(contentType);
  const countDelimiters = boundary ? delimiterCounter(boundary) : () => 0;
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = request.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    bytes += read.value.byteLength;
    // One delimiter more than parts: the closing one.
    if (bytes > limit.bytes || countDelimiters(read.value) > limit.parts + 1) {
      await reader!.cancel();
      throw new BodyTooLargeError(limit);
    }
    chunks.push(read.value);
  }
  return new Response(Buffer.concat(chunks), {
    headers: { 'content-type': contentType },
  }).formData();
};
