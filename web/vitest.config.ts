import { defineConfig } from 'vitest/config';

// Unit tests of the web's pure modules (URL codec, list state, formatters) and of components
// rendered to markup on the server (react-dom/server): no DOM.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    reporters: process.env.WEB_VITEST_JSON
      ? ['default', ['json', { outputFile: process.env.WEB_VITEST_JSON }]]
      : ['default'],
  },
});
