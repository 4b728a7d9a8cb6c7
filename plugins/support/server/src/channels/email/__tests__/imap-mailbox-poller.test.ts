import { startDovecot, type Dovecot } from '@vixenhealth/tooling/testing/dovecot';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { InboundMessage } from '../../../../../shared/contracts';
import {
  ImapMailboxPoller,
  MAX_DELIVERY_FAILURES,
  TAKEN_KEYWORD,
  type PollState,
  type PollStateStore,
} from '../imap-mailbox-poller';

const memoryStore = (): PollStateStore => {
  const states = new Map<string, PollState>();
  return {
    load: async (key) => structuredClone(states.get(key) ?? null),
    save: async (key, state) => void states.set(key, structuredClone(state)),
  };
};

const mail = (n: number) =>
  `From: Patient ${n} <p${n}@example.org>\r\nTo: support@vixenhealth.ru\r\nSubject: Question ${n}\r\n` +
  `Message-ID: <q${n}@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nBody ${n}\r\n`;

let dovecot: Dovecot;
beforeEach(async () => {
  dovecot = await startDovecot();
});
afterEach(async () => {
  await dovecot.stop();
});

const poller = (store: PollStateStore, onMessage: (m: InboundMessage) => Promise<void>) =>
  new ImapMailboxPoller({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    store,
    onMessage,
    parse: { ownDomain: 'vixenhealth.ru' },
    logger: { info: () => undefined, warn: () => undefined },
  });

describe('ImapMailboxPoller against a real Dovecot', () => {
  test('imports old mail as historical, then takes new mail, flagging and never deleting', async () => {
    await dovecot.append(mail(1));
    await dovecot.append(mail(2));
    const got: InboundMessage[] = [];
    const store = memoryStore();
    const imap = poller(store, async (m) => void got.push(m));

    expect(await imap.pollOnce()).toEqual({ taken: 2 });
    expect(got.map((m) => [m.externalId, m.historical])).toEqual([
      ['<q1@example.org>', true],
      ['<q2@example.org>', true],
    ]);
    await dovecot.append(mail(3));
    expect(await imap.pollOnce()).toEqual({ taken: 1 });
    expect(await imap.pollOnce()).toEqual({ taken: 0 });
    expect(got[2]).toMatchObject({ externalId: '<q3@example.org>', subject: 'Question 3' });
    expect(got[2].historical).toBeUndefined();

    const kept = await dovecot.messages();
    expect(kept).toHaveLength(3);
    for (const message of kept) expect(message.flags).toEqual([TAKEN_KEYWORD, '\\Seen'].sort());
  });

  test('a poll cut off mid-way re-delivers only what was not saved, and skips nothing', async () => {
    for (const n of [1, 2, 3, 4]) await dovecot.append(mail(n));
    const store = memoryStore();
    const first: string[] = [];
    const crashing = poller(store, async (m) => {
      first.push(m.externalId);
      // The CMS goes down while the third message is being taken in.
      if (first.length === 3) await crashing.stop();
    });
    await crashing.pollOnce().catch(() => undefined);

    const second: string[] = [];
    await poller(store, async (m) => void second.push(m.externalId)).pollOnce();
    expect(first).toEqual(['<q1@example.org>', '<q2@example.org>', '<q3@example.org>']);
    expect(second).toEqual(['<q3@example.org>', '<q4@example.org>']);
    expect(await dovecot.messages()).toHaveLength(4);
  });

  test('a message whose delivery keeps failing does not block the others, and is delivered raw at last', async () => {
    for (const n of [1, 2, 3]) await dovecot.append(mail(n));
    const store = memoryStore();
    const got: InboundMessage[] = [];
    const imap = poller(store, async (m) => {
      if (m.externalId === '<q2@example.org>' && !m.unparsed) throw new Error('intake down');
      got.push(m);
    });
    for (let poll = 0; poll < MAX_DELIVERY_FAILURES; poll += 1) await imap.pollOnce();
    expect(got.map((m) => m.externalId)).toEqual(['<q1@example.org>', '<q3@example.org>']);
    await dovecot.append(mail(4));
    await imap.pollOnce();
    expect(got.slice(2).map((m) => [m.externalId, m.unparsed])).toEqual([
      ['<q2@example.org>', true],
      ['<q4@example.org>', undefined],
    ]);
    expect(got[2].attachments[0].filename).toBe('message.eml');
    expect(await imap.pollOnce()).toEqual({ taken: 0 });
  });
});
