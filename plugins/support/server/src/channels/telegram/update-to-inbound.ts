import { SUPPORT_LIMITS } from '../../../../shared/contracts';
import type { InboundAttachment, InboundMessage } from '../../../../shared/contracts';
import { ProviderRequestError } from '../errors';
import type { TelegramFileFetcher } from './file-fetcher';
import type { TelegramMessage, TelegramUpdate } from './update';

/** Larger files are left out of the ticket, with a notice in the text. */
export const TELEGRAM_ATTACHMENT_MAX_BYTES = SUPPORT_LIMITS.attachments.maxBytes;

interface FileRef {
  fileId: string;
  size: number | undefined;
  filename: string;
  contentType: string;
}

/** Telegram sends a photo in several sizes; the desk keeps the largest. */
const largestPhoto = (message: TelegramMessage) =>
  message.photo?.reduce((largest, size) =>
    size.width * size.height > largest.width * largest.height ? size : largest
  );

const fileOf = (message: TelegramMessage): FileRef | null => {
  const photo = largestPhoto(message);
  if (photo) {
    return {
      fileId: photo.file_id,
      size: photo.file_size,
      filename: `photo-${photo.file_unique_id}.jpg`,
      contentType: 'image/jpeg',
    };
  }
  const { document, voice } = message;
  if (document) {
    return {
      fileId: document.file_id,
      size: document.file_size,
      filename: document.file_name ?? `document-${document.file_unique_id}`,
      contentType: document.mime_type ?? 'application/octet-stream',
    };
  }
  if (voice) {
    return {
      fileId: voice.file_id,
      size: voice.file_size,
      filename: `voice-${voice.file_unique_id}.ogg`,
      contentType: voice.mime_type ?? 'audio/ogg',
    };
  }
  return null;
};

const maxMegabytes = Math.round(TELEGRAM_ATTACHMENT_MAX_BYTES / 1024 / 1024);

/**
 * The file's content, or a notice for the text when it cannot be taken in for good (too large,
 * refused by Telegram). Transient failures throw, so the webhook fails and Telegram retries.
 */
const fetchFile = async (
  file: FileRef,
  files: TelegramFileFetcher
): Promise<InboundAttachment | string> => {
  const tooLarge = `[${file.filename} was not taken in: it is larger than ${maxMegabytes} MB.]`;
  if (file.size !== undefined && file.size > TELEGRAM_ATTACHMENT_MAX_BYTES) return tooLarge;
  try {
    const content = await files.fetch(file.fileId, TELEGRAM_ATTACHMENT_MAX_BYTES);
    if (!content) return tooLarge;
    return { filename: file.filename, contentType: file.contentType, content };
  } catch (error) {
    if (error instanceof ProviderRequestError && !error.retryable) {
      return `[${file.filename} was not taken in: Telegram did not hand it over.]`;
    }
    throw error;
  }
};

/** Only what a person writes to the bot in a private chat opens or continues a ticket. */
const personalMessage = (update: TelegramUpdate) => {
  const { message } = update;
  if (!message || message.chat.type !== 'private') return null;
  if (!message.from || message.from.is_bot) return null;
  return { ...message, from: message.from };
};

/**
 * Turns a Bot API update into the desk's inbound message, or null when it is not for the desk:
 * group and channel posts, messages from bots, edits (the desk keeps what was sent first; an
 * edit taken in would repeat the message in the thread), and messages with neither text nor a
 * photo, document or voice note (stickers, locations, service messages).
 * @throws ProviderRequestError (retryable) when an attachment cannot be fetched now
 */
export const telegramUpdateToInbound = async (
  update: TelegramUpdate,
  files: TelegramFileFetcher
): Promise<InboundMessage | null> => {
  const message = personalMessage(update);
  if (!message) return null;
  const written = message.text ?? message.caption ?? '';
  const file = fileOf(message);
  if (!written.trim() && !file) return null;

  const fetched = file ? await fetchFile(file, files) : null;
  const notice = typeof fetched === 'string' ? fetched : null;
  const { first_name: first, last_name: last } = message.from;
  return {
    channel: 'telegram',
    externalId: `telegram:${update.update_id}`,
    from: {
      name: [first, last].filter(Boolean).join(' '),
      telegramChatId: String(message.chat.id),
    },
    text: [written, notice].filter(Boolean).join('\n\n'),
    receivedAt: new Date(message.date * 1000),
    attachments: fetched && typeof fetched !== 'string' ? [fetched] : [],
  };
};
