import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration suites start real servers on fixed loopback ports picked at run time; files run in
    // parallel workers, each with its own servers.
    pool: 'forks',
  },
});
