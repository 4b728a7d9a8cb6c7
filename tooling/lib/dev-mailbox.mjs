import { createServer } from 'node:http';

import { startSmtpSink } from './smtp-sink.mjs';

/** Messages kept, newest first; older ones are dropped. */
const KEPT = 200;

/** @param {unknown} text */
const escapeHtml = (text) =>
  String(text ?? '').replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Escaped text with its http(s) links made clickable: sign-up and reset links are the point. */
const withLinks = (/** @type {string} */ text) =>
  escapeHtml(text).replace(
    /https?:\/\/[^\s&<>"']+(?:&#38;[^\s&<>"']+)*/g,
    (url) => `<a href="${url}">${url}</a>`
  );

/**
 * @typedef {{ to: string, subject: string, date: string, text: string }} Message
 * @typedef {{ smtpPort: number, httpPort: number, stop(): Promise<void> }} DevMailbox
 */

/** @param {Message[]} messages */
const inboxPage = (messages) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>VixenHealth dev mailbox</title>
<style>body{font:15px system-ui;margin:2rem;max-width:60rem}article{border-top:1px solid #ccc;padding:1rem 0}pre{white-space:pre-wrap}</style>
</head><body><main><h1>Development mailbox</h1>
<p>${messages.length === 0 ? 'No mail yet.' : `${messages.length} message(s), newest first.`}</p>
${messages
  .map(
    (message) => `<article><h2>${escapeHtml(message.subject)}</h2>
<p>To ${escapeHtml(message.to)} · ${escapeHtml(message.date)}</p><pre>${withLinks(message.text)}</pre></article>`
  )
  .join('\n')}
</main></body></html>`;

/**
 * What development sends mail to when no mail server is configured: an SMTP server on loopback
 * that keeps the messages, and a page listing them with their links — sign-up and password links
 * from VixenHealth ID, moderation decisions. Never for production.
 * @param {{ smtpPort: number, httpPort: number }} ports
 * @returns {Promise<DevMailbox>}
 */
export const startDevMailbox = async ({ smtpPort, httpPort }) => {
  /** @type {Message[]} */
  const messages = [];
  const smtp = await startSmtpSink({
    port: smtpPort,
    onMessage(mail) {
      const to = [mail.to]
        .flat()
        .map((address) => address?.text ?? '')
        .join(', ');
      messages.unshift({
        to,
        subject: mail.subject ?? '(no subject)',
        date: (mail.date ?? new Date()).toISOString(),
        text: mail.text ?? '',
      });
      messages.length = Math.min(messages.length, KEPT);
    },
  });
  const http = createServer((request, response) => {
    if (request.url === '/messages.json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(messages));
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
    response.end(inboxPage(messages));
  });
  try {
    const boundHttp = await new Promise((resolve, reject) => {
      http.once('error', reject);
      http.listen(httpPort, '127.0.0.1', () =>
        resolve(/** @type {import('node:net').AddressInfo} */ (http.address()).port)
      );
    });
    return {
      smtpPort: smtp.port,
      httpPort: Number(boundHttp),
      stop: async () => {
        http.close();
        await smtp.stop();
      },
    };
  } catch (error) {
    await smtp.stop();
    throw error;
  }
};
