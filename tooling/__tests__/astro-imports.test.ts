import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { astroImportsLeavingWorkspace } from '../lint/astro-imports.mjs';
import { ROOT_DIR } from '../lib/paths.mjs';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A repository of `files` (path → text) in a temp folder. */
const repository = (files: Record<string, string>) => {
  const root = mkdtempSync(path.join(tmpdir(), 'vh-astro-'));
  temporary.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
};

describe('.astro components', () => {
  it('import nothing of another workspace by relative path', () => {
    expect(astroImportsLeavingWorkspace(ROOT_DIR)).toEqual([]);
  });

  it('are caught reaching into another workspace', () => {
    // Held apart from the import keyword, so that no tool reading this file takes it for one.
    const reach = '../../../ui/src/SeoHead.astro';
    const root = repository({
      'package.json': JSON.stringify({ workspaces: ['sites/*'] }),
      'sites/clinic/src/pages/index.astro': `---\nimport SeoHead from '${reach}';\nimport Own from '../components/Own.astro';\n---\n<SeoHead />`,
      'sites/clinic/src/components/Own.astro': '<p>own</p>',
      'sites/ui/src/SeoHead.astro': '<title>x</title>',
    });
    expect(astroImportsLeavingWorkspace(root)).toEqual([
      `sites/clinic/src/pages/index.astro -> ${reach}`,
    ]);
  });
});
