import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { withContentSecurityPolicyMeta } from './electron/backend/content-security-policy';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Writes the renderer's CSP into the built index.html as well, for every host that serves it. */
const contentSecurityPolicyMeta = (): Plugin => ({
  name: 'offload-content-security-policy-meta',
  apply: 'build',
  transformIndexHtml: { order: 'post', handler: withContentSecurityPolicyMeta },
});

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: the same build is served from app://offload/ and from http://127.0.0.1.
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  define: { __OFFLOAD_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // Keep every script an external file: the CSP allows no inline code.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
