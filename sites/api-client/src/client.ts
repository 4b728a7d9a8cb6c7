import type { paths } from './schema';
import { toQueryString, type QueryObject } from './query-string';

/** Paths of the content API that answer GET. */
export type ReadablePath = {
  [P in keyof paths]: paths[P] extends { get: object } ? P : never;
}[keyof paths];

type GetOperation<P extends ReadablePath> = paths[P] extends { get: infer Operation }
  ? Operation
  : never;

/** The JSON a GET of `P` answers with 200, as the CMS's OpenAPI description says. */
export type ReadResult<P extends ReadablePath> =
  GetOperation<P> extends { responses: { 200: { content: { 'application/json': infer Body } } } }
    ? Body
    : unknown;

type PathParams<P extends ReadablePath> =
  GetOperation<P> extends { parameters: { path: infer Params } }
    ? Params extends Record<string, unknown>
      ? Params
      : never
    : never;

export interface ReadOptions<P extends ReadablePath> {
  /** Values of `{id}` and the like in the path. */
  path?: PathParams<P>;
  query?: QueryObject;
  /** A VixenHealth ID access token, for what needs a signed-in person. */
  token?: string;
  signal?: AbortSignal;
}

/** A refused or failed request, with the CMS's error when it sent one. */
export class CmsApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: { name?: string; message?: string; details?: unknown } | null
  ) {
    super(error?.message ?? `The CMS answered ${status}`);
    this.name = 'CmsApiError';
  }
}

export interface CmsClientOptions {
  /** The CMS's origin, e.g. `http://localhost:1337`; the content API is under `/api`. */
  baseUrl: string;
  fetch?: typeof fetch;
}

/**
 * A typed reader of the CMS's content API: paths, their parameters and the shapes of their
 * answers come from the generated OpenAPI types, so a site that reads a field the CMS no longer
 * has stops compiling.
 *
 * @example
 * ```ts
 * const cms = createCmsClient({ baseUrl: 'http://localhost:1337' });
 * const { data } = await cms.get('/clinics', { query: { filters: { city: { $eq: 'Москва' } } } });
 * ```
 */
export const createCmsClient = ({ baseUrl, fetch: fetchImpl = fetch }: CmsClientOptions) => ({
  async get<P extends ReadablePath>(path: P, options: ReadOptions<P> = {}): Promise<ReadResult<P>> {
    const filled = String(path).replace(/\{(\w+)\}/g, (_match, name: string) => {
      const value = (options.path as Record<string, unknown> | undefined)?.[name];
      if (value === undefined) throw new TypeError(`The path ${path} needs "${name}"`);
      return encodeURIComponent(String(value));
    });
    const query = options.query ? toQueryString(options.query) : '';
    const response = await fetchImpl(`${baseUrl}/api${filled}${query ? `?${query}` : ''}`, {
      headers: {
        accept: 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      signal: options.signal,
    });
    const body = (await response.json().catch(() => null)) as
      ({ error?: CmsApiError['error'] } & Record<string, unknown>) | null;
    if (!response.ok) throw new CmsApiError(response.status, body?.error ?? null);
    return body as ReadResult<P>;
  },
});

export type CmsClient = ReturnType<typeof createCmsClient>;
