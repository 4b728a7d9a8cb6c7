import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import { vixenhealthPlugin } from './tooling/lint/no-cross-workspace-imports.mjs';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-static/**',
      '**/build/**',
      '**/.astro/**',
      'cms/.strapi/**',
      'cms/.tmp/**',
      'sites/api-client/src/schema.d.ts',
      'cms/types/generated/**',
      'cms/public/**',
      'bench/results/**',
      'var/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Workspaces reach each other through package entry points only (tooling/README.md).
    plugins: { vixenhealth: vixenhealthPlugin },
    rules: { 'vixenhealth/no-cross-workspace-imports': 'error' },
  },
  {
    // Strapi loads plugins through CommonJS entry files.
    files: ['plugins/*/strapi-server.js', 'plugins/*/strapi-admin.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests read loosely typed JSON answers.
    files: ['**/__tests__/**', '**/testing/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  }
);
