import type { Channel } from '../../../shared/contracts';

/**
 * A webhook call that does not come from the provider: wrong or missing secret or signature.
 * The controller answers 403 and takes nothing in.
 */
export class WebhookRefusedError extends Error {
  readonly code = 'ERR_SUPPORT_WEBHOOK_REFUSED';
  readonly status = 403;

  constructor(readonly channel: Channel) {
    super('This request is not signed by our messaging provider.');
    this.name = 'WebhookRefusedError';
  }
}

/**
 * A webhook body or bus message that is not in the provider's (or our bus's) format. `detail`
 * names the field at fault; it never quotes the content, which may be personal data.
 */
export class InvalidChannelPayloadError extends Error {
  readonly code = 'ERR_SUPPORT_PAYLOAD_INVALID';
  readonly status = 400;

  constructor(
    readonly channel: Channel,
    readonly detail: string
  ) {
    super(`The ${channel} message is not in the expected format: ${detail}.`);
    this.name = 'InvalidChannelPayloadError';
  }
}

export interface ProviderRequestErrorOptions {
  /** The same request later may succeed (rate limit, provider or network down). */
  retryable: boolean;
  /** The wait the provider asked for before the next try (Telegram's `retry_after`). */
  retryAfterSeconds?: number;
  /** The provider's own error code (Telegram `error_code`, Twilio `code`). */
  providerCode?: number;
  cause?: unknown;
}

/**
 * The provider's API did not do what we asked (send a reply, hand over a file). A sender's caller
 * keeps the reply for another try when `retryable`; a webhook answers 503 so the provider
 * delivers the update again.
 */
export class ProviderRequestError extends Error {
  readonly code = 'ERR_SUPPORT_PROVIDER_FAILED';
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly providerCode: number | undefined;

  constructor(
    readonly channel: Channel,
    message: string,
    options: ProviderRequestErrorOptions
  ) {
    super(message, { cause: options.cause });
    this.name = 'ProviderRequestError';
    this.retryable = options.retryable;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.providerCode = options.providerCode;
  }
}
