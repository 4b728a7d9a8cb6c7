import { ProviderRequestError } from '../errors';
import { botFileUrl, callBotApi, unreachable } from './bot-api';
import type { TelegramApiConfig } from './config';

const DOWNLOAD_TIMEOUT_MS = 60_000;

/** Hands over the bytes of a file a Telegram message carries. */
export interface TelegramFileFetcher {
  /**
   * The file's content, or null when it turns out larger than `maxBytes`.
   * @throws ProviderRequestError when Telegram will not give the file
   */
  fetch(fileId: string, maxBytes: number): Promise<Uint8Array | null>;
}

const filePathOf = (result: unknown): string => {
  const filePath = typeof result === 'object' && result ? Reflect.get(result, 'file_path') : null;
  if (typeof filePath !== 'string') {
    throw new ProviderRequestError('telegram', 'Telegram gave no path for the file.', {
      retryable: false,
    });
  }
  return filePath;
};

/** Reads the body up to `maxBytes`; null as soon as it goes over, without reading the rest. */
const readCapped = async (body: ReadableStream<Uint8Array>, maxBytes: number) => {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(read.value);
  }
  return new Uint8Array(Buffer.concat(chunks));
};

/** Fetches files the Bot API way: getFile for a path, then `<base>/file/bot<token>/<path>`. */
export const createTelegramFileFetcher = (config: TelegramApiConfig): TelegramFileFetcher => ({
  async fetch(fileId, maxBytes) {
    const filePath = filePathOf(await callBotApi(config, 'getFile', { file_id: fileId }));
    let response: Response;
    try {
      response = await fetch(botFileUrl(config, filePath), {
        signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
      });
    } catch (error) {
      throw unreachable(error);
    }
    if (!response.ok || !response.body) {
      throw new ProviderRequestError(
        'telegram',
        `Telegram's file download answered ${response.status}.`,
        { retryable: response.status >= 500, providerCode: response.status }
      );
    }
    return readCapped(response.body, maxBytes);
  },
});
