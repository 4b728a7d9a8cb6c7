import type { OpenAPIV3_1 } from 'openapi-types';

import { METRICS_EVENT_PATH, METRICS_LIMITS, PAGEVIEW } from './events';

/** What this plugin adds to the platform's OpenAPI description: paths (under `/api`) and schemas. */
export interface MetricsOpenApi {
  // Not `PathsObject`: openapi-types 12 crosses 3.1 path items with 3.0 operations.
  paths: Record<string, { post: OpenAPIV3_1.OperationObject }>;
  schemas: Record<string, OpenAPIV3_1.SchemaObject>;
}

const STRING_PROPS_VALUE: OpenAPIV3_1.SchemaObject = {
  oneOf: [
    { type: 'string', maxLength: METRICS_LIMITS.maxPropLength },
    { type: 'number' },
    { type: 'boolean' },
  ],
};

const EVENT: OpenAPIV3_1.SchemaObject = {
  type: 'object',
  description:
    "One event, in the shape of Plausible's Events API (its short names `n`, `u`, `d`, `r`, `p` are accepted too; unknown keys are ignored).",
  required: ['name', 'url', 'domain'],
  properties: {
    name: {
      type: 'string',
      minLength: 1,
      maxLength: METRICS_LIMITS.maxNameLength,
      description: `\`${PAGEVIEW}\`, or a custom event's name.`,
    },
    url: {
      type: 'string',
      format: 'uri',
      maxLength: METRICS_LIMITS.maxUrlLength,
      description:
        "The page's full http(s) URL; its path is counted, its `utm_*` parameters are the campaign.",
    },
    domain: {
      type: 'string',
      description:
        "The site's host name as its visitors see it: a clinic's subdomain or its verified domain.",
    },
    referrer: {
      type: ['string', 'null'],
      maxLength: METRICS_LIMITS.maxUrlLength,
      description: '`document.referrer`; only its host is kept.',
    },
    props: {
      type: ['object', 'null'],
      maxProperties: METRICS_LIMITS.maxProps,
      additionalProperties: STRING_PROPS_VALUE,
      description: `A custom event's properties (keys of at most ${METRICS_LIMITS.maxPropLength} characters): checked and size-limited, not stored.`,
    },
  },
};

const BODY: OpenAPIV3_1.SchemaObject = {
  oneOf: [
    { $ref: '#/components/schemas/MetricsEvent' },
    {
      type: 'array',
      minItems: 1,
      maxItems: METRICS_LIMITS.maxBatch,
      items: { $ref: '#/components/schemas/MetricsEvent' },
    },
  ],
};

const ERROR: OpenAPIV3_1.SchemaObject = {
  type: 'object',
  description: "Strapi's error shape; `details.errors[0].path` names the refused field.",
  properties: {
    data: { type: 'null' },
    error: {
      type: 'object',
      required: ['status', 'name', 'message'],
      properties: {
        status: { type: 'integer' },
        name: { type: 'string' },
        message: { type: 'string' },
        details: {
          type: 'object',
          properties: {
            code: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  path: { type: 'array', items: { type: ['string', 'integer'] } },
                  message: { type: 'string' },
                  name: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
  },
};

const refusal = (description: string, headers?: OpenAPIV3_1.ResponseObject['headers']) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/MetricsError' } } },
});

/**
 * `POST /api/metrics/event` as OpenAPI describes it, from the limits the endpoint applies: the
 * endpoint is answered ahead of Strapi's router, which therefore does not describe it.
 * Paths are relative to `/api`, as Strapi's own are.
 */
export const metricsOpenApi = (): MetricsOpenApi => ({
  paths: {
    [METRICS_EVENT_PATH.replace(/^\/api/, '')]: {
      post: {
        operationId: 'metrics/post/event',
        tags: ['metrics'],
        summary: 'Count a page view or a custom event',
        description:
          "The beacon of the clinic sites' tracker and of server-side integrations. No token: the event counts for the site whose `domain` it names, when the `url` and the request's `Origin` are on that domain. A visitor with Do Not Track or Global Privacy Control, or a crawler, is answered 202 and not counted.",
        security: [],
        parameters: [
          {
            name: 'User-Agent',
            in: 'header',
            required: false,
            description:
              "The visitor's browser (a server-side integration passes its visitor's): crawlers are not counted.",
            schema: { type: 'string' },
          },
        ],
        requestBody: {
          required: true,
          description: `One event, or a batch of up to ${METRICS_LIMITS.maxBatch}; at most ${METRICS_LIMITS.maxBodyBytes} bytes. Sent as \`text/plain\` by \`navigator.sendBeacon\` (no CORS preflight).`,
          content: {
            'text/plain': { schema: BODY },
            'application/json': { schema: BODY },
          },
        },
        responses: {
          '202': { description: 'Accepted (counted, or deliberately not counted).' },
          '400': refusal('A field is missing or invalid; the path names it.'),
          '403': refusal("The url or the request's origin is not on the event's domain."),
          '413': refusal(`The body is larger than ${METRICS_LIMITS.maxBodyBytes} bytes.`),
          '415': refusal('The body is neither text/plain nor application/json.'),
          '429': refusal('Too many events from this client or for this site.', {
            'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
          }),
        },
      },
    },
  },
  schemas: { MetricsEvent: EVENT, MetricsError: ERROR },
});
