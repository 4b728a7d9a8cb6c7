import { ProviderRequestError } from '../errors';
import type { TelegramApiConfig } from './config';

const REQUEST_TIMEOUT_MS = 30_000;

interface BotApiAnswer {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

const isAnswer = (value: unknown): value is BotApiAnswer =>
  typeof value === 'object' && value !== null && typeof Reflect.get(value, 'ok') === 'boolean';

const base = (config: TelegramApiConfig) => config.apiBaseUrl.replace(/\/+$/, '');

/** The URL of a file from getFile's `file_path`; it holds the token, so it is never logged. */
export const botFileUrl = (config: TelegramApiConfig, filePath: string) =>
  `${base(config)}/file/bot${config.token}/${filePath}`;

/** Rate limits and the Bot API's own failures pass; a refused request (400, 403) will again. */
const refusal = (answer: BotApiAnswer, httpStatus: number) => {
  const code = answer.error_code ?? httpStatus;
  const retryAfterSeconds = answer.parameters?.retry_after;
  return new ProviderRequestError(
    'telegram',
    `Telegram refused the request (${code}): ${answer.description ?? 'no description'}`,
    { retryable: code === 429 || code >= 500, retryAfterSeconds, providerCode: code }
  );
};

export const unreachable = (cause: unknown) =>
  new ProviderRequestError('telegram', 'The Telegram Bot API could not be reached.', {
    retryable: true,
    cause,
  });

/**
 * Calls a Bot API method and returns its `result`. JSON bodies for plain parameters, multipart
 * (FormData) when a file goes with them.
 * @throws ProviderRequestError when Telegram is unreachable or answers `ok: false`
 */
export const callBotApi = async (
  config: TelegramApiConfig,
  method: string,
  parameters: Record<string, unknown> | FormData
): Promise<unknown> => {
  const body = parameters instanceof FormData ? parameters : JSON.stringify(parameters);
  const headers: Record<string, string> =
    parameters instanceof FormData ? {} : { 'content-type': 'application/json' };
  let response: Response;
  let answer: unknown;
  try {
    response = await fetch(`${base(config)}/bot${config.token}/${method}`, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    answer = await response.json();
  } catch (error) {
    throw unreachable(error);
  }
  if (!isAnswer(answer))
    throw unreachable(new Error(`HTTP ${response.status}, not a Bot API answer`));
  if (!answer.ok) throw refusal(answer, response.status);
  return answer.result;
};
