import { connect, type ChannelModel, type ConfirmChannel, type ConsumeMessage } from 'amqplib';

import type { BusInboundMessage } from '../../../../shared/contracts';
import { InvalidChannelPayloadError } from '../errors';
import type { BusConfig } from './config';
import { busMessageToInbound } from './payload';

/** Strapi's logger fits; messages name message ids and reasons, never content or the URL. */
export interface BusLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface BusConsumerOptions extends BusConfig {
  /** Takes the message in; the message is acked only once it resolves. */
  onMessage(message: BusInboundMessage): Promise<void>;
  logger: BusLogger;
  /** Unacked messages at a time (default 8). */
  prefetch?: number;
  /** How long a message whose handling failed waits before it is requeued (default 5 s). */
  retryDelayMs?: number;
  /** The wait before reconnecting, doubled after each failure up to `max` (default 1 s to 30 s). */
  reconnectDelayMs?: { min: number; max: number };
}

export interface BusConsumer {
  /** Resolves once the consumer first listens on the queue (never, while the bus is down). */
  ready: Promise<void>;
  /** Stops taking messages, waits for those in hand, and closes the connection. */
  stop(): Promise<void>;
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : 'error');

/**
 * Takes tickets from a durable AMQP queue, at least once: a message is acked after `onMessage`
 * resolved; when it throws, the message is requeued after `retryDelayMs` (not in a hot loop). A
 * message that can never be taken in (not JSON, fields missing, too large, no message_id) is
 * published to the durable `<queue>.invalid` with the reason in its `x-invalid-reason` header,
 * confirmed by the broker, then acked: never lost, never retried forever. Idempotency is the
 * intake's: a message delivered again carries the same externalId (`esb:<message_id>`). A lost
 * connection is reopened with a growing delay.
 */
export const startBusConsumer = (options: BusConsumerOptions): BusConsumer => {
  const { url, queue, onMessage, logger } = options;
  const prefetch = options.prefetch ?? 8;
  const retryDelayMs = options.retryDelayMs ?? 5000;
  const { min, max } = options.reconnectDelayMs ?? { min: 1000, max: 30_000 };
  const invalidQueue = `${queue}.invalid`;

  let stopping = false;
  let connection: ChannelModel | null = null;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let reconnectDelay = min;
  const inHand = new Set<Promise<void>>();
  const requeueTimers = new Set<NodeJS.Timeout>();
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const deadLetter = async (channel: ConfirmChannel, message: ConsumeMessage, reason: string) => {
    const { properties } = message;
    await new Promise<void>((resolve, reject) => {
      channel.sendToQueue(
        invalidQueue,
        message.content,
        {
          persistent: true,
          messageId: properties.messageId,
          contentType: properties.contentType,
          timestamp: properties.timestamp,
          headers: { ...properties.headers, 'x-invalid-reason': reason, 'x-original-queue': queue },
        },
        (error) => (error ? reject(error) : resolve())
      );
    });
    channel.ack(message);
  };

  const requeueLater = (channel: ConfirmChannel, message: ConsumeMessage) => {
    const timer = setTimeout(() => {
      requeueTimers.delete(timer);
      try {
        channel.nack(message, false, true);
      } catch {
        // The channel is closed: the broker requeues what it had not been acked anyway.
      }
    }, retryDelayMs);
    requeueTimers.add(timer);
  };

  const handle = async (channel: ConfirmChannel, message: ConsumeMessage) => {
    const id = message.properties.messageId ?? '(no message_id)';
    let inbound: BusInboundMessage;
    try {
      inbound = busMessageToInbound(message);
    } catch (error) {
      if (!(error instanceof InvalidChannelPayloadError)) throw error;
      logger.warn(
        `Support bus: message ${id} is invalid (${error.detail}), moved to ${invalidQueue}`
      );
      await deadLetter(channel, message, error.detail);
      return;
    }
    try {
      await onMessage(inbound);
    } catch (error) {
      logger.warn(
        `Support bus: message ${id} failed (${errorName(error)}), retried in ${retryDelayMs} ms`
      );
      requeueLater(channel, message);
      return;
    }
    channel.ack(message);
  };

  const scheduleReconnect = () => {
    if (stopping || reconnectTimer) return;
    logger.warn(`Support bus: reconnecting in ${reconnectDelay} ms`);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      void open();
    }, reconnectDelay);
    reconnectDelay = Math.min(reconnectDelay * 2, max);
  };

  const consume =
    (channel: ConfirmChannel, model: ChannelModel) => (message: ConsumeMessage | null) => {
      // null: the broker cancelled the consumer (queue deleted); reconnecting declares it again.
      if (!message) {
        model.close().catch(() => {});
        return;
      }
      const handled = handle(channel, message)
        .catch((error: unknown) =>
          logger.error(`Support bus: handling failed (${errorName(error)})`)
        )
        .finally(() => inHand.delete(handled));
      inHand.add(handled);
    };

  const open = async () => {
    let model: ChannelModel | null = null;
    try {
      model = await connect(url);
      const opened = model;
      opened.on('error', (error: Error) =>
        logger.warn(`Support bus: connection error (${errorName(error)})`)
      );
      opened.on('close', () => {
        if (connection === opened) connection = null;
        scheduleReconnect();
      });
      const channel = await opened.createConfirmChannel();
      channel.on('error', (error: Error) =>
        logger.warn(`Support bus: channel error (${errorName(error)})`)
      );
      channel.on('close', () => {
        if (!stopping) opened.close().catch(() => {});
      });
      await channel.assertQueue(queue, { durable: true });
      await channel.assertQueue(invalidQueue, { durable: true });
      await channel.prefetch(prefetch);
      await channel.consume(queue, consume(channel, opened), { noAck: false });
      if (stopping) {
        await opened.close();
        return;
      }
      connection = opened;
      reconnectDelay = min;
      logger.info(`Support bus: consuming ${queue}`);
      markReady();
    } catch (error) {
      logger.warn(`Support bus: cannot consume ${queue} (${errorName(error)})`);
      if (model) {
        model.removeAllListeners('close');
        await model.close().catch(() => {});
      }
      scheduleReconnect();
    }
  };

  void open();

  return {
    ready,
    async stop() {
      stopping = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      for (const timer of requeueTimers) clearTimeout(timer);
      requeueTimers.clear();
      await Promise.allSettled([...inHand]);
      await connection?.close().catch(() => {});
      connection = null;
    },
  };
};
