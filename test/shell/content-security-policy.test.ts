import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  withContentSecurityPolicyMeta,
} from '../../electron/backend/content-security-policy';
import { APP_ORIGIN, rendererResponse } from '../../electron/shell/protocol';
import viteConfig from '../../vite.config';

const ROOT = path.resolve(import.meta.dirname, '../..');
const directives = (policy: string): Record<string, string> =>
  Object.fromEntries(policy.split('; ').map((directive): [string, string] => [directive.slice(0, directive.indexOf(' ')), directive.slice(directive.indexOf(' ') + 1)]));

let rendererDir: string;
beforeAll(() => {
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'offload-csp-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Offload</title>');
});
afterAll(() => fs.rmSync(rendererDir, { recursive: true, force: true }));

describe('the Content-Security-Policy', () => {
  it('allows no workers, blobs, inline code, eval, frames, plugins or other origins', () => {
    expect(directives(CONTENT_SECURITY_POLICY)).toStrictEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'worker-src': "'none'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-src': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/blob:|unsafe-|\*|https?:/);
  });

  it.each([
    ['a page', `${APP_ORIGIN}/index.html`, 'GET', 200],
    ['a missing file', `${APP_ORIGIN}/missing.js`, 'GET', 404],
    ['a path out of the folder', `${APP_ORIGIN}/..%2f..%2fetc/passwd`, 'GET', 404],
    ['another host', 'app://offload.evil/index.html', 'GET', 404],
    ['another method', `${APP_ORIGIN}/index.html`, 'POST', 405],
  ])('reaches every app:// response, %s included', (_case, url, method, status) => {
    const response = rendererResponse(rendererDir, new Request(url, { method, ...(method === 'POST' ? { body: '{}' } : {}) }));
    expect(response.status).toBe(status);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('goes into index.html as a meta tag right after the charset, ahead of every script, without frame-ancestors (ignored there)', () => {
    const html = withContentSecurityPolicyMeta('<head>\n    <meta charset="utf-8" />\n    <script type="module" src="./assets/index.js"></script>\n</head>');
    expect(html).toBe(
      `<head>\n    <meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />\n    <script type="module" src="./assets/index.js"></script>\n</head>`,
    );
    const { 'frame-ancestors': frameAncestors, ...rest } = directives(CONTENT_SECURITY_POLICY);
    expect(frameAncestors).toBe("'none'");
    expect(directives(META_CONTENT_SECURITY_POLICY)).toStrictEqual(rest);
  });

  it('refuses to build a page that has no charset tag to put it after', () => {
    expect(() => withContentSecurityPolicyMeta('<head><script src="x.js"></script></head>')).toThrow(/no <meta charset/);
  });

  it('is written into the renderer’s index.html by the Vite build', () => {
    const plugin = (viteConfig.plugins ?? []).flat().find((candidate) => (candidate as Plugin | null)?.name === 'offload-content-security-policy-meta') as Plugin | undefined;
    expect(plugin?.apply).toBe('build');
    const hook = plugin?.transformIndexHtml as { order: string; handler: (html: string) => string } | undefined;
    expect(hook?.order).toBe('post');
    const source = fs.readFileSync(path.join(ROOT, 'renderer/index.html'), 'utf8');
    expect(hook?.handler(source)).toContain(`<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`);
  });
});
