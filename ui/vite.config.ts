// Build and test configuration of the UI. The built files in dist/ are served by dala-api on the LAN and
// handed to the desktop window through the dala:// scheme, so every asset URL is relative and nothing is
// fetched from outside. In `npm run dev`, /api goes to a running `dala serve` (DALA_API to point elsewhere).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const api = process.env.DALA_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [svelte({ configFile: false })],
  base: './',
  server: {
    // The Fluent files live beside ui/, shared with the Rust crates.
    fs: { allow: ['.', '../locales'] },
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Old school laptops keep old browsers: Chrome 109 is the last on Windows 7.
    target: ['chrome109', 'edge109', 'firefox115', 'safari15.4'],
    assetsInlineLimit: 0,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
});
