import path from 'node:path';

import { leavesWorkspace, workspaceFolders } from './workspaces.mjs';

/** @type {Map<string, string[]>} workspace folders per repository root, read once per run */
const foldersByRoot = new Map();

/**
 * ESLint rule: a relative import may not leave its workspace. `cms`, `plugins/*`, `sites/*`,
 * `tooling` and `bench` reach each other through package names (`@vixenhealth/tooling/...`),
 * so that each one's entry points are the whole of what the others may use.
 * @type {import('eslint').Rule.RuleModule}
 */
export const noCrossWorkspaceImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Workspaces import each other by package name, never by relative path' },
    messages: {
      leaves:
        '"{{specifier}}" reaches into another workspace by relative path: import it by its package name (add an entry to that package\'s "exports" if needed).',
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    if (!foldersByRoot.has(root)) foldersByRoot.set(root, workspaceFolders(root));
    const folders = /** @type {string[]} */ (foldersByRoot.get(root));
    const file = path.resolve(root, context.filename);
    /** @param {import('estree').Node | null | undefined} source */
    const check = (source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      if (leavesWorkspace(file, source.value, folders)) {
        context.report({ node: source, messageId: 'leaves', data: { specifier: source.value } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') {
          check(/** @type {import('estree').Node} */ (node.arguments[0]));
        }
      },
    };
  },
};

/** The rules of this repository, as an ESLint plugin. */
export const vixenhealthPlugin = {
  rules: { 'no-cross-workspace-imports': noCrossWorkspaceImports },
};
