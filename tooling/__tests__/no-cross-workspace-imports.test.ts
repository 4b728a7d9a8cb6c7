import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { vixenhealthPlugin } from '../lint/no-cross-workspace-imports.mjs';

let root: string;

/** Writes `text` at `file` under the temporary repository. */
const plant = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};

/** The rule's findings for each file, linted as the repository's ESLint would. */
const lint = async (...files: string[]) => {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.mjs'],
        plugins: { vixenhealth: vixenhealthPlugin },
        rules: { 'vixenhealth/no-cross-workspace-imports': 'error' },
      },
    ],
  });
  const results = await eslint.lintFiles(files);
  return Object.fromEntries(
    results.map((result) => [
      path.relative(root, result.filePath),
      result.messages.map((message) => message.message),
    ])
  );
};

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'vh-workspaces-'));
  plant('package.json', JSON.stringify({ workspaces: ['cms', 'sites/*', 'tooling'] }));
  plant('cms/src/rules.mjs', 'export const rules = [];\n');
  plant('tooling/lib/free-port.mjs', 'export const freeLoopbackPort = () => 0;\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('no-cross-workspace-imports', () => {
  it('refuses a relative import into another workspace, static, dynamic, re-exported or required', async () => {
    // Specifiers held apart from the import keywords, so that no tool reading this file as
    // source mistakes them for imports of its own.
    const [cms, tooling, clinic] = [
      '../../../cms/src/rules.mjs',
      '../../../tooling/lib/free-port.mjs',
      '../../clinic/src/page.mjs',
    ];
    plant(
      'sites/portal/src/planted.mjs',
      [
        `import { rules } from '${cms}';`,
        `export { freeLoopbackPort } from '${tooling}';`,
        `export const later = () => import('${clinic}');`,
        `export const old = require('${cms}');`,
        'export default rules;',
        '',
      ].join('\n')
    );
    const found = await lint('sites/portal/src/planted.mjs');
    expect(found['sites/portal/src/planted.mjs']).toEqual([
      expect.stringContaining('"../../../cms/src/rules.mjs" reaches into another workspace'),
      expect.stringContaining('"../../../tooling/lib/free-port.mjs" reaches into another'),
      expect.stringContaining('"../../clinic/src/page.mjs" reaches into another workspace'),
      expect.stringContaining('"../../../cms/src/rules.mjs" reaches into another workspace'),
    ]);
  });

  it('lets a workspace import its own files and other packages by name', async () => {
    plant(
      'sites/portal/src/fine.mjs',
      [
        "import { freeLoopbackPort } from '@vixenhealth/tooling/lib/free-port';",
        "import { helper } from '../lib/helper.mjs';",
        'export default [freeLoopbackPort, helper];',
        '',
      ].join('\n')
    );
    plant('sites/portal/lib/helper.mjs', 'export const helper = 1;\n');
    expect(await lint('sites/portal/src/fine.mjs')).toEqual({ 'sites/portal/src/fine.mjs': [] });
  });
});
