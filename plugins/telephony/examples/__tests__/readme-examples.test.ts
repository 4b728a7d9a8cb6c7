import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import type { CreatedIntegration } from '../../shared/contracts';

/** The README's examples, run as a person would from the repository's root, against the real CMS. */

const PLUGIN = path.resolve(import.meta.dirname, '../..');
const ROOT = path.resolve(PLUGIN, '../..');
const README = readFileSync(path.join(PLUGIN, 'README.md'), 'utf8');
const EXAMPLE = readFileSync(path.join(ROOT, 'docs-site/examples/send-signed-event.mjs'), 'utf8');

const GUIDE = readFileSync(
  path.join(ROOT, 'docs-site/src/content/docs/guides/connect-your-pbx.mdx'),
  'utf8'
);

const shellBlocksOf = (text: string) =>
  [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
const shellBlocks = shellBlocksOf(README);
/** The one shell example of the README that contains `marker`. */
const block = (marker: string) => {
  const found = shellBlocks.filter((text) => text.includes(marker));
  expect(found).toHaveLength(1);
  return found[0]!;
};

let cms: TestCms;
let pbx: CreatedIntegration;
beforeAll(async () => {
  cms = await startTestCms();
});
afterAll(() => cms?.stop());

const run = async (script: string) => {
  const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      CMS_URL: cms.baseUrl,
      ADMIN_JWT: await cms.adminToken(),
      TOKEN: pbx?.token ?? '',
      SECRET: pbx?.secret ?? '',
    },
  });
  return stdout;
};

const callOf = (callId: string) =>
  cms.strapi.db.query('plugin::telephony.call').findOne({ where: { callId } });

describe('the README', () => {
  it('creates an integration with its curl example', async () => {
    pbx = JSON.parse(await run(block('/telephony/integrations'))).data;
    expect(pbx).toMatchObject({
      kind: 'cti',
      enabled: true,
      blockedNumbers: ['+74951112233'],
      token: expect.any(String),
      secret: expect.any(String),
    });
  });

  it('records a call from the Zammad CTI curl example', async () => {
    expect(await run(block('-d event=newCall'))).toBe('{}{}{}');
    expect(await callOf('pbx-1001')).toMatchObject({
      fromNumber: '+74951234567',
      toNumber: '+78005553535',
      queue: 'reception',
      status: 'ended',
      result: 'answered',
    });
  });

  it('sends a signed event with the openssl example', async () => {
    const answer = JSON.parse(await run(block('openssl dgst')));
    expect(answer).toMatchObject({ data: { applied: true, call: { status: 'ringing' } } });
    expect(await callOf('pbx-1002')).toMatchObject({ fromNumber: '+74951234567' });
  });

  it('sends a whole call with the Node example, whose signing function it shows', async () => {
    const output = await run(block('send-signed-event.mjs'));
    expect(output.trim().split('\n')).toEqual([
      expect.stringMatching(/^newCall: applied=true call=\d+ ringing $/),
      expect.stringMatching(/^answer: applied=true call=\d+ talking $/),
      expect.stringMatching(/^hangup: applied=true call=\d+ ended answered$/),
    ]);
    const shown = README.match(/```js\n([\s\S]*?)```/)![1]!;
    expect(EXAMPLE).toContain(shown);
  });

  it('is where the docs guide takes its shell examples from, so they are run here too', () => {
    const guideBlocks = shellBlocksOf(GUIDE);
    expect(guideBlocks.length).toBeGreaterThan(0);
    for (const shown of guideBlocks) expect(shellBlocks).toContain(shown);
  });
});
