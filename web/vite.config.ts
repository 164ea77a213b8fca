/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev`: Vite on http://localhost:5173 proxies the API to a system started with `./bantam up`
// (BANTAM_GATEWAY sets another gateway address, e.g. http://localhost:8280 for BANTAM_PORT_OFFSET=200).
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const gateway = env.BANTAM_GATEWAY ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets', // the gateway caches /assets/** for a year (hashed names)
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: gateway, changeOrigin: false },
      '/v3': { target: gateway },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    css: false,
  },
});
