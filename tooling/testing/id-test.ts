import type * as client from 'openid-client';

import { startMailCatcher, type MailCatcher, type MailCatcherOptions } from './mail-catcher';
import { startTestCms, type TestCms } from './strapi-harness';
import { discover } from './relying-party';

export interface IdTest {
  cms: TestCms;
  issuer: string;
  /** The portal, a first-party public client, as openid-client sees it. */
  portal: client.Configuration;
  /** The SMTP server the CMS sends to, when asked for. */
  mail: MailCatcher;
  stop(): Promise<void>;
}

/**
 * The CMS with demo data and its ID, for one test file: `beforeAll(() => startIdTest())`.
 * With `mail: true` (or the mail server's options), mail goes to a real SMTP server of the
 * test's own.
 */
export const startIdTest = async ({
  mail = false,
  env = {},
  adminPanel = false,
  hostname,
}: {
  mail?: boolean | MailCatcherOptions;
  env?: Record<string, string>;
  adminPanel?: boolean;
  /** `localhost` for browser tests of passkeys, which need a domain name (see `startTestCms`). */
  hostname?: string;
} = {}): Promise<IdTest> => {
  const catcher = mail ? await startMailCatcher(mail === true ? {} : mail) : null;
  const cms = await startTestCms(
    { DEMO_DATA: 'true', ...catcher?.env, ...env },
    { adminPanel, hostname }
  );
  const issuer = `${cms.baseUrl}/id`;
  return {
    cms,
    issuer,
    portal: await discover(issuer, 'portal'),
    get mail(): MailCatcher {
      if (!catcher) throw new TypeError('startIdTest({ mail: true }) to receive mail');
      return catcher;
    },
    async stop() {
      await cms.stop();
      await catcher?.stop();
    },
  };
};
