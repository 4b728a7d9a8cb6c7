/** Why an inbound mail was kept raw instead of parsed; `message` is shown on the ticket. */
export abstract class UnreadableMailError extends Error {}

export class MailTooLargeError extends UnreadableMailError {
  constructor(bytes: number, limit: number) {
    super(`This mail (${bytes} bytes) is larger than the ${limit} bytes that are read.`);
    this.name = 'MailTooLargeError';
  }
}

export class MailParseTimeoutError extends UnreadableMailError {
  constructor(timeLimitMs: number) {
    super(`Reading this mail took longer than ${timeLimitMs} ms.`);
    this.name = 'MailParseTimeoutError';
  }
}

export class MailParseFailedError extends UnreadableMailError {
  constructor(reason: string) {
    super(`This mail is not well-formed MIME (${reason}).`);
    this.name = 'MailParseFailedError';
  }
}
