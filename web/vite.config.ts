import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Rolldown } from 'vite';
import { antdCss } from './build/antd-css';
import { precompress } from './build/precompress';

// The API server (server/) listens on :3000 in development; the SPA calls same-origin `/api`
// and certificate QR codes point at `/verify`, so both are proxied.
const API_TARGET = 'http://localhost:3000';

// Vendor chunks: libraries change far less often than the app, so they get their own
// long-cacheable files. Pages are split per route with React.lazy (see src/routes.tsx).
const ANTD =
  /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@emotion|dayjs|stylis|classnames|clsx|throttle-debounce|compute-scroll-into-view|scroll-into-view-if-needed|json2mq|string-convert|is-mobile|@babel[\\/]runtime)[\\/]/;

const VENDOR_GROUPS: Rolldown.CodeSplittingGroup[] = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/, priority: 30 },
  // The part of antd every page needs (theme, ConfigProvider, App, Button, Spin, Result …) —
  // modules reachable from the entry without a dynamic import.
  { name: 'antd', test: ANTD, tags: ['$initial'], priority: 20 },
  // The rest of antd (Form, Table, DatePicker …) is split by the set of pages that use it, so
  // the login page does not download the audit log's table and date picker.
  { name: 'antd-lazy', test: ANTD, entriesAware: true, entriesAwareMergeThreshold: 8 * 1024, priority: 15 },
  // ECharts is used by 统计分析 only: its own chunk, fetched with that page.
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 12 },
  // zod itself; the contracts' schemas go with the pages that use them, so the entry (登录, the centre's frame)
  // neither downloads nor runs every area's schemas before its first paint.
  { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 10 },
];

export default defineConfig({
  plugins: [antdCss(), react(), precompress()],
  server: {
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      '/verify': { target: API_TARGET, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: API_TARGET },
      '/verify': { target: API_TARGET },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // antd alone is ~250 kB minified; it is a deliberate, cached vendor chunk.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // @ptce/contracts and @ptce/rules are pure declarations; saying so lets the bundler drop the areas'
      // schemas a page never imports (its package.json has no "sideEffects": false).
      treeshake: {
        moduleSideEffects: [{ test: /[\\/]packages[\\/](contracts|rules)[\\/]/, sideEffects: false }],
      },
      output: {
        // Vite 8 (Rolldown) replaces Rollup's `manualChunks` with `codeSplitting.groups`;
        // same effect: named vendor chunks.
        codeSplitting: {
          groups: VENDOR_GROUPS,
        },
        // entriesAware names list every page sharing the chunk; keep file names short.
        chunkFileNames: (chunk) =>
          chunk.name.startsWith('antd-lazy') ? 'assets/antd-lazy-[hash].js' : 'assets/[name]-[hash].js',
      },
    },
  },
});
