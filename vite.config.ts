/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { lessonsPlugin } from './src/lessons/build/vite-plugin.ts';
import { embedLoaderPlugin } from './src/embed/build/loader-plugin.ts';
import { serviceWorkerPlugin } from './src/ui/offline/build/service-worker-plugin.ts';

export default defineConfig({
  // Relative asset paths: the build works from any sub-path of any static host (course sites).
  base: './',
  // embedLoaderPlugin: embed.js, the <kms-lesson> loader, built apart at the root of the output under a stable name.
  // serviceWorkerPlugin: sw.js, the offline copy of the whole build (after embed.js, which it precaches).
  plugins: [svelte(), lessonsPlugin(), embedLoaderPlugin(), serviceWorkerPlugin()],
  build: {
    target: 'es2022',
    rolldownOptions: {
      input: { main: 'index.html', embed: 'embed.html' },
    },
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'lessons/**/*.test.ts'],
          environment: 'node',
          // RSA-4096 key generation and the fuzz runs take seconds on a busy 2-core machine.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'component',
          include: ['test/component/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['test/component/setup.ts'],
        },
      },
    ],
  },
});
