import { readFile } from 'node:fs/promises';

import type {
  ChannelSender,
  OutboundAttachment,
  OutboundReply,
} from '../../../../shared/contracts';
import { ProviderRequestError } from '../errors';
import { splitText } from '../split-text';
import { callBotApi } from './bot-api';
import type { TelegramApiConfig } from './config';

/** The Bot API's limit on a message's text. */
export const TELEGRAM_TEXT_LIMIT = 4096;

const messageIdOf = (result: unknown) => {
  const id = typeof result === 'object' && result ? Reflect.get(result, 'message_id') : null;
  return typeof id === 'number' ? id : null;
};

const chatIdOf = (reply: OutboundReply) => {
  const chatId = reply.to.telegramChatId;
  if (!chatId) {
    throw new ProviderRequestError('telegram', 'The requester has no Telegram chat to reply in.', {
      retryable: false,
    });
  }
  return chatId;
};

const documentForm = async (chatId: string, attachment: OutboundAttachment) => {
  const form = new FormData();
  form.set('chat_id', chatId);
  const content = await readFile(attachment.path);
  form.set('document', new Blob([content], { type: attachment.contentType }), attachment.filename);
  return form;
};

/**
 * Sends replies to the requester's Telegram chat: the text with sendMessage (cut in parts of
 * at most 4096 characters), then each file with sendDocument. The returned id is
 * `<chat id>:<message id>` of the first message sent.
 *
 * A failure throws ProviderRequestError, retryable on 429 (with Telegram's `retry_after`) and on
 * 5xx; parts already sent are sent again on the next try.
 */
export const createTelegramSender = (config: TelegramApiConfig): ChannelSender => ({
  channel: 'telegram',
  async send(reply) {
    const chatId = chatIdOf(reply);
    let firstId: number | null = null;
    for (const text of splitText(reply.text.trim(), TELEGRAM_TEXT_LIMIT)) {
      const result = await callBotApi(config, 'sendMessage', { chat_id: chatId, text });
      firstId ??= messageIdOf(result);
    }
    for (const attachment of reply.attachments) {
      const result = await callBotApi(
        config,
        'sendDocument',
        await documentForm(chatId, attachment)
      );
      firstId ??= messageIdOf(result);
    }
    return firstId === null ? {} : { externalId: `${chatId}:${firstId}` };
  },
});
