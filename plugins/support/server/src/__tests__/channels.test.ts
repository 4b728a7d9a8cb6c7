import { randomUUID } from 'node:crypto';

import { connect, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSmsGateway, type SmsGateway } from '@vixenhealth/tooling/testing/sms-gateway';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';
import {
  startTelegramBotApi,
  type TelegramBotApi,
} from '@vixenhealth/tooling/testing/telegram-bot-api';

import { createDeskUser, type DeskUser } from '@vixenhealth/tooling/testing/desk-people';

/**
 * Telegram, SMS and the message bus end to end: the providers' real formats in (signed
 * webhooks, an AMQP queue), tickets threaded per chat or number, agents' replies out through
 * the providers' APIs.
 */

const WEBHOOK_SECRET = 'telegram-webhook-secret-1';
const AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';
const QUEUE = `support.tickets.test-${randomUUID()}`;

let cms: TestCms;
let telegram: TelegramBotApi;
let sms: SmsGateway;
let lead: DeskUser;
let bus: ChannelModel;

beforeAll(async () => {
  [telegram, sms] = await Promise.all([startTelegramBotApi(), startSmsGateway()]);
  cms = await startTestCms({
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    TELEGRAM_API_BASE_URL: telegram.apiBaseUrl,
    SMS_ACCOUNT_SID: sms.accountSid,
    SMS_AUTH_TOKEN: sms.authToken,
    SMS_FROM: '+79990000000',
    SMS_API_BASE_URL: sms.apiBaseUrl,
    AMQP_URL,
    AMQP_QUEUE: QUEUE,
  });
  lead = await createDeskUser(cms, 'support-lead');
  bus = await connect(AMQP_URL);
});
afterAll(async () => {
  const channel = await bus?.createChannel();
  await channel?.deleteQueue(QUEUE);
  await channel?.deleteQueue(`${QUEUE}.invalid`);
  await bus?.close();
  await cms?.stop();
  await Promise.all([telegram?.stop(), sms?.stop()]);
});

const work = () => cms.strapi.plugin('support').service('work');
const tickets = () => cms.strapi.db.query('plugin::support.ticket').count();
const desk = (path: string, method = 'GET', body?: unknown) =>
  cms.request(`/support${path}`, { method, token: lead.token, body });

const waitFor = async <T>(read: () => Promise<T | null | undefined>) => {
  for (let tries = 0; tries < 100; tries += 1) {
    const value = await read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('never happened');
};

const update = (updateId: number, chatId: number, text: string) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: 'private', first_name: 'Светлана' },
    from: { id: chatId, is_bot: false, first_name: 'Светлана', last_name: 'Иванова' },
    text,
  },
});

describe('Telegram', () => {
  const webhook = () => `${cms.baseUrl}/api/support/webhooks/telegram`;

  it('refuses an update without our secret and takes nothing in', async () => {
    const before = await tickets();
    const response = await telegram.deliverUpdate(
      webhook(),
      update(1, 5001, 'Привет'),
      'wrong-secret'
    );
    expect(response.status).toBe(403);
    expect((await telegram.deliverUpdate(webhook(), update(2, 5001, 'Привет'))).status).toBe(403);
    expect(await tickets()).toBe(before);
  });

  it('opens a ticket, threads the chat into it, takes a redelivery once, and answers in the chat', async () => {
    const first = await telegram.deliverUpdate(
      webhook(),
      update(10, 5002, 'Не могу записаться'),
      WEBHOOK_SECRET
    );
    expect(first.status).toBe(200);
    await telegram.deliverUpdate(webhook(), update(11, 5002, 'Ошибка 500'), WEBHOOK_SECRET);
    await telegram.deliverUpdate(webhook(), update(11, 5002, 'Ошибка 500'), WEBHOOK_SECRET);

    const list = await desk('/tickets?channel=telegram&q=записаться');
    expect(list.body.tickets).toHaveLength(1);
    const { number } = list.body.tickets[0];
    const ticket = await desk(`/tickets/${number}`);
    expect(ticket.body.requester).toMatchObject({
      name: 'Светлана Иванова',
      telegramChatId: '5002',
    });
    const texts = ticket.body.messages.map((message: { text: string }) => message.text);
    expect(texts.filter((text: string) => text === 'Ошибка 500')).toHaveLength(1);
    // The acknowledgement went back to the chat.
    await waitFor(async () =>
      telegram.calls.find(
        (call) => call.method === 'sendMessage' && String(call.params.chat_id) === '5002'
      )
    );

    await desk(`/tickets/${number}/messages`, 'POST', {
      kind: 'reply',
      body: 'Посмотрим и ответим сегодня',
    });
    await desk(`/tickets/${number}/messages`, 'POST', { kind: 'note', body: 'Внутренняя заметка' });
    await work().deliverDueReplies();
    const sent = telegram.calls.filter(
      (call) => call.method === 'sendMessage' && String(call.params.chat_id) === '5002'
    );
    expect(sent.map((call) => call.params.text)).toContain('Посмотрим и ответим сегодня');
    expect(sent.map((call) => call.params.text)).not.toContain('Внутренняя заметка');
    const after = await desk(`/tickets/${number}`);
    expect(
      after.body.messages.find((m: { text: string }) => m.text === 'Посмотрим и ответим сегодня')
        .delivery
    ).toBe('sent');
  });
});

describe('SMS', () => {
  const webhook = () => `${cms.baseUrl}/api/support/webhooks/sms`;
  const inbound = (sid: string, body: string) => ({
    MessageSid: sid,
    AccountSid: sms.accountSid,
    From: '+79161234567',
    To: '+79990000000',
    Body: body,
    NumMedia: '0',
  });

  it('takes a signed SMS in, refuses a forged one, and replies through the gateway', async () => {
    const before = await tickets();
    const forged = await fetch(webhook(), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': 'forged',
      },
      body: new URLSearchParams(inbound('SM-forged', 'Подделка')),
    });
    expect(forged.status).toBe(403);
    expect(await tickets()).toBe(before);

    const response = await sms.deliverInbound(
      webhook(),
      inbound(`SM${randomUUID().replace(/-/g, '')}`, 'Перенесите приём')
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('xml');
    const list = await desk('/tickets?channel=sms');
    const { number } = list.body.tickets[0];
    await desk(`/tickets/${number}/messages`, 'POST', {
      kind: 'reply',
      body: 'Перенесли на пятницу',
    });
    await work().deliverDueReplies();
    expect(sms.sent.find((message) => message.body === 'Перенесли на пятницу')?.to).toBe(
      '+79161234567'
    );
  });

  it('keeps a reply queued when the gateway fails, and sends it on the next round', async () => {
    const list = await desk('/tickets?channel=sms');
    const { number } = list.body.tickets[0];
    sms.failNext(503);
    await desk(`/tickets/${number}/messages`, 'POST', {
      kind: 'reply',
      body: 'Повторная отправка',
    });
    await work().deliverDueReplies();
    const queued = await desk(`/tickets/${number}`);
    expect(queued.body.messages.at(-1).delivery).toBe('pending');
    await work().deliverDueReplies(new Date(Date.now() + 60 * 60_000));
    expect(sms.sent.filter((message) => message.body === 'Повторная отправка')).toHaveLength(1);
  });
});

describe('the message bus', () => {
  it('opens one ticket per message id, however often it is delivered', async () => {
    const channel = await bus.createChannel();
    const messageId = randomUUID();
    const payload = Buffer.from(
      JSON.stringify({
        subject: 'Выгрузка расписания не прошла',
        body: 'Интеграция клиники вернула ошибку',
        requester: { email: 'it@clinic.example', name: 'ИТ клиники' },
        group: 'technical',
      })
    );
    for (let copy = 0; copy < 2; copy += 1) {
      channel.sendToQueue(QUEUE, payload, {
        persistent: true,
        contentType: 'application/json',
        messageId,
      });
    }
    const found = await waitFor(async () => {
      const list = await desk('/tickets?channel=esb&q=выгрузка');
      return list.body.tickets?.length ? list.body.tickets : null;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await desk('/tickets?channel=esb&q=выгрузка')).body.tickets).toHaveLength(1);
    expect(found[0].group.slug).toBe('technical');
    await channel.close();
  });
});
