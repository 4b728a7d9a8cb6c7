import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';

import type { Browser } from 'playwright-core';

import { buildDocs, startDocs } from '@vixenhealth/tooling/lib/docs-site';
import { freeLoopbackPort } from '@vixenhealth/tooling/lib/free-port';
import { ROOT_DIR } from '@vixenhealth/tooling/lib/paths';
import { waitForHttp } from '@vixenhealth/tooling/lib/wait-for-http';
import { launchChromium } from '@vixenhealth/tooling/testing/chromium';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';

export interface DocsUnderTest {
  id: IdTest;
  docsUrl: string;
  /** Where the docs server keeps its builds: a rebuild adds one. */
  buildsDir: string;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * A test CMS with ID and demo data, the docs built against it (its public pages included) and
 * served by the docs' own server, and Chromium. ID registers the docs' callback under
 * `DOCS_URL`; the docs server reads its settings from the environment given here.
 */
export const startDocsUnderTest = async (): Promise<DocsUnderTest> => {
  const port = await freeLoopbackPort();
  const docsUrl = `http://localhost:${port}`;
  const webhookToken = randomBytes(24).toString('base64url');
  const id = await startIdTest({
    env: {
      DOCS_URL: docsUrl,
      DOCS_WEBHOOK_TOKEN: webhookToken,
      DOCS_REBUILD_DEBOUNCE_MS: '200',
      LOG_LEVEL: 'warn',
    },
  });
  // Inside the repository: a build's server imports its packages from node_modules up the tree.
  mkdirSync(path.join(ROOT_DIR, 'var'), { recursive: true });
  const buildsDir = mkdtempSync(path.join(ROOT_DIR, 'var', 'docs-test-'));
  const env = {
    CMS_URL: id.cms.baseUrl,
    DOCS_URL: docsUrl,
    ID_ISSUER: id.issuer,
    PUBLIC_URL: id.cms.baseUrl,
    DOCS_SESSION_SECRET: randomBytes(32).toString('base64url'),
    DOCS_WEBHOOK_TOKEN: webhookToken,
    DOCS_BUILDS_DIR: buildsDir,
  };
  await buildDocs({ outDir: path.join(buildsDir, '0'), env });
  const docs: ChildProcess = startDocs({ port, env });
  await waitForHttp(`http://127.0.0.1:${port}/`, { status: 200, timeoutMs: 30_000 });
  const browser = await launchChromium();
  return {
    id,
    docsUrl,
    buildsDir,
    browser,
    async stop() {
      await browser.close();
      docs.kill();
      await id.stop();
      rmSync(buildsDir, { recursive: true, force: true });
    },
  };
};
