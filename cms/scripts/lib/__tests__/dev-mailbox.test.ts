import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { startDevMailbox } from '../dev-mailbox.mjs';

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
