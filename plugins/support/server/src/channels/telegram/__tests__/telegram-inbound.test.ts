import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  startTelegramBotApi,
  type TelegramBotApi,
} from '@vixenhealth/tooling/testing/telegram-bot-api';

import { InvalidChannelPayloadError, WebhookRefusedError } from '../../errors';
import {
  createTelegramFileFetcher,
  parseTelegramUpdate,
  TELEGRAM_ATTACHMENT_MAX_BYTES,
  telegramUpdateToInbound,
  verifyTelegramWebhook,
  type TelegramFileFetcher,
} from '..';

// Updates as the Bot API sends them to a webhook (fields we do not read included).
const person = {
  id: 111111111,
  is_bot: false,
  first_name: 'Anna',
  last_name: 'Petrova',
  username: 'anna_p',
  language_code: 'ru',
};
const privateChat = {
  id: 111111111,
  first_name: 'Anna',
  last_name: 'Petrova',
  username: 'anna_p',
  type: 'private',
};
const textUpdate = {
  update_id: 734512001,
  message: {
    message_id: 1365,
    from: person,
    chat: privateChat,
    date: 1765000000,
    text: 'Здравствуйте! Не могу записаться к врачу.',
  },
};

let botApi: TelegramBotApi;
let files: TelegramFileFetcher;

beforeAll(async () => {
  botApi = await startTelegramBotApi();
  files = createTelegramFileFetcher({ apiBaseUrl: botApi.apiBaseUrl, token: botApi.token });
});
afterAll(() => botApi.stop());

describe('verifyTelegramWebhook', () => {
  it('accepts only the secret we gave setWebhook', () => {
    const secret = 'hY7-k2_secret';
    expect(() =>
      verifyTelegramWebhook({ 'x-telegram-bot-api-secret-token': secret }, secret)
    ).not.toThrow();
    for (const headers of [{ 'x-telegram-bot-api-secret-token': 'hY7-k2_secreT' }, {}]) {
      expect(() => verifyTelegramWebhook(headers, secret)).toThrow(WebhookRefusedError);
    }
    expect(() => verifyTelegramWebhook({ 'x-telegram-bot-api-secret-token': '' }, '')).toThrow(
      WebhookRefusedError
    );
  });
});

describe('telegramUpdateToInbound', () => {
  it('takes a private text message in as the person wrote it', async () => {
    const message = await telegramUpdateToInbound(parseTelegramUpdate(textUpdate), files);
    expect(message).toEqual({
      channel: 'telegram',
      externalId: 'telegram:734512001',
      from: { name: 'Anna Petrova', telegramChatId: '111111111' },
      text: 'Здравствуйте! Не могу записаться к врачу.',
      receivedAt: new Date(1765000000 * 1000),
      attachments: [],
    });
  });

  it('ignores groups, channel posts, bots, edits and messages with nothing to read', async () => {
    const { message } = textUpdate;
    const ignored = [
      { update_id: 1, message: { ...message, chat: { id: -100200300, type: 'supergroup' } } },
      {
        update_id: 2,
        channel_post: { ...message, from: undefined, chat: { id: -1001, type: 'channel' } },
      },
      { update_id: 3, message: { ...message, from: { ...person, is_bot: true } } },
      { update_id: 4, edited_message: { ...message, edit_date: 1765000100 } },
      { update_id: 5, message: { ...message, text: undefined, sticker: { file_id: 'x' } } },
      { update_id: 6, my_chat_member: { chat: privateChat } },
    ];
    for (const update of ignored) {
      expect(await telegramUpdateToInbound(parseTelegramUpdate(update), files)).toBeNull();
    }
  });

  it('fetches the largest size of a photo through getFile and keeps the caption', async () => {
    const small = botApi.addFile(Buffer.from('small jpeg'), 'jpg');
    const large = botApi.addFile(Buffer.from('the large jpeg bytes'), 'jpg');
    const update = {
      update_id: 734512002,
      message: {
        ...textUpdate.message,
        text: undefined,
        caption: 'Ошибка на странице оплаты',
        photo: [
          { ...small, width: 90, height: 67 },
          { ...large, width: 1280, height: 960 },
        ],
      },
    };
    const message = await telegramUpdateToInbound(parseTelegramUpdate(update), files);
    expect(message?.text).toBe('Ошибка на странице оплаты');
    expect(message?.attachments).toEqual([
      {
        filename: `photo-${large.file_unique_id}.jpg`,
        contentType: 'image/jpeg',
        content: new Uint8Array(Buffer.from('the large jpeg bytes')),
      },
    ]);
    expect(botApi.calls.filter((call) => call.method === 'getFile').at(-1)?.params).toEqual({
      file_id: large.file_id,
    });
  });

  it('leaves out a file over the size cap with a notice, and keeps documents and voice', async () => {
    const calls = botApi.calls.length;
    const tooLarge = {
      update_id: 734512003,
      message: {
        ...textUpdate.message,
        text: undefined,
        document: {
          file_id: 'BQACAgIAAxkBAAIBig',
          file_unique_id: 'AgADhuge',
          file_name: 'scan.pdf',
          mime_type: 'application/pdf',
          file_size: TELEGRAM_ATTACHMENT_MAX_BYTES + 1,
        },
      },
    };
    const message = await telegramUpdateToInbound(parseTelegramUpdate(tooLarge), files);
    expect(message?.attachments).toEqual([]);
    expect(message?.text).toMatch(/scan\.pdf was not taken in: it is larger than 10 MB/);
    expect(botApi.calls.length).toBe(calls);

    const voiceFile = botApi.addFile(Buffer.from('OggS voice'), 'oga');
    const voice = {
      update_id: 734512004,
      message: {
        ...textUpdate.message,
        text: undefined,
        voice: { ...voiceFile, duration: 3, mime_type: 'audio/ogg' },
      },
    };
    const spoken = await telegramUpdateToInbound(parseTelegramUpdate(voice), files);
    expect(
      spoken?.attachments.map(({ filename, contentType }) => ({ filename, contentType }))
    ).toEqual([{ filename: `voice-${voiceFile.file_unique_id}.ogg`, contentType: 'audio/ogg' }]);
  });

  it('refuses a body that is not a Bot API update, naming the field', () => {
    const broken = [
      'not an object',
      { update_id: '734512001' },
      { update_id: 1, message: { ...textUpdate.message, chat: undefined } },
      { update_id: 1, message: { ...textUpdate.message, photo: {} } },
    ];
    for (const body of broken) {
      expect(() => parseTelegramUpdate(body)).toThrow(InvalidChannelPayloadError);
    }
    expect(() =>
      parseTelegramUpdate({ update_id: 1, message: { ...textUpdate.message, chat: undefined } })
    ).toThrow(/update\.message\.chat must be an object/);
  });
});
