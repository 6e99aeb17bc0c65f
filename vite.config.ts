import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs, so the same build works from a domain root, a
  // sub-path (GitHub Pages, a course site) or inside an embedding iframe.
  base: './',
  // The engine runs in a module worker; 'es' keeps its imports as ES modules
  // (the default 'iife' cannot code-split the worker's dependencies).
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
