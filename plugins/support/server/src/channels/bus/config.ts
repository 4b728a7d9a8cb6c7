/** The message bus's settings (`AMQP_*` in `.env`). */
export interface BusConfig {
  /** `amqp://user:password@host:5672/vhost`; holds a password, so never logged. */
  url: string;
  /** The durable queue tickets arrive on; invalid messages go to `<queue>.invalid`. */
  queue: string;
}

export const BUS_DEFAULT_QUEUE = 'support.tickets';

/** The bus's settings from the environment, or null when `AMQP_URL` is not set. */
export const busConfigFromEnv = (
  env: Readonly<Record<string, string | undefined>>
): BusConfig | null =>
  env.AMQP_URL ? { url: env.AMQP_URL, queue: env.AMQP_QUEUE || BUS_DEFAULT_QUEUE } : null;
