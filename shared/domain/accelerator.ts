/**
 * Keyboard shortcuts in Electron's accelerator syntax (`CommandOrControl+Shift+Space`), checked
 * before they reach `globalShortcut.register`, which throws on a malformed one. A system-wide
 * shortcut must hold a modifier other than Shift: a bare key or Shift+key would swallow typing in
 * every other app.
 */

const MODIFIERS: Readonly<Record<string, 'command' | 'control' | 'alt' | 'shift' | 'super'>> = {
  command: 'command',
  cmd: 'command',
  control: 'control',
  ctrl: 'control',
  commandorcontrol: 'command',
  cmdorctrl: 'command',
  alt: 'alt',
  option: 'alt',
  altgr: 'alt',
  shift: 'shift',
  super: 'super',
  meta: 'super',
};

const NAMED_KEYS = new Set(
  [
    'Plus', 'Space', 'Tab', 'Capslock', 'Numlock', 'Scrolllock', 'Backspace', 'Delete', 'Insert', 'Return', 'Enter',
    'Up', 'Down', 'Left', 'Right', 'Home', 'End', 'PageUp', 'PageDown', 'Escape', 'Esc',
    'VolumeUp', 'VolumeDown', 'VolumeMute', 'MediaNextTrack', 'MediaPreviousTrack', 'MediaStop', 'MediaPlayPause', 'PrintScreen',
    'numdec', 'numadd', 'numsub', 'nummult', 'numdiv',
  ].map((key) => key.toLowerCase()),
);

const PUNCTUATION = new Set([...')!@#$%^&*(:;=<,_->.?/~`{][|\\}"\'']);

function isKeyCode(part: string): boolean {
  if (/^[A-Za-z0-9]$/.test(part)) return true;
  if (PUNCTUATION.has(part)) return true;
  if (/^F([1-9]|1\d|2[0-4])$/i.test(part)) return true;
  if (/^num[0-9]$/i.test(part)) return true;
  return NAMED_KEYS.has(part.toLowerCase());
}

export const ACCELERATOR_EXAMPLE = 'CommandOrControl+Shift+Space';

/**
 * Why `text` cannot be a global shortcut, or null when it can. Messages are written for the
 * Settings field: what is wrong and what would do.
 */
export function acceleratorProblem(text: string): string | null {
  if (text.length > 80) return 'A shortcut is a few keys, such as CommandOrControl+Shift+Space';
  // The plus key is spelled Plus: Electron splits accelerators at every +.
  const parts = text.split('+');
  if (parts.some((part) => part.trim() === '' || part !== part.trim())) {
    return 'Join the keys with + and no spaces, such as CommandOrControl+Shift+Space (the plus key is Plus)';
  }
  const key = parts.at(-1)!;
  const modifiers = parts.slice(0, -1);
  const kinds = new Set<string>();
  for (const modifier of modifiers) {
    const kind = MODIFIERS[modifier.toLowerCase()];
    if (!kind) return `“${modifier}” is not a modifier key: use Ctrl, Alt, Shift, Super or CommandOrControl`;
    if (kinds.has(kind)) return `“${modifier}” is listed twice`;
    kinds.add(kind);
  }
  if (MODIFIERS[key.toLowerCase()]) return 'End the shortcut with a key, such as Space or K, after the modifiers';
  if (!isKeyCode(key)) return `“${key}” is not a key Offload can listen for: use a letter, a digit, F1–F24, Space or another named key`;
  if ([...kinds].every((kind) => kind === 'shift')) {
    return 'Hold Ctrl, Alt or ⌘ in the shortcut too, so it does not take over typing in other apps';
  }
  return null;
}

export function isAccelerator(text: string): boolean {
  return acceleratorProblem(text) === null;
}

/**
 * The accelerator for a key press in the page, for recording a shortcut in Settings: null while
 * only modifiers are held or for keys an accelerator cannot name. `Control` on macOS stays
 * `Control`; ⌘ there and Ctrl elsewhere become `CommandOrControl`, so the setting travels.
 */
export function acceleratorFromKeys(press: {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isMac: boolean;
}): string | null {
  const key = keyName(press.key, press.code);
  if (key === null) return null;
  const modifiers: string[] = [];
  if (press.isMac ? press.metaKey : press.ctrlKey) modifiers.push('CommandOrControl');
  if (press.isMac && press.ctrlKey) modifiers.push('Control');
  if (!press.isMac && press.metaKey) modifiers.push('Super');
  if (press.altKey) modifiers.push('Alt');
  if (press.shiftKey) modifiers.push('Shift');
  return [...modifiers, key].join('+');
}

function keyName(key: string, code: string): string | null {
  if (['Control', 'Meta', 'Alt', 'Shift', 'AltGraph', 'OS', 'Super', 'Hyper'].includes(key)) return null;
  // The physical key, so Shift+1 records as Shift+1 rather than "!" and Alt+letters on macOS stay letters.
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1]!;
  const digit = /^Digit([0-9])$/.exec(code);
  if (digit) return digit[1]!;
  if (code === 'Space' || key === ' ') return 'Space';
  const named: Record<string, string> = {
    Enter: 'Enter', Tab: 'Tab', Backspace: 'Backspace', Delete: 'Delete', Insert: 'Insert', Escape: 'Escape',
    ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right', Home: 'Home', End: 'End',
    PageUp: 'PageUp', PageDown: 'PageDown', PrintScreen: 'PrintScreen',
  };
  if (named[key]) return named[key];
  if (/^F([1-9]|1\d|2[0-4])$/.test(key)) return key;
  if (key.length === 1 && PUNCTUATION.has(key)) return key === '+' ? 'Plus' : key;
  return null;
}

/** How a shortcut reads to her: `Ctrl+Shift+Space` on Windows and Linux, `⌘⇧Space` on macOS. */
export function describeAccelerator(accelerator: string, isMac: boolean): string {
  const parts = accelerator.split('+').filter((part) => part !== '');
  const symbols: Record<string, [mac: string, other: string]> = {
    commandorcontrol: ['⌘', 'Ctrl'],
    cmdorctrl: ['⌘', 'Ctrl'],
    command: ['⌘', 'Cmd'],
    cmd: ['⌘', 'Cmd'],
    control: ['⌃', 'Ctrl'],
    ctrl: ['⌃', 'Ctrl'],
    alt: ['⌥', 'Alt'],
    option: ['⌥', 'Alt'],
    altgr: ['⌥', 'AltGr'],
    shift: ['⇧', 'Shift'],
    super: ['⌘', 'Super'],
    meta: ['⌘', 'Super'],
  };
  const shown = parts.map((part) => symbols[part.toLowerCase()]?.[isMac ? 0 : 1] ?? part);
  return isMac ? shown.join('') : shown.join('+');
}
