import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * @typedef {object} SmtpSinkOptions
 * @property {(mail: import('mailparser').ParsedMail) => void} onMessage receives each message,
 *   parsed
 * @property {number} [port] default: one the system chooses
 * @property {number} [maxBytes] the largest message accepted; default 10 MB
 * @property {number} [acceptDelayMs] how long accepting a message takes, like a distant mail
 *   server; default at once
 */

/**
 * @typedef {object} SmtpSink
 * @property {number} port
 * @property {() => Promise<void>} stop
 */

/**
 * A real SMTP server on loopback (`smtp-server`) handing every message it receives, parsed with
 * `mailparser`, to `onMessage`: the CMS sends mail to it exactly as to a real server. Behind both
 * the development mailbox of `npm start` and the tests' mail catcher.
 * @example
 * ```js
 * const sink = await startSmtpSink({ onMessage: (mail) => console.log(mail.subject) });
 * process.env.SMTP_PORT = String(sink.port);
 * // … later
 * await sink.stop();
 * ```
 * @param {SmtpSinkOptions} options
 * @returns {Promise<SmtpSink>}
 */
export const startSmtpSink = async ({
  onMessage,
  port = 0,
  maxBytes = 10 * 1024 * 1024,
  acceptDelayMs = 0,
}) => {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: maxBytes,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          onMessage(mail);
          setTimeout(callback, acceptDelayMs);
        })
        .catch(callback);
    },
  });
  // A client that drops its connection (a CMS giving up, a port scan) must not stop the process
  // listening: smtp-server reports it as an 'error' event, fatal when nobody listens.
  server.on('error', (error) => console.warn(`SMTP sink: ${error.message}`));
  await new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  return {
    port: /** @type {import('node:net').AddressInfo} */ (server.server.address()).port,
    stop: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
};
