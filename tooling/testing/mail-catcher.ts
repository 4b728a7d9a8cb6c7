import type { ParsedMail } from 'mailparser';

import { startSmtpSink } from '../lib/smtp-sink.mjs';

export interface MailCatcher {
  /** Settings that point the CMS's mail at this server. */
  env: Record<string, string>;
  messages: ParsedMail[];
  /** The next message to `to` (or one already received), waiting up to `timeoutMs`. */
  waitFor(to: string, timeoutMs?: number): Promise<ParsedMail>;
  stop(): Promise<void>;
}

const recipients = (mail: ParsedMail) =>
  [mail.to]
    .flat()
    .flatMap((address) => address?.value ?? [])
    .map((entry) => entry.address?.toLowerCase());

export interface MailCatcherOptions {
  /** How long it takes to accept a message, like a distant mail server (default: at once). */
  acceptDelayMs?: number;
}

/**
 * A real SMTP server on loopback that keeps what it receives, parsed: the CMS sends mail over
 * SMTP exactly as it would to a real server.
 */
export const startMailCatcher = async ({
  acceptDelayMs = 0,
}: MailCatcherOptions = {}): Promise<MailCatcher> => {
  const messages: ParsedMail[] = [];
  const waiting: { to: string; resolve: (mail: ParsedMail) => void }[] = [];
  const seen = new Set<ParsedMail>();

  const sink = await startSmtpSink({
    maxBytes: 1024 * 1024,
    acceptDelayMs,
    onMessage(mail) {
      messages.push(mail);
      for (const waiter of [...waiting]) {
        if (recipients(mail).includes(waiter.to)) {
          seen.add(mail);
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve(mail);
        }
      }
    },
  });

  return {
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_SECURE: 'false',
      SMTP_USERNAME: '',
    },
    messages,
    waitFor(to, timeoutMs = 5000) {
      const address = to.toLowerCase();
      const already = messages.find(
        (mail) => !seen.has(mail) && recipients(mail).includes(address)
      );
      if (already) {
        seen.add(already);
        return Promise.resolve(already);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`No mail to ${to} within ${timeoutMs} ms`)),
          timeoutMs
        );
        waiting.push({ to: address, resolve: (mail) => (clearTimeout(timer), resolve(mail)) });
      });
    },
    stop: sink.stop,
  };
};
