import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * index.html carries the strict Content-Security-Policy the built app runs
 * under. The dev server cannot: it injects inline <script> (React Refresh)
 * and <style> elements (CSS hot reload). So `vite` (serve) drops the policy;
 * `vite build` keeps it, and `vite preview` and the e2e tests run under it.
 */
function devServerWithoutCsp(): Plugin {
  return {
    name: 'replica-lab:dev-server-without-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

export default defineConfig({
  plugins: [react(), devServerWithoutCsp()],
  // Relative asset URLs, so the same build works from a domain root, a
  // sub-path (GitHub Pages, a course site) or inside an embedding iframe.
  base: './',
  // The engine runs in a module worker; 'es' keeps its imports as ES modules
  // (the default 'iife' cannot code-split the worker's dependencies).
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
