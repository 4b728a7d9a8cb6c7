import { createServer } from 'node:http';

import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

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
 * (`smtp-server`) that keeps the messages, and a page listing them with their links — sign-up
 * and password links from VixenHealth ID, moderation decisions. Never for production.
 * @param {{ smtpPort: number, httpPort: number }} ports
 * @returns {Promise<DevMailbox>}
 */
export const startDevMailbox = async ({ smtpPort, httpPort }) => {
  /** @type {Message[]} */
  const messages = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
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
          callback();
        })
        .catch(callback);
    },
  });
  // A client that drops its connection (a test CMS giving up, a port scan) must not stop the
  // platform: smtp-server reports it as an 'error' event, fatal when nobody listens.
  smtp.on('error', (error) => console.warn(`Dev mailbox: ${error.message}`));
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
  /** @param {import('node:net').Server} server @param {number} port */
  const listen = (server, port) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () =>
        resolve(/** @type {import('node:net').AddressInfo} */ (server.address()).port)
      );
    });
  const boundSmtp = await listen(smtp.server, smtpPort);
  try {
    const boundHttp = await listen(http, httpPort);
    return {
      smtpPort: Number(boundSmtp),
      httpPort: Number(boundHttp),
      stop: () =>
        new Promise((resolve) => {
          http.close();
          smtp.close(() => resolve(undefined));
        }),
    };
  } catch (error) {
    await new Promise((resolve) => smtp.close(() => resolve(undefined)));
    throw error;
  }
};
