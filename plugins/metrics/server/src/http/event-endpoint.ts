import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

import { METRICS_EVENT_PATH as EVENT_PATH } from '../../../shared/contracts';
import type { Collector } from '../collection/collector';
import { readBody } from '../collection/read-body';
import { CollectionError } from '../errors/http-answer';
import { clientIp, type ProxySettings } from './client-ip';

export interface EventEndpointOptions {
  collector: () => Collector;
  proxy: ProxySettings;
  /** Counts the answered request in the system metrics. */
  record: (request: { method: string; route: string; status: number; seconds: number }) => void;
  logError: (message: string) => void;
}

const pathOf = (url: string) => {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
};

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

/** Answers in CORS terms: only a checked origin is named, and caches keep answers per origin. */
const corsHeaders = (origin: string | null): OutgoingHttpHeaders =>
  origin ? { Vary: 'Origin', 'Access-Control-Allow-Origin': origin } : { Vary: 'Origin' };

const errorAnswer = (error: CollectionError, headers: OutgoingHttpHeaders) => {
  const body = JSON.stringify(error.toBody());
  return {
    status: error.status,
    headers: {
      ...headers,
      ...(error.retryAfter === null ? {} : { 'Retry-After': String(error.retryAfter) }),
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
    },
    body,
  };
};

interface Answer {
  status: number;
  headers: OutgoingHttpHeaders;
  body?: string;
}

const preflight = async (collector: Collector, origin: string | undefined): Promise<Answer> => {
  // Only `fetch` with application/json preflights; the tracker sends text/plain.
  const known = origin !== undefined && (await collector.knownOrigin(origin));
  return {
    status: 204,
    headers: {
      ...corsHeaders(known ? origin : null),
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '86400',
    },
  };
};

const collect = async (
  req: IncomingMessage,
  collector: Collector,
  proxy: ProxySettings,
  origin: string | undefined
): Promise<Answer> => {
  const outcome = await collector.collect({
    ip: clientIp(req, proxy),
    userAgent: header(req, 'user-agent'),
    origin,
    doNotTrack: header(req, 'dnt') === '1' || header(req, 'sec-gpc') === '1',
    contentType: header(req, 'content-type'),
    readBody: (limit) => readBody(req, limit),
  });
  return { status: 202, headers: { ...corsHeaders(outcome.origin), 'Content-Length': 0 } };
};

const answerEvent = async (
  req: IncomingMessage,
  { collector, proxy, logError }: EventEndpointOptions
): Promise<Answer> => {
  const origin = header(req, 'origin') || undefined;
  try {
    if (req.method === 'OPTIONS') return await preflight(collector(), origin);
    if (req.method === 'POST') return await collect(req, collector(), proxy, origin);
    return errorAnswer(new CollectionError(405, 'method_not_allowed', 'Send events with POST'), {
      Allow: 'POST, OPTIONS',
    });
  } catch (error) {
    if (!(error instanceof CollectionError)) {
      logError(`metrics: an event was not collected: ${String(error)}`);
    }
    return errorAnswer(
      error instanceof CollectionError
        ? error
        : new CollectionError(500, 'internal', 'The event was not collected'),
      corsHeaders(null)
    );
  }
};

/**
 * `POST /api/metrics/event`, answered on the HTTP server itself, ahead of Koa: a beacon is the
 * platform's most frequent request, and Koa's context, Strapi's request context and the
 * middlewares before the router would cost it more than its own work. Nothing of them is needed:
 * this answers its errors in Strapi's shape, sets its own CORS headers, reads its own body with
 * its own limit, finds the client's address by the app's proxy settings, logs no request (no IP
 * in logs), and counts itself in the system metrics.
 *
 * Returns the request listener's guard: true when the request was this endpoint's.
 */
export const eventEndpoint =
  (options: EventEndpointOptions) =>
  (req: IncomingMessage, res: ServerResponse): boolean => {
    if (pathOf(req.url ?? '') !== EVENT_PATH) return false;
    const started = process.hrtime.bigint();
    void answerEvent(req, options).then((answer) => {
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
      options.record({
        method: req.method ?? '',
        route: EVENT_PATH,
        status: answer.status,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      });
    });
    return true;
  };
