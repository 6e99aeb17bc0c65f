import { fileURLToPath } from 'node:url';
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

/**
 * fengari's module loader calls `require(name)` with a computed name, so the
 * bundler adds a `require` shim whose error message links to the bundler's
 * documentation. It is never called in a browser (fengari checks for Node
 * first), and the build must name no outside server (e2e/csp.spec.ts): the
 * link is cut from the message.
 */
function noBundlerLinkInShims(): Plugin {
  return {
    name: 'replica-lab:no-bundler-link-in-shims',
    apply: 'build',
    renderChunk: (code) => (code.includes('https://rolldown.rs/') ? code.replace(/ See https:\/\/rolldown\.rs\/[^ '"`]* for more details\./g, '') : null),
  };
}

/** Node modules the Lua VM (fengari) requires, stubbed in the browser build (see src/worker/node-builtins.ts). */
const NODE_BUILTINS_FOR_LUA = ['fs', 'path', 'os', 'crypto', 'child_process', 'tmp', 'readline-sync'];

export default defineConfig(({ mode }) => ({
  plugins: [react(), devServerWithoutCsp()],
  // Not under Vitest: tests run the engine on Node, where fengari may use them.
  resolve: mode === 'test' ? {} : { alias: NODE_BUILTINS_FOR_LUA.map((name) => ({ find: new RegExp(`^${name}$`), replacement: fileURLToPath(new URL('./src/worker/node-builtins.ts', import.meta.url)) })) },
  // Relative asset URLs, so the same build works from a domain root, a
  // sub-path (GitHub Pages, a course site) or inside an embedding iframe.
  base: './',
  // The engine runs in a module worker; 'es' keeps its imports as ES modules
  // (the default 'iife' cannot code-split the worker's dependencies).
  worker: { format: 'es', plugins: () => [noBundlerLinkInShims()] },
  // fengari's luaconf reads process.env.FENGARICONF unguarded and a browser has no process: the build
  // replaces it; the dev server's dependency optimizer is told here (a `define` would make the dev server
  // inject a `process` global, and fengari would then take its Node code paths).
  optimizeDeps: { rolldownOptions: { transform: { define: { 'process.env.FENGARICONF': 'undefined' } } } },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
}));
