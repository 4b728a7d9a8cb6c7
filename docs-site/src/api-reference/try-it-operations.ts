import { slug } from 'github-slugger';

import spec from '../../openapi/cms.json';

/** An operation a reader may send from its reference page: a public GET answered in JSON. */
export interface TryableOperation {
  /** The path with `{name}` parameters, under `server` (`/api`, `/id`). */
  path: string;
  server: string;
  pathParameters: string[];
}

interface Parameter {
  name: string;
  in: string;
}

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

type PathItem = Partial<Record<string, Operation>> & { servers?: { url: string }[] };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Where starlight-openapi publishes this description's pages (`base` in astro.config.mjs). */
const REFERENCE_BASE = '/api/';

/** A path parameter that is itself a secret (a share link's token): never asked for on a page. */
const SECRET_PARAMETER = /token|secret|password|key/i;

const document = spec as unknown as {
  security?: Record<string, string[]>[];
  servers?: { url: string }[];
  paths: Record<string, PathItem>;
};

/** Anyone may call it: its security (or the document's) lists no requirement, or an empty one. */
const isAnonymous = (operation: Operation) => {
  const security = operation.security ?? document.security ?? [];
  return (
    security.length === 0 || security.some((requirement) => Object.keys(requirement).length === 0)
  );
};

const isTryable = (method: string, operation: Operation) =>
  method === 'get' &&
  isAnonymous(operation) &&
  operation.responses?.['200']?.content?.['application/json'] !== undefined &&
  !(operation.parameters ?? []).some(
    (parameter) => parameter.in === 'path' && SECRET_PARAMETER.test(parameter.name)
  );

/**
 * The reference page of each operation, by pathname, as starlight-openapi names it
 * (`libs/operation.ts`, `getOperationsByTag`): `operations/<slug of operationId>`, with the
 * method after it when several methods of a path share an operationId. Only tryable ones kept.
 */
const tryableByPage = new Map<string, TryableOperation>(
  Object.entries(document.paths).flatMap(([path, item]) => {
    const operations = METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ method, operation, id: operation.operationId ?? path }] : [];
    });
    return operations
      .filter(({ method, operation }) => isTryable(method, operation))
      .map(({ method, operation, id }): [string, TryableOperation] => {
        const shared = operations.filter((other) => other.id === id).length > 1;
        const page = `${REFERENCE_BASE}operations/${slug(id)}/${shared ? `${slug(method)}/` : ''}`;
        const server = (item.servers ?? document.servers ?? [{ url: '' }])[0]!.url;
        const pathParameters = (operation.parameters ?? [])
          .filter((parameter) => parameter.in === 'path')
          .map((parameter) => parameter.name);
        return [page, { path, server, pathParameters }];
      });
  })
);

/** The operation a reader may try on the reference page at `pathname`, if any. */
export const tryableOperationAt = (pathname: string): TryableOperation | null =>
  tryableByPage.get(pathname.endsWith('/') ? pathname : `${pathname}/`) ?? null;
