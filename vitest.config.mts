import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/__tests__/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/.strapi/**'],
    globalSetup: ['./tooling/testing/global-setup.ts'],
    // Each file boots its own Strapi; forks keep them apart.
    pool: 'forks',
    hookTimeout: 120_000,
    testTimeout: 60_000,
  },
});
