import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startSmtpSink } from '@vixenhealth/tooling/lib/smtp-sink';

import { startBaseline } from '../lib/baseline.mjs';
import { cmsEnv, compileCms } from '../lib/cms-target.mjs';

/** @type {import('../lib/cases.mjs').BenchCase} */
export default {
  name: 'support-mail-ingest',
  description:
    'Inbound support mail taken in: 50 KB real-shaped mails parsed by parseInboundMail (mailparser in its worker thread) and each made a ticket by the desk’s intake in the real CMS (SQLite), plus the worst time of the pathological corpus mails',
  scenario: new URL('../scenarios/support-mail-ingest.mjs', import.meta.url),

  async start() {
    await compileCms();
    // The scenario boots the CMS in its own process (the poller's place: parse, then the intake
    // writes the ticket) on a database of this run. Nothing is served, but a scenario case needs
    // an origin all the same, so the hello world stands in for it, never loaded.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'vh-bench-mail-'));
    // Each new ticket is acknowledged by mail, as in production: a real SMTP server takes it.
    const smtp = await startSmtpSink({ onMessage() {} });
    const env = {
      ...cmsEnv(dataDir, 'http://127.0.0.1:9', 0),
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
    };
    const { url, stop } = await startBaseline();
    return {
      url,
      options: {
        env: Object.fromEntries(
          Object.entries(env).filter(([name, value]) => process.env[name] !== value)
        ),
      },
      async stop() {
        await stop();
        await smtp.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },

  goals: [
    { label: 'mails/s of 50 KB', of: (result) => result.perSecond, atLeast: 50 },
    {
      label: 'pathological mail, worst',
      unit: ' ms',
      of: (result) => result.steps?.pathological?.p99,
      below: 5_000,
    },
  ],
};
