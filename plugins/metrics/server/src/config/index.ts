/** Metrics settings, given in `cms/config/plugins.ts` from the environment. */
export interface MetricsConfig {
  /** The time zone whose midnight starts a day: of the daily figures and of the visitor salt. */
  timeZone: string;
  /** How often buffered events are written: a crash loses at most this much. At most 1000. */
  flushIntervalMs: number;
  /** How often new events are rolled up into the figures dashboards read. */
  rollupIntervalMs: number;
  /** How long raw events are kept once rolled up. */
  rawRetentionHours: number;
  /** How long a site's figures are kept unless its owners chose otherwise. */
  retentionDays: number;
  /** Events one IP address may send per minute, and one site may receive per second. */
  ipEventsPerMinute: number;
  siteEventsPerSecond: number;
  /** Bearer token of `GET /metrics` (Prometheus); when empty, only loopback may read it. */
  systemToken: string;
  /** The platform's Redis (`REDIS_URL`): the rate limits are then shared by every node. */
  redisUrl: string;
  redisPrefix: string;
}

export default {
  default: {
    timeZone: 'Europe/Moscow',
    flushIntervalMs: 1000,
    rollupIntervalMs: 60_000,
    rawRetentionHours: 48,
    retentionDays: 365,
    ipEventsPerMinute: 120,
    siteEventsPerSecond: 500,
    systemToken: '',
    redisUrl: '',
    redisPrefix: 'vh:',
  } satisfies MetricsConfig,

  validator(config: MetricsConfig) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: config.timeZone });
    } catch {
      throw new Error(`metrics.timeZone "${config.timeZone}" is not a time zone`);
    }
    if (!(config.flushIntervalMs > 0 && config.flushIntervalMs <= 1000)) {
      throw new Error('metrics.flushIntervalMs must be between 1 and 1000');
    }
    if (!(config.rollupIntervalMs >= 1000))
      throw new Error('metrics.rollupIntervalMs must be >= 1000');
    if (!(config.rawRetentionHours >= 25)) {
      throw new Error('metrics.rawRetentionHours must be >= 25: a day is rolled up from them');
    }
    if (!(config.retentionDays >= 1)) throw new Error('metrics.retentionDays must be >= 1');
  },
};
