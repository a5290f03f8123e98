import { defineConfig } from 'vitest/config';

export default defineConfig({
  // @actions/workflow-parser (workflow tests) is inlined below; its published source maps name files it
  // does not ship and Vite warns once per file. Vite's own warnings only; test output is unaffected.
  logLevel: 'error',
  test: {
    globals: true,
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // It imports JSON without import attributes, which Node refuses; inlined, Vite loads it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    env: {
      CHECKPOINT_DISABLE: '1',
      CDKTF_DISABLE_PLUGIN_CACHE_ENV: '1',
      TF_IN_AUTOMATION: '1',
      TF_CLI_CONFIG_FILE: '/dev/null',
    },
  },
});
