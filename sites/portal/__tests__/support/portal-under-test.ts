import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';

import type { Browser } from 'playwright-core';

import { freeLoopbackPort } from '@vixenhealth/tooling/lib/free-port';
import { startPortal } from '@vixenhealth/tooling/lib/portal-site';
import { waitForHttp } from '@vixenhealth/tooling/lib/wait-for-http';
import { launchChromium } from '@vixenhealth/tooling/testing/chromium';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';

export interface PortalUnderTest {
  id: IdTest;
  portalUrl: string;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * A test CMS with ID, the built portal's server in front of it, and Chromium. ID registers the
 * portal's callback under its `PORTAL_URL`; the portal's server reads its settings from its
 * environment, inherited from this process, so they are set here rather than left to `.env`.
 */
export const startPortalUnderTest = async ({
  mail = false,
  env = {},
}: { mail?: boolean; env?: Record<string, string> } = {}): Promise<PortalUnderTest> => {
  const port = await freeLoopbackPort();
  const portalUrl = `http://localhost:${port}`;
  process.env.PORTAL_SESSION_SECRET = randomBytes(32).toString('base64url');
  process.env.CLINIC_SITES_PORT = '4322';
  const id = await startIdTest({ mail, env: { PORTAL_URL: portalUrl, LOG_LEVEL: 'warn', ...env } });
  // Photos are shown from the CMS's public address: this test's CMS.
  process.env.PUBLIC_URL = id.cms.baseUrl;
  const portal: ChildProcess = startPortal({ cmsUrl: id.cms.baseUrl, port, portalUrl });
  await waitForHttp(`http://127.0.0.1:${port}/robots.txt`, { status: 200, timeoutMs: 30_000 });
  const browser = await launchChromium();
  return {
    id,
    portalUrl,
    browser,
    async stop() {
      await browser.close();
      portal.kill();
      await id.stop();
    },
  };
};
