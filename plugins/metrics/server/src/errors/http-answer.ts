/**
 * A refusal of the collection endpoint, answered by our own middleware before Strapi's error
 * middleware runs: the body has Strapi's error shape (`error.status`, `error.name`,
 * `error.message`, `error.details.errors[].path`) so clients read it as any other API error.
 */
export class CollectionError extends Error {
  readonly status: number;
  readonly code: string;
  readonly path: (string | number)[] | null;
  /** Seconds the client should wait (429, 503). */
  readonly retryAfter: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { path?: (string | number)[]; retryAfter?: number } = {}
  ) {
    super(message);
    this.name = 'CollectionError';
    this.status = status;
    this.code = code;
    this.path = options.path ?? null;
    this.retryAfter = options.retryAfter ?? null;
  }

  /** The JSON body, in Strapi's shape. */
  toBody() {
    const name = STRAPI_NAMES[this.status] ?? 'ApplicationError';
    return {
      data: null,
      error: {
        status: this.status,
        name,
        message: this.message,
        details: this.path
          ? { code: this.code, errors: [{ path: this.path, message: this.message, name }] }
          : { code: this.code },
      },
    };
  }
}

const STRAPI_NAMES: Record<number, string> = {
  400: 'ValidationError',
  403: 'ForbiddenError',
  413: 'PayloadTooLargeError',
  415: 'ValidationError',
  429: 'RateLimitError',
  503: 'ServiceUnavailableError',
};

/** 400 naming the field (`['domain']`, or `[2, 'url']` in a batch). */
export const badField = (path: (string | number)[], message: string) =>
  new CollectionError(400, 'invalid_field', `${path.join('.')}: ${message}`, { path });
