import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A file that came with a multipart call (sendDocument's `document`). */
export interface BotApiUpload {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** One call the server received, its parameters as sent (JSON values, or form strings). */
export interface BotApiCall {
  method: string;
  params: Record<string, unknown>;
  files: Record<string, BotApiUpload>;
}

/** A file the server holds, as getFile describes it. */
export interface StoredBotFile {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  file_path: string;
}

export interface TelegramBotApi {
  /** What `apiBaseUrl` is set to (like `https://api.telegram.org`). */
  apiBaseUrl: string;
  token: string;
  calls: BotApiCall[];
  /** Keeps a file that messages may refer to by the returned `file_id`. */
  addFile(content: Uint8Array, extension?: string): StoredBotFile;
  /** The next call of `method` is refused with 429 Too Many Requests and this `retry_after`. */
  rateLimitNext(method: string, retryAfterSeconds: number): void;
  /** POSTs an update to a webhook as Telegram does, with the secret header when given. */
  deliverUpdate(webhookUrl: string, update: unknown, secret?: string): Promise<Response>;
  stop(): Promise<void>;
}

const BOT_USER = {
  id: 7_000_000_001,
  is_bot: true,
  first_name: 'VixenHealth Support',
  username: 'vixenhealth_support_bot',
};

class BotApiRefusal extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>
  ) {
    super(description);
  }
}

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** Parameters as the Bot API takes them: query string, JSON, urlencoded or multipart form. */
const readCall = async (request: IncomingMessage, method: string): Promise<BotApiCall> => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const files: Record<string, BotApiUpload> = {};
  const body = await readBody(request);
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) Object.assign(params, JSON.parse(body.toString()));
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/')) {
    const form = await new Request(url, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    }).formData();
    for (const [name, value] of form) {
      if (typeof value === 'string') params[name] = value;
      else {
        files[name] = {
          filename: value.name,
          contentType: value.type,
          content: Buffer.from(await value.arrayBuffer()),
        };
      }
    }
  }
  return { method, params, files };
};

const sentMessage = (chatId: unknown, fields: Record<string, unknown>) => ({
  message_id: Math.floor(Math.random() * 1_000_000) + 1,
  from: BOT_USER,
  chat: { id: Number(chatId), type: 'private' },
  date: Math.floor(Date.now() / 1000),
  ...fields,
});

/**
 * A Telegram Bot API server on 127.0.0.1 (node:http) answering the real shapes
 * (`{ ok: true, result }`, `{ ok: false, error_code, description, parameters }`) for
 * sendMessage, sendDocument, getFile, setWebhook and file downloads
 * (`/file/bot<token>/<file_path>`), recording every call. It can refuse a call once with 429
 * and deliver updates to a webhook the way Telegram does.
 */
export const startTelegramBotApi = async (): Promise<TelegramBotApi> => {
  const token = `${Math.floor(Math.random() * 1e9)}:${randomBytes(18).toString('base64url')}`;
  const calls: BotApiCall[] = [];
  const files = new Map<string, { meta: StoredBotFile; content: Buffer }>();
  const rateLimited = new Map<string, number>();

  const methods: Record<string, (call: BotApiCall) => unknown> = {
    sendMessage({ params }) {
      if (!params.chat_id) throw new BotApiRefusal(400, 'Bad Request: chat_id is empty');
      const text = typeof params.text === 'string' ? params.text : '';
      if (!text.trim()) throw new BotApiRefusal(400, 'Bad Request: message text is empty');
      if (text.length > 4096) throw new BotApiRefusal(400, 'Bad Request: message is too long');
      return sentMessage(params.chat_id, { text });
    },
    sendDocument({ params, files: uploads }) {
      if (!params.chat_id) throw new BotApiRefusal(400, 'Bad Request: chat_id is empty');
      const upload = uploads.document;
      if (!upload) throw new BotApiRefusal(400, 'Bad Request: there is no document in the request');
      const stored = api.addFile(upload.content);
      return sentMessage(params.chat_id, {
        document: {
          file_name: upload.filename,
          mime_type: upload.contentType,
          file_id: stored.file_id,
          file_unique_id: stored.file_unique_id,
          file_size: stored.file_size,
        },
      });
    },
    getFile({ params }) {
      const file = files.get(String(params.file_id));
      if (!file) throw new BotApiRefusal(400, 'Bad Request: invalid file_id');
      return file.meta;
    },
    setWebhook: () => true,
  };

  const answer = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  const handleMethod = async (
    request: IncomingMessage,
    response: ServerResponse,
    method: string
  ) => {
    const call = await readCall(request, method);
    calls.push(call);
    try {
      const retryAfter = rateLimited.get(method);
      if (retryAfter !== undefined) {
        rateLimited.delete(method);
        throw new BotApiRefusal(429, `Too Many Requests: retry after ${retryAfter}`, {
          retry_after: retryAfter,
        });
      }
      const run = methods[method];
      if (!run) throw new BotApiRefusal(404, 'Not Found');
      answer(response, 200, { ok: true, result: run(call) });
    } catch (error) {
      if (!(error instanceof BotApiRefusal)) throw error;
      answer(response, error.errorCode, {
        ok: false,
        error_code: error.errorCode,
        description: error.description,
        ...(error.parameters ? { parameters: error.parameters } : {}),
      });
    }
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const methodCall = /^\/bot([^/]+)\/(\w+)$/.exec(path);
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(path);
    const [, givenToken, rest] = methodCall ?? download ?? [];
    if (givenToken !== token) {
      answer(response, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    if (methodCall) {
      handleMethod(request, response, rest).catch((error: unknown) => {
        answer(response, 500, { ok: false, error_code: 500, description: String(error) });
      });
      return;
    }
    const file = [...files.values()].find(({ meta }) => meta.file_path === rest);
    if (!file) {
      answer(response, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    response.end(file.content);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const api: TelegramBotApi = {
    apiBaseUrl: `http://127.0.0.1:${port}`,
    token,
    calls,
    addFile(content, extension = 'bin') {
      const index = files.size + 1;
      const meta: StoredBotFile = {
        file_id: `BQACAgIAAxkBAAI${randomBytes(24).toString('base64url')}`,
        file_unique_id: `AgAD${randomBytes(8).toString('base64url')}`,
        file_size: content.byteLength,
        file_path: `documents/file_${index}.${extension}`,
      };
      files.set(meta.file_id, { meta, content: Buffer.from(content) });
      return meta;
    },
    rateLimitNext(method, retryAfterSeconds) {
      rateLimited.set(method, retryAfterSeconds);
    },
    deliverUpdate: (webhookUrl, update, secret) =>
      fetch(webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
        },
        body: JSON.stringify(update),
      }),
    stop: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return api;
};
