/**
 * The message bus (ESB) channel: other systems open tickets by publishing a JSON BusTicketPayload
 * with a `message_id` to a durable AMQP queue (RabbitMQ), taken in when `AMQP_URL` is set
 * (`busConfigFromEnv`). `startBusConsumer` consumes it at least once (ack after the intake took
 * the message in, requeue after a delay when it threw), moves messages that can never be taken
 * in to `<queue>.invalid` with the reason, and reconnects with backoff; the intake dedupes by
 * externalId `esb:<message_id>`. `busMessageToInbound` documents and checks the payload.
 */
export { BUS_DEFAULT_QUEUE, busConfigFromEnv } from './config';
export type { BusConfig } from './config';
export { startBusConsumer } from './consumer';
export type { BusConsumer, BusConsumerOptions, BusLogger } from './consumer';
export { BUS_MESSAGE_MAX_BYTES, busMessageToInbound } from './payload';
