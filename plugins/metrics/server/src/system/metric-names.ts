/**
 * The names the CMS exports at `GET /metrics`. The Grafana dashboard and the README refer to
 * these; a test checks that every name the dashboard uses is really exported.
 */
export const METRIC_PREFIX = 'vixenhealth_';

export const METRIC = {
  httpDuration: `${METRIC_PREFIX}http_request_duration_seconds`,
  httpErrors: `${METRIC_PREFIX}http_request_errors_total`,
  dbPoolConnections: `${METRIC_PREFIX}db_pool_connections`,
  dbPoolPendingAcquires: `${METRIC_PREFIX}db_pool_pending_acquires`,
  queueLength: `${METRIC_PREFIX}queue_length`,
  signIns: `${METRIC_PREFIX}id_sign_ins_total`,
  ticketsCreated: `${METRIC_PREFIX}support_tickets_created_total`,
  calls: `${METRIC_PREFIX}calls_total`,
  deploys: `${METRIC_PREFIX}site_deploys_total`,
} as const;

/** The label of requests no route matched (static files, 404s): raw paths would be unbounded. */
export const UNMATCHED_ROUTE = 'unmatched';
