import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import nodemailerProvider from '@strapi/provider-email-nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { startMailCatcher, type MailCatcher } from '@vixenhealth/tooling/testing/mail-catcher';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { createEmailSender, newMessageId, replySubject } from '../outbound-mail';
import { parseInboundMail } from '../parse-inbound-mail';

const OWN_DOMAIN = 'vixenhealth.ru';
let catcher: MailCatcher;
let dir: string;

beforeAll(async () => {
  catcher = await startMailCatcher();
  dir = mkdtempSync(path.join(tmpdir(), 'vh-outbound-'));
});
afterAll(async () => {
  await catcher.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the email sender, through Strapi’s nodemailer provider over real SMTP', () => {
  test('sends a threaded reply with its attachment, and the reply coming back is recognised as a loop', async () => {
    // The provider as the Strapi email plugin initialises it from cms/config/plugins.ts.
    const smtp: SMTPTransport.Options = {
      host: '127.0.0.1',
      port: Number(catcher.env.SMTP_PORT),
      secure: false,
    };
    const provider = nodemailerProvider.init(smtp, {
      defaultFrom: 'noreply@vixenhealth.ru',
      defaultReplyTo: 'noreply@vixenhealth.ru',
    });
    const sender = createEmailSender((options) => provider.send(options).then(() => undefined), {
      from: 'VixenHealth Support <support@vixenhealth.ru>',
      ownDomain: OWN_DOMAIN,
    });
    const file = path.join(dir, 'results.pdf');
    writeFileSync(file, '%PDF-1.4 results');
    const messageId = newMessageId(OWN_DOMAIN);

    const sent = await sender.send({
      ticketNumber: 'VH-10234',
      subject: 'RE: Re: [VH-10234] Invoice address',
      text: 'Здравствуйте! Адрес исправлен.',
      to: { email: 'jose.mueller@corp.example.com', name: 'José' },
      attachments: [{ filename: 'results.pdf', contentType: 'application/pdf', path: file }],
      thread: {
        messageId,
        inReplyTo: '<AM0PR04MB6417@outlook.com>',
        references: ['<vh.10234.1@vixenhealth.ru>', '<AM0PR04MB6417@outlook.com>'],
      },
    });

    expect(sent.externalId).toBe(messageId);
    const mail = await catcher.waitFor('jose.mueller@corp.example.com');
    expect(mail.subject).toBe('Re: Invoice address [VH-10234]');
    expect(mail.messageId).toBe(messageId);
    expect(mail.inReplyTo).toBe('<AM0PR04MB6417@outlook.com>');
    expect(mail.references).toEqual(['<vh.10234.1@vixenhealth.ru>', '<AM0PR04MB6417@outlook.com>']);
    expect(mail.headers.get('x-vixenhealth-ticket')).toBe('VH-10234');
    expect(mail.text?.trim()).toBe('Здравствуйте! Адрес исправлен.');
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([
      ['results.pdf', 'application/pdf', '%PDF-1.4 results'],
    ]);
    expect(messageId).toMatch(/^<vh\.[0-9a-f-]{36}@vixenhealth\.ru>$/);
  });

  test('never stacks Re: or ticket tags in the subject', () => {
    expect(replySubject('Re: RE: Ответ: Вопрос [VH-1] VH-1', 'VH-1')).toBe('Re: Вопрос [VH-1]');
    expect(replySubject('Invoice', 'VH-77')).toBe('Re: Invoice [VH-77]');
  });
});

describe('a reply of ours sent back to the desk', () => {
  test('is a loop by its X-VixenHealth-Ticket header', async () => {
    const raw = Buffer.from(
      'From: Support <support@vixenhealth.ru>\r\nTo: support@vixenhealth.ru\r\n' +
        'Subject: Re: x [VH-5]\r\nMessage-ID: <abc@mailer.example>\r\nX-VixenHealth-Ticket: VH-5\r\n\r\nhi\r\n'
    );
    expect((await parseInboundMail(raw, { ownDomain: OWN_DOMAIN })).automatic).toBe('loop');
  });
});
