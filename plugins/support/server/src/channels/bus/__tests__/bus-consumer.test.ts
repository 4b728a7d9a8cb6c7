import { randomUUID } from 'node:crypto';
import { createConnection, createServer, type Server, type Socket } from 'node:net';

import { connect, type Channel, type ChannelModel } from 'amqplib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { BusInboundMessage } from '../../../../../shared/contracts';
import { startBusConsumer, type BusConsumer } from '..';

const RABBITMQ = { host: '127.0.0.1', port: 5672 };
const AMQP_URL = `amqp://guest:guest@${RABBITMQ.host}:${RABBITMQ.port}`;

const reachable = await new Promise<boolean>((resolve) => {
  const socket = createConnection(RABBITMQ, () => {
    socket.end();
    resolve(true);
  });
  socket.on('error', () => resolve(false));
});
if (!reachable)
  console.warn(`RabbitMQ is not reachable at ${AMQP_URL}: the bus tests are skipped.`);

const silent = { info() {}, warn() {}, error() {} };

const waitUntil = async (condition: () => boolean | Promise<boolean>) => {
  for (let tries = 0; tries < 200; tries += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the condition was never met');
};

const payload = {
  subject: 'Сбой выгрузки расписания',
  body: 'Клиника не получила расписание на завтра.',
  requester: { email: 'it@clinic.example', name: 'ИТ клиники' },
  group: 'integrations',
  clinic: 'k2j3h4g5f6d7s8a9',
};

describe.skipIf(!reachable)('startBusConsumer on RabbitMQ', () => {
  let admin: ChannelModel;
  let channel: Channel;
  let queue: string;
  let consumer: BusConsumer | null = null;
  const received: BusInboundMessage[] = [];

  const publish = (body: unknown, messageId?: string) =>
    channel.sendToQueue(
      queue,
      Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
      {
        persistent: true,
        contentType: 'application/json',
        messageId,
      }
    );

  const start = async (
    url = AMQP_URL,
    onMessage = async (message: BusInboundMessage) => {
      received.push(message);
    }
  ) => {
    consumer = startBusConsumer({
      url,
      queue,
      onMessage,
      logger: silent,
      retryDelayMs: 50,
      reconnectDelayMs: { min: 50, max: 200 },
    });
    await consumer.ready;
    return consumer;
  };

  beforeAll(async () => {
    admin = await connect(AMQP_URL);
    channel = await admin.createChannel();
  });
  afterAll(() => admin.close());
  afterEach(async () => {
    await consumer?.stop();
    consumer = null;
    received.length = 0;
    await channel.deleteQueue(queue);
    await channel.deleteQueue(`${queue}.invalid`);
  });

  it('hands a message over once and acks it', async () => {
    queue = `support-test-${randomUUID()}`;
    const running = await start();
    publish(payload, 'order-sync-4711');
    await waitUntil(() => received.length === 1);
    expect(received[0]).toMatchObject({
      channel: 'esb',
      externalId: 'esb:order-sync-4711',
      from: { email: 'it@clinic.example', name: 'ИТ клиники' },
      subject: payload.subject,
      text: payload.body,
      groupSlug: 'integrations',
      clinic: 'k2j3h4g5f6d7s8a9',
      attachments: [],
    });
    await running.stop();
    // Unacked messages would be back in the queue once the consumer's channel closed.
    expect((await channel.checkQueue(queue)).messageCount).toBe(0);
    expect(received).toHaveLength(1);
  });

  it('delivers again a message whose handling failed, and the same message id twice', async () => {
    queue = `support-test-${randomUUID()}`;
    let failures = 1;
    await start(AMQP_URL, async (message) => {
      received.push(message);
      if (failures-- > 0) throw new Error('the database is busy');
    });
    publish(payload, 'dup-1');
    await waitUntil(() => received.length === 2);
    publish(payload, 'dup-1');
    await waitUntil(() => received.length === 3);
    expect(received.map((message) => message.externalId)).toEqual([
      'esb:dup-1',
      'esb:dup-1',
      'esb:dup-1',
    ]);
  });

  it('moves messages that can never be taken in to <queue>.invalid with the reason', async () => {
    queue = `support-test-${randomUUID()}`;
    await start();
    publish('not json {', 'bad-json');
    publish({ ...payload, subject: undefined }, 'no-subject');
    publish(payload);
    publish({ ...payload, requester: undefined }, 'no-requester');
    publish({ ...payload, body: 'x'.repeat(300 * 1024) }, 'too-large');
    publish(payload, 'good');
    await waitUntil(() => received.length === 1);
    await waitUntil(async () => (await channel.checkQueue(`${queue}.invalid`)).messageCount === 5);
    const reasons: Record<string, unknown> = {};
    for (
      let got = await channel.get(`${queue}.invalid`);
      got;
      got = await channel.get(`${queue}.invalid`)
    ) {
      reasons[got.properties.messageId ?? 'none'] = got.properties.headers?.['x-invalid-reason'];
      channel.ack(got);
    }
    expect(reasons).toEqual({
      'bad-json': 'the body is not JSON',
      'no-subject': 'subject must be a string',
      none: 'the message_id property is missing',
      'no-requester': 'requester is missing',
      'too-large': `the body is larger than ${256 * 1024} bytes`,
    });
    expect(received.map((message) => message.externalId)).toEqual(['esb:good']);
  });

  it('reconnects after the connection is lost', async () => {
    queue = `support-test-${randomUUID()}`;
    // A loopback TCP relay to RabbitMQ whose connections the test cuts.
    const sockets = new Set<Socket>();
    const relay: Server = createServer((client) => {
      const upstream = createConnection(RABBITMQ);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('error', () => {});
        socket.on('close', () => sockets.delete(socket));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const { port } = relay.address() as { port: number };
    await start(`amqp://guest:guest@127.0.0.1:${port}`);

    const cut = sockets.size;
    for (const socket of sockets) socket.destroy();
    await waitUntil(() => sockets.size >= cut);
    publish(payload, 'after-reconnect');
    await waitUntil(() => received.length === 1);
    expect(received[0].externalId).toBe('esb:after-reconnect');
    await consumer?.stop();
    consumer = null;
    await new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      relay.close(() => resolve());
    });
  });
});
