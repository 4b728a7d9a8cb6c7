// The Support desk taking in mail: one 50 KB mail per iteration, parsed through the plugin's
// build and made a ticket by the desk's intake in the real CMS, booted here as the poller runs
// in it. Each user's first iteration also parses the pathological corpus mails, timed as the
// step `pathological`. Run by lib/scenario-worker.mjs.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { loadCms } from '../lib/load-cms.mjs';

/**
 * @typedef {{ parseInboundMail(raw: Buffer, options: { ownDomain: string }): Promise<{ unparsed?: boolean, text: string }> }} ParseModule
 */
const PARSE_MODULE = '../../plugins/support/dist/server/src/channels/email/parse-inbound-mail.js';
const CORPUS = new URL(
  '../../plugins/support/server/src/channels/email/__tests__/corpus/',
  import.meta.url
);
const PATHOLOGICAL = ['pathological-nested-parts.eml', 'enormous-header.eml'];
const OWN_DOMAIN = 'vixenhealth.ru';
/** Each run's mails are new to the desk: the intake takes a Message-ID in only once. */
const RUN = randomUUID();

/** A 50 KB mail as clients send it: text and HTML alternatives and a small attachment. */
const mailOf = (/** @type {number} */ n) => {
  const paragraph = `Здравствуйте! Вопрос по записи номер ${n}: не приходит подтверждение. `;
  const text = paragraph.repeat(120);
  const html = `<div><p>${paragraph}</p></div>`.repeat(100);
  const attachment = Buffer.alloc(12 * 1024, n % 251)
    .toString('base64')
    .replace(/.{76}/g, '$&\r\n');
  return Buffer.from(
    [
      `From: =?UTF-8?B?${Buffer.from(`Пациент ${n}`).toString('base64')}?= <patient${n}@example.org>`,
      'To: support@vixenhealth.ru',
      `Subject: =?UTF-8?B?${Buffer.from(`Вопрос ${n}`).toString('base64')}?=`,
      `Message-ID: <bench-${RUN}-${n}@example.org>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="mixed"',
      '',
      '--mixed',
      'Content-Type: multipart/alternative; boundary="alt"',
      '',
      '--alt',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      text,
      '--alt',
      'Content-Type: text/html; charset=UTF-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      html,
      '--alt--',
      '--mixed',
      'Content-Type: application/pdf; name="scan.pdf"',
      'Content-Disposition: attachment; filename="scan.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      attachment,
      '--mixed--',
      '',
    ].join('\r\n')
  );
};

/** @type {import('../lib/scenario.mjs').Scenario} */
export default async ({ options }) => {
  /** @type {ParseModule} */
  const { parseInboundMail } = createRequire(import.meta.url)(PARSE_MODULE);
  Object.assign(process.env, options.env);
  const strapi = await loadCms();
  const intake = strapi.plugin('support').service('intake');
  /** What the poller does with each mail: parse it, and the desk takes it in as a ticket. */
  const ingest = async (/** @type {Buffer} */ raw) => {
    const message = await parseInboundMail(raw, { ownDomain: OWN_DOMAIN });
    if (message.unparsed) throw new Error(`a benchmark mail was not parsed: ${message.text}`);
    const { outcome } = await intake.receive(message);
    if (outcome !== 'created') throw new Error(`a benchmark mail was ${outcome}, not a new ticket`);
  };
  const pathological = PATHOLOGICAL.map((file) => readFileSync(new URL(file, CORPUS)));
  let next = 0;
  let first = true;

  return async (step) => {
    if (first) {
      first = false;
      for (const raw of pathological) {
        await step('pathological', () => parseInboundMail(raw, { ownDomain: OWN_DOMAIN }));
      }
    }
    await ingest(mailOf(next++));
  };
};
