import { InvalidChannelPayloadError } from '../errors';

// The subset of the Bot API's Update (https://core.telegram.org/bots/api#update) the desk reads.
// Fields not listed here are allowed and ignored; those listed are checked, since the webhook is
// reachable from outside even with the secret.

export interface TelegramUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
}

export type TelegramChatType = 'private' | 'group' | 'supergroup' | 'channel';

export interface TelegramChat {
  id: number;
  type: TelegramChatType;
}

export interface TelegramPhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size?: number;
}

export interface TelegramDocument {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
}

export interface TelegramVoice {
  file_id: string;
  file_unique_id: string;
  duration: number;
  mime_type?: string;
  file_size?: number;
}

export interface TelegramMessage {
  message_id: number;
  /** Absent for messages sent on behalf of a channel. */
  from?: TelegramUser;
  /** Unix time, seconds. */
  date: number;
  chat: TelegramChat;
  text?: string;
  caption?: string;
  /** The same photo in several sizes. */
  photo?: TelegramPhotoSize[];
  document?: TelegramDocument;
  voice?: TelegramVoice;
}

export interface TelegramUpdate {
  update_id: number;
  message?: TelegramMessage;
  edited_message?: TelegramMessage;
  channel_post?: TelegramMessage;
  edited_channel_post?: TelegramMessage;
}

type Json = Record<string, unknown>;

const invalid = (detail: string) => new InvalidChannelPayloadError('telegram', detail);

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const object = (value: unknown, path: string): Json => {
  if (!isObject(value)) throw invalid(`${path} must be an object`);
  return value;
};

const integer = (value: unknown, path: string): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw invalid(`${path} must be an integer`);
  }
  return value;
};

const string = (value: unknown, path: string): string => {
  if (typeof value !== 'string') throw invalid(`${path} must be a string`);
  return value;
};

const optional = <T>(value: unknown, path: string, read: (value: unknown, path: string) => T) =>
  value === undefined ? undefined : read(value, path);

const CHAT_TYPES: readonly string[] = ['private', 'group', 'supergroup', 'channel'];
const isChatType = (type: string): type is TelegramChatType => CHAT_TYPES.includes(type);

const readUser = (value: unknown, path: string): TelegramUser => {
  const user = object(value, path);
  if (typeof user.is_bot !== 'boolean') throw invalid(`${path}.is_bot must be a boolean`);
  return {
    id: integer(user.id, `${path}.id`),
    is_bot: user.is_bot,
    first_name: string(user.first_name, `${path}.first_name`),
    last_name: optional(user.last_name, `${path}.last_name`, string),
    username: optional(user.username, `${path}.username`, string),
  };
};

const readChat = (value: unknown, path: string): TelegramChat => {
  const chat = object(value, path);
  const type = string(chat.type, `${path}.type`);
  if (!isChatType(type)) throw invalid(`${path}.type is not a chat type`);
  return { id: integer(chat.id, `${path}.id`), type };
};

const readFile = (value: unknown, path: string) => {
  const file = object(value, path);
  return {
    file_id: string(file.file_id, `${path}.file_id`),
    file_unique_id: string(file.file_unique_id, `${path}.file_unique_id`),
    file_size: optional(file.file_size, `${path}.file_size`, integer),
  };
};

const readPhotoSize = (value: unknown, path: string): TelegramPhotoSize => {
  const photo = object(value, path);
  return {
    ...readFile(photo, path),
    width: integer(photo.width, `${path}.width`),
    height: integer(photo.height, `${path}.height`),
  };
};

const readDocument = (value: unknown, path: string): TelegramDocument => {
  const document = object(value, path);
  return {
    ...readFile(document, path),
    file_name: optional(document.file_name, `${path}.file_name`, string),
    mime_type: optional(document.mime_type, `${path}.mime_type`, string),
  };
};

const readVoice = (value: unknown, path: string): TelegramVoice => {
  const voice = object(value, path);
  return {
    ...readFile(voice, path),
    duration: integer(voice.duration, `${path}.duration`),
    mime_type: optional(voice.mime_type, `${path}.mime_type`, string),
  };
};

const readPhotos = (value: unknown, path: string): TelegramPhotoSize[] => {
  if (!Array.isArray(value)) throw invalid(`${path} must be an array`);
  return value.map((size, index) => readPhotoSize(size, `${path}[${index}]`));
};

const readMessage = (value: unknown, path: string): TelegramMessage => {
  const message = object(value, path);
  return {
    message_id: integer(message.message_id, `${path}.message_id`),
    from: optional(message.from, `${path}.from`, readUser),
    date: integer(message.date, `${path}.date`),
    chat: readChat(message.chat, `${path}.chat`),
    text: optional(message.text, `${path}.text`, string),
    caption: optional(message.caption, `${path}.caption`, string),
    photo: optional(message.photo, `${path}.photo`, readPhotos),
    document: optional(message.document, `${path}.document`, readDocument),
    voice: optional(message.voice, `${path}.voice`, readVoice),
  };
};

/**
 * Checks a webhook body (already parsed from JSON) against the Update fields the desk reads.
 * @throws InvalidChannelPayloadError naming the first field at fault
 */
export const parseTelegramUpdate = (body: unknown): TelegramUpdate => {
  const update = object(body, 'update');
  return {
    update_id: integer(update.update_id, 'update.update_id'),
    message: optional(update.message, 'update.message', readMessage),
    edited_message: optional(update.edited_message, 'update.edited_message', readMessage),
    channel_post: optional(update.channel_post, 'update.channel_post', readMessage),
    edited_channel_post: optional(
      update.edited_channel_post,
      'update.edited_channel_post',
      readMessage
    ),
  };
};
