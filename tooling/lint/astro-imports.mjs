import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { leavesWorkspace, workspaceFolders } from './workspaces.mjs';

/** Build output and installed packages: not our sources. */
const SKIPPED = new Set(['node_modules', 'dist', 'dist-static', '.astro']);
const IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g;

/** @param {string} dir @returns {string[]} */
const astroFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return astroFiles(file);
    return entry.name.endsWith('.astro') ? [file] : [];
  });

/**
 * The relative imports of `.astro` components that leave their workspace, which ESLint does not
 * read: `<file> -> <specifier>`, relative to `root`.
 * @param {string} root the repository's root
 * @returns {string[]}
 */
export const astroImportsLeavingWorkspace = (root) => {
  const folders = workspaceFolders(root);
  return folders.flatMap(astroFiles).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(IMPORT)]
      .map(([, specifier]) => specifier)
      .filter((specifier) => leavesWorkspace(file, specifier, folders))
      .map((specifier) => `${path.relative(root, file)} -> ${specifier}`)
  );
};
