import { readdirSync, readFileSync } from 'node:fs';

import { describe, expect, test } from 'vitest';

import type { AutomaticKind, InboundMessage } from '../../../../../shared/contracts';
import { parseInboundMail } from '../parse-inbound-mail';

const CORPUS = new URL('./corpus/', import.meta.url);
const OWN_DOMAIN = 'vixenhealth.ru';

interface Expected {
  /** Readable text the message must contain (decoded, whatever its charset). */
  text?: RegExp;
  subject?: string;
  fromName?: string;
  automatic?: AutomaticKind;
  /** Kept raw: the mail itself is the one attachment. */
  unparsed?: true;
  attachment?: { filename: string; contentType: string; size?: number };
  ticketNumber?: string;
}

// One entry per file of corpus/: a file without one fails the test.
const EXPECTED: Record<string, Expected> = {
  'outlook-html-only.eml': {
    text: /old clinic address – could you correct it/,
    fromName: 'José Müller',
    ticketNumber: 'VH-10234',
  },
  'gmail-reply-quoted.eml': {
    text: /перенести приём на четверг/,
    subject: 'Re: Запись к терапевту [VH-10240]',
    fromName: 'Анна Петрова',
    ticketNumber: 'VH-10240',
  },
  'thunderbird-attachment.eml': {
    text: /прикладываю результаты анализов/,
    subject: 'Анализы за март',
    attachment: { filename: 'анализы.pdf', contentType: 'application/pdf' },
  },
  'mailru-koi8r.eml': {
    text: /Прошу отменить мою запись на 20 марта/,
    subject: 'Прошу отменить запись',
    fromName: 'Ольга Козлова',
  },
  'yandex-cp1251.eml': {
    text: /Не приходит СМС с кодом подтверждения/,
    subject: 'Не приходит СМС',
    fromName: 'Владимир Соколов',
  },
  'encoded-words-split.eml': {
    text: /Оплата прошла дважды/,
    subject: 'Вопрос по оплате',
    fromName: 'Пётр',
  },
  'raw-8bit-utf8-headers.eml': {
    text: /восстановление не приходит/,
    subject: 'Не могу войти в личный кабинет',
    fromName: 'Мария Иванова',
  },
  'raw-8bit-cp1251-headers.eml': {
    text: /справка для бассейна для ребёнка/,
    subject: 'Справка для бассейна',
    fromName: 'Сергей',
  },
  'missing-closing-boundary.eml': {
    text: /never got the reminder email/,
    attachment: { filename: 'details.txt', contentType: 'text/plain' },
  },
  'undeclared-boundary.eml': { unparsed: true, subject: 'Callback request' },
  // Declared quoted-printable, sent raw: "=25" becomes "%"; the rest stays readable.
  'wrong-transfer-encoding.eml': { text: /Цены на сайте клиники не совпадают с прайсом/ },
  'postfix-dsn.eml': { automatic: 'bounce', text: /could not\s+be delivered/ },
  'exchange-dsn.eml': { automatic: 'bounce', ticketNumber: 'VH-10260' },
  'arf-feedback-report.eml': { automatic: 'feedback-report', text: /email abuse report/ },
  'vacation-auto-reply.eml': {
    automatic: 'auto-reply',
    text: /Я в отпуске до 30 марта/,
    ticketNumber: 'VH-10270',
  },
  'forwarded-rfc822.eml': {
    text: /пересылаю/,
    attachment: { filename: 'Suspicious.eml', contentType: 'message/rfc822' },
  },
  'large-base64-attachment.eml': {
    text: /scan of my referral letter/,
    attachment: { filename: 'referral.jpg', contentType: 'image/jpeg', size: 2 * 1024 * 1024 },
  },
  'pathological-nested-parts.eml': { unparsed: true, subject: 'Nested parts' },
  'enormous-header.eml': { unparsed: true, subject: 'Огромный заголовок', fromName: 'Кирилл' },
  'not-mime.eml': { text: /Please delete my account/, subject: 'old system' },
};

const parseFile = (file: string) =>
  parseInboundMail(readFileSync(new URL(file, CORPUS)), { ownDomain: OWN_DOMAIN });

const expectKeptRaw = (message: InboundMessage, raw: Buffer) => {
  expect(message.unparsed).toBe(true);
  expect(message.text).toMatch(/attached as message\.eml/);
  expect(message.attachments).toHaveLength(1);
  expect(message.attachments[0]).toMatchObject({
    filename: 'message.eml',
    contentType: 'message/rfc822',
  });
  expect(Buffer.from(message.attachments[0].content).equals(raw)).toBe(true);
};

describe('parseInboundMail on the corpus of hard real-world mail', () => {
  test('every file of the corpus has an expected outcome', () => {
    expect(readdirSync(CORPUS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(Object.entries(EXPECTED))('%s', async (file, expected) => {
    const message = await parseFile(file);
    expect(message.channel).toBe('email');
    expect(message.externalId).toMatch(/^<.+@.+>$|^sha256:[0-9a-f]{64}$/);
    if (expected.unparsed) expectKeptRaw(message, readFileSync(new URL(file, CORPUS)));
    else {
      expect(message.unparsed).toBeUndefined();
      expect(message.text).not.toContain('\uFFFD');
    }
    if (expected.text) expect(message.text).toMatch(expected.text);
    if (expected.subject) expect(message.subject).toBe(expected.subject);
    if (expected.fromName) expect(message.from.name).toBe(expected.fromName);
    expect(message.automatic).toBe(expected.automatic);
    if (expected.ticketNumber) expect(message.thread?.ticketNumber).toBe(expected.ticketNumber);
    if (expected.attachment) {
      const { size, ...attachment } = expected.attachment;
      const found = message.attachments.find((a) => a.filename === attachment.filename);
      expect(found).toMatchObject(attachment);
      if (size !== undefined) expect(found?.content.byteLength).toBe(size);
    }
  });
});

describe('parseInboundMail', () => {
  test('threads a reply by its In-Reply-To and References, and a mail without Message-ID by its digest', async () => {
    const reply = await parseFile('gmail-reply-quoted.eml');
    expect(reply.externalId).toBe(
      '<CAJH7x5sXk3q9Rr2Bz0o=Vd1nQf8eL4mZp6Tq+Yw2cN1uA7b8Dg@mail.gmail.com>'
    );
    expect(reply.thread).toMatchObject({
      inReplyTo: '<vh.10240.3@vixenhealth.ru>',
      references: ['<vh.10240.3@vixenhealth.ru>'],
    });
    const first = await parseFile('not-mime.eml');
    const again = await parseFile('not-mime.eml');
    expect(first.externalId).toMatch(/^sha256:/);
    expect(again.externalId).toBe(first.externalId);
  });

  test('keeps a mail raw when parsing runs past the time limit, and the next mail parses in a fresh thread', async () => {
    const raw = readFileSync(new URL('large-base64-attachment.eml', CORPUS));
    const slow = await parseInboundMail(raw, { ownDomain: OWN_DOMAIN, timeLimitMs: 1 });
    expectKeptRaw(slow, raw);
    expect(slow.text).toMatch(/took longer than 1 ms/);
    // The headers are still read, in a thread of its own.
    expect(slow.subject).toBe('Scan of my referral');
    expect(slow.externalId).toBe('<large-attachment-20260320@example.com>');

    const next = await parseFile('mailru-koi8r.eml');
    expect(next.unparsed).toBeUndefined();
    expect(next.text).toMatch(/Прошу отменить/);
  });

  test('keeps a mail over the size limit raw without parsing it', async () => {
    const head = Buffer.from('From: Big <big@example.org>\r\nSubject: Huge\r\n\r\n');
    const raw = Buffer.concat([head, Buffer.alloc(25 * 1024 * 1024 + 1, 'a')]);
    const message = await parseInboundMail(raw, { ownDomain: OWN_DOMAIN });
    expectKeptRaw(message, raw);
    expect(message.text).toMatch(/larger than/);
    expect(message.from).toEqual({ name: 'Big', email: 'big@example.org' });
    expect(message.subject).toBe('Huge');
  });

  test('recognises our own mail coming back as a loop, but not a human mail with Outlook’s X-Auto-Response-Suppress', async () => {
    const own = Buffer.from(
      'From: Someone <someone@example.org>\r\nSubject: Re: hi\r\n' +
        'Message-ID: <vh.1.2@vixenhealth.ru>\r\n\r\nhello\r\n'
    );
    expect((await parseInboundMail(own, { ownDomain: OWN_DOMAIN })).automatic).toBe('loop');
    const outlook = await parseFile('outlook-html-only.eml');
    expect(outlook.automatic).toBeUndefined();
  });
});
