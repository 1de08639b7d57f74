import { describe, expect, it, vi } from 'vitest';
import { createShortcutKeeper, isWaylandSession } from '../../electron/shell/global-shortcut';
import { acceleratorFromKeys, acceleratorProblem, describeAccelerator } from '../../shared/domain/accelerator';
import { fake } from '../support/fake-electron';

function keeper(options: { wayland?: boolean; platform?: NodeJS.Platform } = {}) {
  fake.reset();
  const onPress = vi.fn();
  const shortcuts = fake.electron.globalShortcut;
  return { shortcuts, onPress, keeper: createShortcutKeeper(shortcuts, onPress, { platform: options.platform ?? 'linux', wayland: options.wayland ?? false }) };
}

describe('the global quick-add shortcut', () => {
  it('registers the shortcut, and pressing it anywhere opens quick add', () => {
    const { keeper: shortcut, shortcuts, onPress } = keeper();
    expect(shortcut.apply('CommandOrControl+Shift+Space')).toStrictEqual({
      accelerator: 'CommandOrControl+Shift+Space',
      state: 'registered',
      message: 'Press Ctrl+Shift+Space anywhere to quick-add a task.',
    });
    shortcuts.press('CommandOrControl+Shift+Space');
    expect(onPress).toHaveBeenCalledOnce();
  });

  it('names the keys the macOS way on a Mac', () => {
    const { keeper: shortcut } = keeper({ platform: 'darwin' });
    expect(shortcut.apply('CommandOrControl+Shift+Space').message).toBe('Press ⌘⇧Space anywhere to quick-add a task.');
  });

  it('is refused with a clear message when another app holds the keys', () => {
    const { keeper: shortcut, shortcuts } = keeper();
    shortcuts.taken.add('Alt+Space');
    expect(shortcut.apply('Alt+Space')).toStrictEqual({
      accelerator: 'Alt+Space',
      state: 'taken',
      message: 'Alt+Space is already taken by the system or another app. Choose another shortcut.',
    });
    expect(shortcuts.registered.size).toBe(0);
  });

  it('says on Wayland that the desktop did not allow it, and points to the link', () => {
    const { keeper: shortcut, shortcuts } = keeper({ wayland: true });
    shortcuts.taken.add('CommandOrControl+Shift+Space');
    const status = shortcut.apply('CommandOrControl+Shift+Space');
    expect(status.state).toBe('unavailable');
    expect(status.message).toContain('offload://quick-add');
  });

  it('releases the old shortcut when she picks a new one, and all of it when she turns it off', () => {
    const { keeper: shortcut, shortcuts } = keeper();
    shortcut.apply('CommandOrControl+Shift+Space');
    shortcut.apply('CommandOrControl+Alt+N');
    expect([...shortcuts.registered.keys()]).toStrictEqual(['CommandOrControl+Alt+N']);
    expect(shortcut.apply(null).state).toBe('off');
    expect(shortcuts.registered.size).toBe(0);
  });

  it('keeps the old shortcut released after a refused new one, and registers nothing twice', () => {
    const { keeper: shortcut, shortcuts } = keeper();
    shortcut.apply('CommandOrControl+Shift+Space');
    shortcut.apply('CommandOrControl+Shift+Space');
    expect(shortcuts.register).toHaveBeenCalledOnce();
    shortcuts.taken.add('Alt+Space');
    shortcut.apply('Alt+Space');
    expect(shortcuts.registered.size).toBe(0);
  });

  it('never hands Electron an accelerator it would throw on', () => {
    const { keeper: shortcut, shortcuts } = keeper();
    expect(shortcut.apply('Ctrl+Banana').state).toBe('taken');
    expect(shortcuts.register).not.toHaveBeenCalled();
  });

  it('recognises a Wayland session by its variables', () => {
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'wayland' })).toBe(true);
    expect(isWaylandSession({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' })).toBe(false);
  });
});

describe('accelerators', () => {
  it.each([
    ['CommandOrControl+Shift+Space', null],
    ['Ctrl+Alt+K', null],
    ['Super+F12', null],
    ['Alt+Plus', null],
    ['CmdOrCtrl+num5', null],
  ])('accepts %s', (accelerator, problem) => {
    expect(acceleratorProblem(accelerator)).toBe(problem);
  });

  it.each([
    ['Space', 'Hold Ctrl, Alt or ⌘ in the shortcut too, so it does not take over typing in other apps'],
    ['Shift+K', 'Hold Ctrl, Alt or ⌘ in the shortcut too, so it does not take over typing in other apps'],
    ['Ctrl+', 'Join the keys with + and no spaces, such as CommandOrControl+Shift+Space (the plus key is Plus)'],
    ['Ctrl + K', 'Join the keys with + and no spaces, such as CommandOrControl+Shift+Space (the plus key is Plus)'],
    ['Hyper+K', '“Hyper” is not a modifier key: use Ctrl, Alt, Shift, Super or CommandOrControl'],
    ['Ctrl+Control+K', '“Control” is listed twice'],
    ['Ctrl+Shift', 'End the shortcut with a key, such as Space or K, after the modifiers'],
    ['Ctrl+Banana', '“Banana” is not a key Offload can listen for: use a letter, a digit, F1–F24, Space or another named key'],
  ])('refuses %s: %s', (accelerator, problem) => {
    expect(acceleratorProblem(accelerator)).toBe(problem);
  });

  it('records a key press as a portable accelerator', () => {
    const press = { key: ' ', code: 'Space', ctrlKey: true, metaKey: false, altKey: false, shiftKey: true, isMac: false };
    expect(acceleratorFromKeys(press)).toBe('CommandOrControl+Shift+Space');
    expect(acceleratorFromKeys({ ...press, ctrlKey: false, metaKey: true, isMac: true })).toBe('CommandOrControl+Shift+Space');
    expect(acceleratorFromKeys({ ...press, key: '!', code: 'Digit1' })).toBe('CommandOrControl+Shift+1');
    expect(acceleratorFromKeys({ ...press, key: 'Shift', code: 'ShiftLeft' })).toBeNull();
  });

  it('reads an accelerator as her keyboard labels it', () => {
    expect(describeAccelerator('CommandOrControl+Alt+K', false)).toBe('Ctrl+Alt+K');
    expect(describeAccelerator('CommandOrControl+Alt+K', true)).toBe('⌘⌥K');
  });
});
