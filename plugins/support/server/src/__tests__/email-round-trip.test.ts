import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startDovecot, type Dovecot } from '@vixenhealth/tooling/testing/dovecot';
import { startMailCatcher, type MailCatcher } from '@vixenhealth/tooling/testing/mail-catcher';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import { createDeskUser, type DeskUser } from '@vixenhealth/tooling/testing/desk-people';

/**
 * Mail end to end against real servers: Dovecot holds the support mailbox the CMS polls over
 * IMAP, a local SMTP server catches what it sends. A mail becomes a ticket, the agent's reply
 * goes out threaded, the answer threads back, an auto-reply starts no loop, and mail already in
 * the mailbox at the first import is taken in without an answer.
 */

let dovecot: Dovecot;
let smtp: MailCatcher;
let cms: TestCms;
let lead: DeskUser;

const mail = (headers: Record<string, string>, body: string) =>
  [
    ...Object.entries({ Date: new Date().toUTCString(), 'MIME-Version': '1.0', ...headers }).map(
      ([name, value]) => `${name}: ${value}`
    ),
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
    '',
  ].join('\r\n');

const encoded = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;

beforeAll(async () => {
  [dovecot, smtp] = await Promise.all([startDovecot(), startMailCatcher()]);
  // Already in the mailbox before the desk first looks: taken in, never answered.
  await dovecot.append(
    mail(
      {
        From: 'Старый клиент <old@example.org>',
        To: 'support@vixenhealth.local',
        Subject: encoded('Старое письмо'),
        'Message-ID': '<old-1@example.org>',
      },
      'Письмо до подключения ящика'
    )
  );
  cms = await startTestCms({
    ...smtp.env,
    IMAP_HOST: dovecot.host,
    IMAP_PORT: String(dovecot.port),
    IMAP_SECURE: 'false',
    IMAP_USER: dovecot.user,
    IMAP_PASSWORD: dovecot.password,
    IMAP_POLL_MS: '300',
  });
  lead = await createDeskUser(cms, 'support-lead');
});
afterAll(async () => {
  await cms?.stop();
  await Promise.all([dovecot?.stop(), smtp?.stop()]);
});

const waitFor = async <T>(read: () => Promise<T | null | undefined>, what: string) => {
  for (let tries = 0; tries < 150; tries += 1) {
    const value = await read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`never happened: ${what}`);
};

const desk = (path: string, method = 'GET', body?: unknown) =>
  cms.request(`/support${path}`, { method, token: lead.token, body });

const ticketBySubject = (text: string) =>
  waitFor(
    async () =>
      (await desk(`/tickets?channel=email&q=${encodeURIComponent(text)}`)).body.tickets?.[0],
    text
  );

const sentTo = (address: string) =>
  smtp.messages.filter((message) => message.to && JSON.stringify(message.to).includes(address));

describe('email in and out', () => {
  it('takes mail already in the mailbox in without answering it', async () => {
    const old = await ticketBySubject('старое письмо');
    expect(old.requesterName).toBe('Старый клиент');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sentTo('old@example.org')).toHaveLength(0);
    // Kept on the server and marked, never deleted.
    const [kept] = await dovecot.messages();
    expect(kept.flags).toContain('\\Seen');
  });

  it('threads a conversation both ways, and an auto-reply starts no loop', async () => {
    await dovecot.append(
      mail(
        {
          From: 'Анна <anna@example.org>',
          To: 'support@vixenhealth.local',
          Subject: encoded('Не работает запись'),
          'Message-ID': '<anna-1@example.org>',
        },
        'Не получается записаться к врачу.'
      )
    );
    const ticket = await ticketBySubject('не работает запись');
    const acknowledgement = await smtp.waitFor('anna@example.org', 10_000);
    expect(acknowledgement.subject).toContain(ticket.number);
    expect(acknowledgement.inReplyTo).toBe('<anna-1@example.org>');

    await desk(`/tickets/${ticket.number}/messages`, 'POST', {
      kind: 'reply',
      body: 'Попробуйте ещё раз, мы исправили.',
    });
    await cms.strapi.plugin('support').service('work').deliverDueReplies();
    const reply = await waitFor(
      async () =>
        sentTo('anna@example.org').find((message) => message.text?.includes('мы исправили')),
      'the agent reply'
    );
    expect(reply.subject).toBe(`Re: Не работает запись [${ticket.number}]`);
    expect(reply.inReplyTo).toBe('<anna-1@example.org>');
    expect([reply.references].flat()).toContain('<anna-1@example.org>');
    expect(reply.headers.get('x-vixenhealth-ticket')).toBe(ticket.number);

    // Anna answers the reply: it threads into the same ticket.
    await dovecot.append(
      mail(
        {
          From: 'Анна <anna@example.org>',
          To: 'support@vixenhealth.local',
          Subject: encoded(`Re: Не работает запись [${ticket.number}]`),
          'Message-ID': '<anna-2@example.org>',
          'In-Reply-To': reply.messageId!,
          References: `<anna-1@example.org> ${reply.messageId}`,
        },
        'Спасибо, теперь работает!'
      )
    );
    await waitFor(async () => {
      const detail = await desk(`/tickets/${ticket.number}`);
      return detail.body.messages.some((message: { text: string }) =>
        message.text.includes('теперь работает')
      );
    }, 'the answer in the thread');

    // Her mail server answers our reply automatically: kept as a note, nothing sent back.
    const sentBefore = sentTo('anna@example.org').length;
    await dovecot.append(
      mail(
        {
          From: 'Анна <anna@example.org>',
          To: 'support@vixenhealth.local',
          Subject: 'Auto: Re: Не работает запись',
          'Message-ID': '<anna-auto@example.org>',
          'In-Reply-To': reply.messageId!,
          'Auto-Submitted': 'auto-replied',
        },
        'Я в отпуске до понедельника.'
      )
    );
    const detail = await waitFor(async () => {
      const found = await desk(`/tickets/${ticket.number}`);
      return found.body.messages.some((message: { text: string }) =>
        message.text.includes('в отпуске')
      )
        ? found
        : null;
    }, 'the auto-reply as a note');
    expect(detail.body.messages.at(-1).kind).toBe('note');
    await cms.strapi.plugin('support').service('work').deliverDueReplies();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sentTo('anna@example.org')).toHaveLength(sentBefore);
    const all = await desk('/tickets?channel=email&q=anna');
    expect(
      all.body.tickets.filter((item: { number: string }) => item.number !== ticket.number)
    ).toHaveLength(0);
  });
});
