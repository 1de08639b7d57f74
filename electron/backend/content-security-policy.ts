/**
 * The renderer's Content-Security-Policy, sent by both hosts (the app:// protocol in Electron and
 * the browser-mode server) as a header, and written into the built index.html as a meta tag too,
 * so the page is covered even if a host ever serves it without the header. No inline script or
 * style, no eval, no remote origins, no workers, no frames, no plugins.
 */
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  // The app starts no workers; without this line they would fall back to default-src 'self'.
  ['worker-src', "'none'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-src', "'none'"],
  ['frame-ancestors', "'none'"],
];

const policy = (directives: readonly (readonly [string, string])[]) => directives.map(([name, value]) => `${name} ${value}`).join('; ');

export const CONTENT_SECURITY_POLICY = policy(DIRECTIVES);

/**
 * The same policy for the page's `<meta http-equiv>`: browsers ignore frame-ancestors there (and
 * say so on the console), so it is left to the header.
 */
export const META_CONTENT_SECURITY_POLICY = policy(DIRECTIVES.filter(([name]) => name !== 'frame-ancestors'));

const CHARSET = /<meta charset="utf-8"\s*\/?>/i;

/**
 * index.html with the policy's meta tag right after `<meta charset>`, ahead of every script and
 * stylesheet (a meta policy governs only what comes after it). The build runs every page through
 * this; a page without the charset tag is an error rather than a page without the policy.
 */
export function withContentSecurityPolicyMeta(html: string): string {
  const charset = CHARSET.exec(html);
  if (!charset) throw new Error('index.html has no <meta charset="utf-8">, after which the Content-Security-Policy goes');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`;
  return html.replace(CHARSET, `${charset[0]}\n    ${meta}`);
}

/** Headers every renderer response carries, whichever host serves it. */
export const RENDERER_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};
