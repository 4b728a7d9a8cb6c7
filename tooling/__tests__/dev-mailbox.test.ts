import { connect } from 'node:net';

import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { startDevMailbox } from '../lib/dev-mailbox.mjs';

let mailbox: Awaited<ReturnType<typeof startDevMailbox>>;
beforeAll(async () => {
  mailbox = await startDevMailbox({ smtpPort: 0, httpPort: 0 });
});
afterAll(async () => mailbox?.stop());

it('keeps what is sent over SMTP and lists it, escaped, with clickable links', async () => {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: mailbox.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  await transport.sendMail({
    from: 'no-reply@vixenhealth.local',
    to: 'patient@demo.vixenhealth.local',
    subject: 'Подтвердите адрес <script>alert(1)</script>',
    text: 'Откройте ссылку: http://localhost:1337/id/verify-email?token=abc&lang=ru',
  });

  const messages = await (await fetch(`http://127.0.0.1:${mailbox.httpPort}/messages.json`)).json();
  expect(messages).toMatchObject([
    { to: 'patient@demo.vixenhealth.local', subject: expect.stringContaining('Подтвердите адрес') },
  ]);
  const page = await (await fetch(`http://127.0.0.1:${mailbox.httpPort}/`)).text();
  expect(page).not.toContain('<script>alert(1)</script>');
  expect(page).toContain('&#60;script&#62;');
  expect(page).toContain('<a href="http://localhost:1337/id/verify-email?token=abc&#38;lang=ru">');
});

it('keeps running when a client resets its connection in the middle of a message', async () => {
  const socket = connect(mailbox.smtpPort, '127.0.0.1');
  const reply = () => new Promise((resolve) => socket.once('data', resolve));
  await reply();
  for (const command of ['EHLO test', 'MAIL FROM:<a@x.local>', 'RCPT TO:<b@x.local>', 'DATA']) {
    socket.write(`${command}\r\n`);
    await reply();
  }
  socket.write('Subject: half\r\n\r\nhalf a message');
  // Let the mailbox start reading the message before the connection breaks.
  await new Promise((resolve) => setTimeout(resolve, 50));
  socket.resetAndDestroy();
  await new Promise((resolve) => setTimeout(resolve, 100));
  const page = await fetch(`http://127.0.0.1:${mailbox.httpPort}/messages.json`);
  expect(page.status).toBe(200);
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: mailbox.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  await expect(
    transport.sendMail({ from: 'a@vixenhealth.local', to: 'b@vixenhealth.local', text: 'ok' })
  ).resolves.toBeTruthy();
});
