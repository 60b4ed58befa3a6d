import { defineConfig } from 'vitest/config';

// Unit tests of the web's pure modules (URL codec, list state, formatters): no DOM, no React.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    reporters: process.env.WEB_VITEST_JSON
      ? ['default', ['json', { outputFile: process.env.WEB_VITEST_JSON }]]
      : ['default'],
  },
});
