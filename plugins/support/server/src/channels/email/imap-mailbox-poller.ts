import { ImapFlow } from 'imapflow';

import type { InboundMessage } from '../../../../shared/contracts';

import { parseInboundMail, type ParseMailOptions } from './parse-inbound-mail';

/** Where a mailbox's poller left off: every uid up to lastUid was taken in. */
export interface PollState {
  uidValidity: string;
  lastUid: number;
  /** Failed deliveries by uid, for messages whose onMessage threw. */
  failures?: Record<string, number>;
}

/** Keeps poll state across restarts (the lead's content type; in memory in tests). */
export interface PollStateStore {
  load(key: string): Promise<PollState | null>;
  save(key: string, state: PollState): Promise<void>;
}

export interface PollerLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface ImapMailboxPollerOptions {
  host: string;
  port: number;
  secure: boolean;
  auth: { user: string; pass: string };
  mailbox?: string;
  store: PollStateStore;
  onMessage(message: InboundMessage): Promise<void>;
  parse: Omit<ParseMailOptions, 'receivedAt'>;
  logger: PollerLogger;
}

export const TAKEN_KEYWORD = '$VixenHealthTaken';
/** Polls a message's onMessage may fail in before it is delivered raw, as unparsed. */
export const MAX_DELIVERY_FAILURES = 3;

/**
 * Takes new mail from an IMAP mailbox. Mail is never deleted: each message taken is flagged \Seen
 * and $VixenHealthTaken, and the state is saved only after onMessage resolved for it, so a crash
 * re-delivers (the intake dedupes by externalId). A message whose onMessage throws is retried on
 * the next polls while the ones after it go on; after MAX_DELIVERY_FAILURES polls it is delivered
 * as unparsed (raw), and retried so until that succeeds.
 */
export class ImapMailboxPoller {
  private timer: NodeJS.Timeout | null = null;
  private client: ImapFlow | null = null;

  constructor(private readonly options: ImapMailboxPollerOptions) {}

  private get key() {
    const { auth, host, port, mailbox = 'INBOX' } = this.options;
    return `${auth.user}@${host}:${port}/${mailbox}`;
  }

  async pollOnce(): Promise<{ taken: number }> {
    const { host, port, secure, auth, mailbox = 'INBOX', store } = this.options;
    const client = new ImapFlow({ host, port, secure, auth, logger: false });
    this.client = client;
    await client.connect();
    try {
      const opened = await client.mailboxOpen(mailbox);
      const uidValidity = String(opened.uidValidity);
      const saved = await store.load(this.key);
      const fresh = !saved;
      const state: PollState =
        saved && saved.uidValidity === uidValidity ? saved : { uidValidity, lastUid: 0 };
      const uids = (
        (await client.search(
          { uid: `${state.lastUid + 1}:*`, unKeyword: TAKEN_KEYWORD },
          { uid: true }
        )) || []
      ).filter((uid) => uid > state.lastUid);
      let taken = 0;
      let blocked = false;
      for (const uid of uids.sort((a, b) => a - b)) {
        const delivered = await this.take(client, uid, state, fresh);
        if (delivered) {
          taken += 1;
          if (!blocked) state.lastUid = uid;
        } else blocked = true;
        await store.save(this.key, state);
      }
      return { taken };
    } finally {
      this.client = null;
      await client.logout().catch(() => undefined);
    }
  }

  /** Delivers one message; false when onMessage threw (it is retried next poll). */
  private async take(client: ImapFlow, uid: number, state: PollState, historical: boolean) {
    const fetched = await client.fetchOne(
      String(uid),
      { source: true, internalDate: true },
      { uid: true }
    );
    if (!fetched || !fetched.source) return false;
    const failures = state.failures?.[uid] ?? 0;
    const receivedAt = fetched.internalDate ? new Date(fetched.internalDate) : undefined;
    const parsed = await parseInboundMail(fetched.source, { ...this.options.parse, receivedAt });
    const message: InboundMessage =
      failures >= MAX_DELIVERY_FAILURES ? asRaw(parsed, fetched.source) : parsed;
    try {
      await this.options.onMessage(historical ? { ...message, historical: true } : message);
    } catch (error) {
      state.failures = { ...state.failures, [uid]: failures + 1 };
      this.options.logger.warn(
        `IMAP ${this.key}: uid ${uid} not taken (attempt ${failures + 1}): ${errorName(error)}`
      );
      return false;
    }
    await client.messageFlagsAdd(String(uid), ['\\Seen', TAKEN_KEYWORD], { uid: true });
    if (state.failures) delete state.failures[uid];
    return true;
  }

  start(intervalMs: number): void {
    const tick = async () => {
      await this.pollOnce().then(
        ({ taken }) => taken > 0 && this.options.logger.info(`IMAP ${this.key}: took ${taken}`),
        (error) => this.options.logger.warn(`IMAP ${this.key}: poll failed: ${errorName(error)}`)
      );
      if (this.timer) this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops polling; a poll under way loses its connection and saves nothing more. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.client?.close();
  }
}

const asRaw = (message: InboundMessage, raw: Buffer): InboundMessage => ({
  ...message,
  text: 'This mail could not be taken in several times. The original mail is attached as message.eml.',
  attachments: [{ filename: 'message.eml', contentType: 'message/rfc822', content: raw }],
  unparsed: true,
});

/** Error names and codes only: messages may carry addresses or server replies. */
const errorName = (error: unknown) =>
  error instanceof Error
    ? `${error.name}${'code' in error ? ` ${String(error.code)}` : ''}`
    : 'unknown error';
