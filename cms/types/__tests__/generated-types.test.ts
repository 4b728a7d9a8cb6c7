import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  GENERATED_TYPE_FILES,
  TYPES_DIR,
  generateTypes,
} from '@vixenhealth/tooling/lib/generated-types';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

let cms: TestCms;
let freshDir: string;
beforeAll(async () => {
  cms = await startTestCms();
  freshDir = mkdtempSync(path.join(tmpdir(), 'cms-types-'));
});
afterAll(async () => {
  await cms?.stop();
  rmSync(freshDir, { recursive: true, force: true });
});

describe('the generated content-type types', () => {
  it('are those of the schemas as they are: run `npm run types:generate` otherwise', async () => {
    await generateTypes(cms.strapi, freshDir);
    for (const file of GENERATED_TYPE_FILES) {
      const fresh = readFileSync(path.join(freshDir, 'generated', file), 'utf8');
      expect(fresh, file).toBe(readFileSync(path.join(TYPES_DIR, 'generated', file), 'utf8'));
    }
  });
});
