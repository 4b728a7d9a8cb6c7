import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { importGraph, runtimeCycles } from './support/import-graph';

const PLUGIN = path.resolve(import.meta.dirname, '../../..');
const SERVER = path.join(PLUGIN, 'server/src');
const PAGES = path.join(SERVER, 'pages');
const VERIFY = path.join(PLUGIN, 'verify/src');
const graph = importGraph([SERVER, VERIFY, path.join(PLUGIN, 'shared')]);
const relative = (file: string) => path.relative(PLUGIN, file);

describe('the plugin’s import graph', () => {
  it('has no cycle: no module needs one that is still loading', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(runtimeCycles(graph, PLUGIN)).toEqual([]);
  });

  it('reaches the pages only through pages/index.ts', () => {
    const intrusions = [...graph].flatMap(([file, imports]) =>
      file.startsWith(`${PAGES}/`)
        ? []
        : imports
            .filter(({ target }) => target.startsWith(`${PAGES}/`))
            .filter(({ target }) => target !== path.join(PAGES, 'index.ts'))
            .map(({ target }) => `${relative(file)} → ${relative(target)}`)
    );
    expect(intrusions).toEqual([]);
  });

  it('keeps the offline verifier free of the server, so services can use it alone', () => {
    const intrusions = [...graph].flatMap(([file, imports]) =>
      file.startsWith(`${VERIFY}/`)
        ? imports
            .filter(({ target }) => !target.startsWith(`${VERIFY}/`))
            .map(({ target }) => `${relative(file)} → ${relative(target)}`)
        : []
    );
    expect(intrusions).toEqual([]);
  });
});

describe('runtimeCycles', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'import-graph-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const project = (name: string, files: Record<string, string>) => {
    const directory = path.join(root, name);
    mkdirSync(directory);
    for (const [file, text] of Object.entries(files)) {
      writeFileSync(path.join(directory, file), text);
    }
    return runtimeCycles(importGraph([directory]), directory);
  };

  it('finds two modules that import each other, as csrf.ts and page-context.ts once did', () => {
    const cycles = project('mutual', {
      'csrf.ts': "import { pageContext } from './page-context';\nexport const csrf = 1;\n",
      'page-context.ts': "import { csrf } from './csrf';\nexport const pageContext = csrf;\n",
      'leaf.ts': "import { csrf } from './csrf';\nexport const leaf = csrf;\n",
    });
    expect(cycles).toEqual([['csrf.ts', 'page-context.ts']]);
  });

  it('finds a longer cycle through an index file and a re-export', () => {
    const cycles = project('indirect', {
      'a.ts': "import { c } from './c';\nexport const a = c;\n",
      'b.ts': "export { a } from './a';\n",
      'c.ts': "import { a } from './b';\nexport const c = 1;\n",
    });
    expect(cycles).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('ignores imports of types, which the compiler erases', () => {
    const cycles = project('types', {
      'services.ts': "import { helper } from './utils';\nexport const services = { helper };\n",
      'utils.ts':
        "import type { services } from './services';\nexport const helper = (s?: typeof services) => s;\n",
    });
    expect(cycles).toEqual([]);
  });
});
