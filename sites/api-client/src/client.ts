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

/** The names of a path's `{parameters}`: `'clinic' | 'document'` of `/cabinet/clinics/{clinic}/pages/{document}`. */
type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;

/**
 * Values of a path's parameters, named after the path itself: the OpenAPI description declares
 * them for the generated content API, but not for custom routes such as the cabinet's.
 */
export type PathParams<P extends string> = [ParamNames<P>] extends [never]
  ? never
  : Record<ParamNames<P>, string | number>;

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

/** Paths of the content API that answer POST. */
export type WritablePath = {
  [P in keyof paths]: paths[P] extends { post: object } ? P : never;
}[keyof paths];

/** Paths of the content API that answer PUT. */
export type ReplaceablePath = {
  [P in keyof paths]: paths[P] extends { put: object } ? P : never;
}[keyof paths];

/** Paths of the content API that answer DELETE. */
export type DeletablePath = {
  [P in keyof paths]: paths[P] extends { delete: object } ? P : never;
}[keyof paths];

export interface WriteOptions<P extends string = string> {
  /** Values of `{clinic}` and the like in the path. */
  path?: PathParams<P>;
  /** A JSON body (e.g. `{ data: { … } }`), or a multipart form (files with `data` as JSON). */
  body: Record<string, unknown> | FormData;
  /** A VixenHealth ID access token, for what needs a signed-in person. */
  token?: string;
  signal?: AbortSignal;
}

export interface CmsClientOptions {
  /** The CMS's origin, e.g. `http://localhost:1337`; the content API is under `/api`. */
  baseUrl: string;
  fetch?: typeof fetch;
}

/**
 * A typed client of the CMS's content API: paths, their parameters and the shapes of their
 * answers come from the generated OpenAPI types, so a site that reads a field the CMS no longer
 * has stops compiling. `post`, `put` and `delete` write (reviews, the cabinet) with a person's
 * access token.
 *
 * @example
 * ```ts
 * const cms = createCmsClient({ baseUrl: 'http://localhost:1337' });
 * const { data } = await cms.get('/clinics', { query: { filters: { city: { $eq: 'Москва' } } } });
 * ```
 */
export const createCmsClient = ({ baseUrl, fetch: fetchImpl = fetch }: CmsClientOptions) => {
  /** `/api` + `path` with its `{parameters}` filled in, each encoded. */
  const urlOf = (path: string, params: Record<string, unknown> | undefined, query = '') => {
    const filled = path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      const value = params?.[name];
      if (value === undefined) throw new TypeError(`The path ${path} needs "${name}"`);
      return encodeURIComponent(String(value));
    });
    return `${baseUrl}/api${filled}${query ? `?${query}` : ''}`;
  };

  /** A write's request: JSON, or multipart for a `FormData`. */
  const writeInit = (method: string, options: Pick<WriteOptions, 'body' | 'signal'>) => {
    const json = !(options.body instanceof FormData);
    // fetch sets the multipart boundary itself; only JSON needs its type named.
    const headers: Record<string, string> = json ? { 'content-type': 'application/json' } : {};
    return {
      method,
      headers,
      body: json ? JSON.stringify(options.body) : (options.body as FormData),
      signal: options.signal,
    } satisfies RequestInit;
  };

  /** Sends one request; the CMS's JSON answer, or a {@link CmsApiError} when it refuses. */
  const send = async (url: string, init: RequestInit, token: string | undefined) => {
    const headers = new Headers(init.headers);
    headers.set('accept', 'application/json');
    if (token) headers.set('authorization', `Bearer ${token}`);
    const response = await fetchImpl(url, { ...init, headers });
    const body = (await response.json().catch(() => null)) as
      ({ error?: CmsApiError['error'] } & Record<string, unknown>) | null;
    if (!response.ok) throw new CmsApiError(response.status, body?.error ?? null);
    return body;
  };

  /** A write with a body (`post`, `put`); the caller names the answer (`T`). */
  const write = async <T, P extends string>(
    method: 'POST' | 'PUT',
    path: P,
    options: WriteOptions<P>
  ): Promise<T> =>
    (await send(urlOf(path, options.path), writeInit(method, options), options.token)) as T;

  return {
    async get<P extends ReadablePath>(
      path: P,
      options: ReadOptions<P> = {}
    ): Promise<ReadResult<P>> {
      const query = options.query ? toQueryString(options.query) : '';
      const url = urlOf(path, options.path, query);
      return (await send(url, { signal: options.signal }, options.token)) as ReadResult<P>;
    },

    /**
     * Writes: JSON, or multipart when `body` is a `FormData`. The CMS's description does not
     * give the answers of its custom write routes a shape, so the caller names it (`T`),
     * from the route's contract in `cms/src`.
     *
     * @example
     * ```ts
     * const { data } = await cms.post<{ data: { advice: unknown } }>('/reviews/advice', {
     *   body: { data: { text: 'Приложение падает' } },
     * });
     * ```
     */
    async post<T, P extends WritablePath = WritablePath>(
      path: P,
      options: WriteOptions<P>
    ): Promise<T> {
      return write<T, P>('POST', path, options);
    },

    /** Replaces (the cabinet's edits), like {@link post}; the caller names the answer (`T`). */
    async put<T, P extends ReplaceablePath = ReplaceablePath>(
      path: P,
      options: WriteOptions<P>
    ): Promise<T> {
      return write<T, P>('PUT', path, options);
    },

    /**
     * Deletes; the CMS answers 204 with no body.
     *
     * @example
     * ```ts
     * await cms.delete('/cabinet/clinics/{clinic}/photos/{photo}', {
     *   path: { clinic, photo: 12 },
     *   token,
     * });
     * ```
     */
    async delete<P extends DeletablePath>(
      path: P,
      options: Omit<WriteOptions<P>, 'body'>
    ): Promise<void> {
      await send(
        urlOf(path, options.path),
        { method: 'DELETE', signal: options.signal },
        options.token
      );
    },
  };
};

export type CmsClient = ReturnType<typeof createCmsClient>;
