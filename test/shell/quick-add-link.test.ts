import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { linkInArguments, parseQuickAddLink, quickAddWindowHash } from '../../electron/shell/quick-add-link';
import { quickAddUrl } from '../../electron/shell/quick-add-window';
import { isAppUrl } from '../../electron/shell/protocol';
import { MAX_LINK_TEXT, normaliseQuickAddText, quickAddTextProblem } from '../../shared/domain/quick-add-link';
import { quickAddFromHash } from '../../renderer/features/quick-add/quick-add-route';

vi.mock('electron', async () => (await import('../support/fake-electron')).fake.electron);

describe('offload://quick-add links', () => {
  it.each([
    ['offload://quick-add?text=Reset%20VPN%20%23support%20~30m%20today', 'Reset VPN #support ~30m today', false],
    ['offload://quick-add/?text=Call+Bob&interrupt=1', 'Call Bob', true],
    ['offload://quick-add?interrupt=true', '', true],
    ['offload://quick-add', '', false],
    ['OFFLOAD://quick-add?text=caps', 'caps', false],
    ['offload://quick-add?text=line%0Abreak%09tab', 'line break tab', false],
    // Bytes that are not UTF-8 (here an encoded lone surrogate) decode to replacement characters.
    ['offload://quick-add?text=%ED%A0%80', '\ufffd\ufffd\ufffd', false],
  ])('reads %s', (raw, text, interrupt) => {
    expect(parseQuickAddLink(raw)).toStrictEqual({ ok: true, link: { kind: 'quick-add', text, interrupt } });
  });

  it.each([
    [42, 'A link is text.'],
    ['https://offload/quick-add?text=x', 'Offload opens only offload:// links.'],
    ['offload://quick-add/more?text=x', 'Offload knows only offload://quick-add links.'],
    ['offload://user:pw@quick-add?text=x', 'The link carries parts Offload does not use.'],
    ['offload://quick-add:8080?text=x', 'The link carries parts Offload does not use.'],
    ['offload://quick-add?text=x#frag', 'The link carries parts Offload does not use.'],
    ['offload://quick-add?text=x&interrupt=yes', 'interrupt is 1 or 0.'],
    ['offload://quick-add?text=%7F', 'The text holds control characters.'],
    [`offload://quick-add?text=${'a'.repeat(MAX_LINK_TEXT + 1)}`, `The text is longer than ${MAX_LINK_TEXT} characters.`],
    [`offload://quick-add?text=${'a'.repeat(9000)}`, 'The link is too long.'],
    ['not a link', 'That is not a link.'],
  ])('refuses %s', (raw, reason) => {
    expect(parseQuickAddLink(raw)).toStrictEqual({ ok: false, reason });
  });

  it('refuses an unpaired surrogate in the window’s route too', () => {
    expect(quickAddTextProblem('a\ud800b')).toBe('The text holds a broken character.');
    expect(quickAddFromHash('#/quick-add-window?text=%F0%9F%93%9E%20call')).toStrictEqual({ text: '📞 call', interrupt: false });
  });

  it('finds the link anywhere in a command line, and nothing when there is none', () => {
    expect(linkInArguments(['/opt/Offload/offload', '--no-sandbox', 'offload://quick-add?text=x', '--other'])).toBe('offload://quick-add?text=x');
    expect(linkInArguments(['/opt/Offload/offload', '--data-dir', '/tmp/x'])).toBeNull();
  });

  it('accepts only usable lines, whatever the link holds (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }).map((text) => `offload://quick-add?text=${encodeURIComponent(text)}`)), (raw) => {
        const result = parseQuickAddLink(raw);
        if (result.ok) expect(quickAddTextProblem(result.link.text)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('carries a usable line unchanged from the link to the quick-add window’s route (property)', () => {
    const usable = fc.string({ unit: 'binary', maxLength: 400 }).filter((text) => quickAddTextProblem(text) === null);
    fc.assert(
      fc.property(usable, fc.boolean(), (text, interrupt) => {
        const parsed = parseQuickAddLink(`offload://quick-add?text=${encodeURIComponent(text)}${interrupt ? '&interrupt=1' : ''}`);
        expect(parsed).toStrictEqual({ ok: true, link: { kind: 'quick-add', text: normaliseQuickAddText(text), interrupt } });
        if (!parsed.ok) return;
        const url = quickAddUrl(parsed.link);
        expect(isAppUrl(url)).toBe(true);
        expect(new URL(url).pathname).toBe('/index.html');
        expect(quickAddFromHash(new URL(url).hash)).toStrictEqual({ text: parsed.link.text, interrupt });
      }),
      { numRuns: 300 },
    );
  });

  it('builds the plain route without a query', () => {
    expect(quickAddWindowHash()).toBe('#/quick-add-window');
  });
});
