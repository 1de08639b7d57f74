import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { externalUrl, openExternally } from '../../electron/shell/external-links';

const SCHEMES = ['https', 'http', 'mailto', 'file', 'javascript', 'data', 'app', 'blob', 'ftp', 'smb', 'ms-settings', 'ms-msdt', 'search-ms', 'vscode', 'chrome', 'about', 'ws', 'tel', 'sms', 'HTTPS', 'MailTo', 'JavaScript'];

/** Strings shaped like links of every kind, with tricks in the places parsers disagree about. */
const linkLike = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.tuple(fc.constantFrom(...SCHEMES), fc.constantFrom(':', '://', ':///', ':\\\\', ' :', '\t:'), fc.string({ maxLength: 40 })).map(([scheme, separator, rest]) => `${scheme}${separator}${rest}`),
  fc.tuple(fc.constantFrom(' ', '\n', '\u0000', '\u200b', '\ufeff', ''), fc.constantFrom('https://', 'mailto:', 'javascript:'), fc.webUrl()).map(([junk, scheme, url]) => `${junk}${scheme}${url.replace(/^https?:\/\//, '')}`),
  fc.tuple(fc.domain(), fc.string({ maxLength: 10 })).map(([host, user]) => `https://${user}@${host}/`),
);

// openExternally says on the console what it refused; here that is most cases.
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('opening links outside the app', () => {
  it('hands over nothing but https with a host and no credentials, or mailto with an address (property, 3,000 cases)', () => {
    fc.assert(
      fc.property(linkLike, (candidate) => {
        const shell = { openExternal: vi.fn((_url: string) => Promise.resolve()) };
        const opened = openExternally(shell, candidate);
        expect(shell.openExternal.mock.calls.length).toBe(opened ? 1 : 0);
        for (const [url] of shell.openExternal.mock.calls) {
          const parsed = new URL(url);
          expect(['https:', 'mailto:']).toContain(parsed.protocol);
          expect(parsed.username + parsed.password).toBe('');
          if (parsed.protocol === 'https:') expect(parsed.hostname).not.toBe('');
          expect(url).toBe(parsed.href);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['https://www.example.com/guide', 'https://www.example.com/guide'],
    ['HTTPS://Example.COM', 'https://example.com/'],
    ['mailto:help@northwind.example', 'mailto:help@northwind.example'],
    ['https://offload@evil.example/', null],
    ['https://a:b@example.com/', null],
    ['http://example.com/', null],
    ['javascript:alert(1)', null],
    ['file:///etc/passwd', null],
    ['app://offload/index.html', null],
    ['ms-msdt:/id PCWDiagnostic', null],
    ['mailto:', null],
    ['https://', null],
    [`https://example.com/${'a'.repeat(2000)}`, null],
  ])('%s → %s', (candidate, expected) => {
    expect(externalUrl(candidate)).toBe(expected);
  });

  it('is the only code that calls shell.openExternal', () => {
    const root = path.resolve(import.meta.dirname, '../../electron');
    const callers = fs
      .readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && /\bopenExternal\s*\(/.test(fs.readFileSync(path.join(root, file), 'utf8')));
    expect(callers).toStrictEqual([path.join('shell', 'external-links.ts')]);
  });
});
