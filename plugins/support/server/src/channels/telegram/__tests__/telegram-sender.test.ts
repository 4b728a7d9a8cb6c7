import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  startTelegramBotApi,
  type TelegramBotApi,
} from '@vixenhealth/tooling/testing/telegram-bot-api';

import type { OutboundReply } from '../../../../../shared/contracts';
import { ProviderRequestError } from '../../errors';
import { createTelegramSender, setTelegramWebhook, TELEGRAM_TEXT_LIMIT } from '..';

let botApi: TelegramBotApi;
let folder: string;

const reply = (text: string, attachments: OutboundReply['attachments'] = []): OutboundReply => ({
  ticketNumber: 'VH-10234',
  subject: 'Re: запись к врачу',
  text,
  to: { telegramChatId: '111111111' },
  attachments,
  thread: { messageId: '<reply-1@support.vixenhealth.ru>', references: [] },
});

beforeAll(async () => {
  botApi = await startTelegramBotApi();
  folder = await mkdtemp(join(tmpdir(), 'telegram-sender-'));
});
afterAll(async () => {
  await botApi.stop();
  await rm(folder, { recursive: true, force: true });
});

describe('createTelegramSender', () => {
  it('sends long text in parts within the limit, then files with sendDocument', async () => {
    const sender = createTelegramSender({ apiBaseUrl: botApi.apiBaseUrl, token: botApi.token });
    const paragraph = 'Мы проверили вашу запись. '.repeat(100);
    const text = `${paragraph}\n${paragraph}`;
    const path = join(folder, 'invoice.pdf');
    await writeFile(path, '%PDF-1.7 invoice');
    const first = botApi.calls.length;

    const result = await sender.send(
      reply(text, [{ filename: 'invoice.pdf', contentType: 'application/pdf', path }])
    );

    const calls = botApi.calls.slice(first);
    expect(calls.map((call) => call.method)).toEqual([
      'sendMessage',
      'sendMessage',
      'sendDocument',
    ]);
    const parts = calls.slice(0, 2).map((call) => String(call.params.text));
    expect(parts.every((part) => part.length <= TELEGRAM_TEXT_LIMIT)).toBe(true);
    expect(parts).toEqual([paragraph, paragraph.trimEnd()]);
    expect(calls[0].params.chat_id).toBe('111111111');
    expect(calls[2].params.chat_id).toBe('111111111');
    expect(calls[2].files.document).toMatchObject({
      filename: 'invoice.pdf',
      contentType: 'application/pdf',
      content: Buffer.from('%PDF-1.7 invoice'),
    });
    expect(result.externalId).toMatch(/^111111111:\d+$/);
  });

  it("throws a retryable error with Telegram's retry_after on 429, and a final one on refusal", async () => {
    const sender = createTelegramSender({ apiBaseUrl: botApi.apiBaseUrl, token: botApi.token });
    botApi.rateLimitNext('sendMessage', 7);
    const limited = await sender.send(reply('Спасибо!')).catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(ProviderRequestError);
    expect(limited).toMatchObject({ retryable: true, retryAfterSeconds: 7, providerCode: 429 });
    await expect(sender.send(reply('Спасибо!'))).resolves.toHaveProperty('externalId');

    const wrongToken = createTelegramSender({ apiBaseUrl: botApi.apiBaseUrl, token: '1:wrong' });
    await expect(wrongToken.send(reply('Спасибо!'))).rejects.toMatchObject({
      retryable: false,
      providerCode: 401,
    });
  });
});

describe('setTelegramWebhook', () => {
  it('registers the webhook URL with its secret token', async () => {
    const config = { apiBaseUrl: botApi.apiBaseUrl, token: botApi.token, webhookSecret: 'hY7-k2' };
    await setTelegramWebhook(config, 'https://cms.vixenhealth.ru/api/support/telegram');
    expect(botApi.calls.at(-1)).toMatchObject({
      method: 'setWebhook',
      params: {
        url: 'https://cms.vixenhealth.ru/api/support/telegram',
        secret_token: 'hY7-k2',
        allowed_updates: ['message'],
      },
    });
  });
});
