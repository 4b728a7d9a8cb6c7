import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The folders that may reach each other by package name only: the workspaces the root
 * package.json lists (`plugins/*` expanded), and the benchmark, which is not a workspace but
 * imports the others all the same.
 * @param {string} root the repository's root
 * @returns {string[]} absolute paths
 */
export const workspaceFolders = (root) => {
  /** @type {{ workspaces?: string[] }} */
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  return [...(manifest.workspaces ?? []), 'bench']
    .flatMap((pattern) => {
      if (!pattern.endsWith('/*')) return [path.join(root, pattern)];
      const parent = path.join(root, pattern.slice(0, -2));
      return existsSync(parent) ? readdirSync(parent).map((name) => path.join(parent, name)) : [];
    })
    .filter((folder) => existsSync(folder) && statSync(folder).isDirectory());
};

/**
 * The workspace folder holding `file`, if any.
 * @param {string} file absolute
 * @param {string[]} folders from {@link workspaceFolders}
 */
export const workspaceOf = (file, folders) =>
  folders.find((folder) => file === folder || file.startsWith(folder + path.sep));

/**
 * True when `specifier`, imported by `file`, is a relative path into another workspace (or out
 * of every workspace), where only the other package's published entry points should be used.
 * @param {string} file absolute
 * @param {string} specifier as written in the import
 * @param {string[]} folders from {@link workspaceFolders}
 */
export const leavesWorkspace = (file, specifier, folders) => {
  if (!/^\.\.?(\/|$)/.test(specifier)) return false;
  const own = workspaceOf(file, folders);
  if (!own) return false;
  return workspaceOf(path.resolve(path.dirname(file), specifier), folders) !== own;
};
