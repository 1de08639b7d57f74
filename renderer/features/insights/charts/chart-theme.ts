import { useSyncExternalStore } from 'react';

/** The chart colours, read from the stylesheet's variables (renderer/styles/app.css) for the theme on screen. */
export interface ChartTheme {
  name: string;
  text: string;
  muted: string;
  grid: string;
  surface: string;
  her: string;
  msp: string;
  capacity: string;
  overtime: string;
  afterHours: string;
  unplanned: string;
  planned: string;
  strategic: string;
  operational: string;
  gross: string;
  net: string;
  included: string;
  hire: string;
  mark: string;
  font: string;
}

const VARIABLES = {
  text: '--text',
  muted: '--muted',
  grid: '--chart-grid',
  surface: '--surface',
  her: '--chart-her',
  msp: '--chart-msp',
  capacity: '--chart-capacity',
  overtime: '--chart-overtime',
  afterHours: '--chart-after-hours',
  unplanned: '--chart-unplanned',
  planned: '--chart-planned',
  strategic: '--chart-strategic',
  operational: '--chart-operational',
  gross: '--chart-gross',
  net: '--chart-net',
  included: '--chart-included',
  hire: '--chart-hire',
  mark: '--chart-mark',
} as const satisfies Record<string, `--${string}`>;

export function readChartTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const colours = Object.fromEntries(Object.entries(VARIABLES).map(([name, variable]) => [name, style.getPropertyValue(variable).trim()])) as Record<
    keyof typeof VARIABLES,
    string
  >;
  return { name: document.documentElement.dataset.theme ?? 'light', font: `12px ${style.fontFamily}`, ...colours };
}

/** The theme on screen ("light" / "dark"), re-rendering when app/theme.ts switches it. */
export function useThemeName(): string {
  return useSyncExternalStore(
    (onChange) => {
      const observer = new MutationObserver(onChange);
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
      return () => observer.disconnect();
    },
    () => document.documentElement.dataset.theme ?? 'light',
  );
}

const patterns = new Map<string, CanvasPattern | string>();

/**
 * The MSP's bars: the category's colour in diagonal stripes over a pale wash of it, so hers (solid)
 * and theirs read apart in either theme and without colour vision. The legend's swatch draws the
 * same stripes in CSS (.swatch-msp).
 */
export function stripes(colour: string, surface: string): CanvasPattern | string {
  const key = `${colour}|${surface}`;
  const cached = patterns.get(key);
  if (cached) return cached;
  const ratio = window.devicePixelRatio || 1;
  const size = Math.round(6 * ratio);
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const context = tile.getContext('2d');
  if (!context) return colour;
  context.fillStyle = surface;
  context.fillRect(0, 0, size, size);
  context.globalAlpha = 0.35;
  context.fillStyle = colour;
  context.fillRect(0, 0, size, size);
  context.globalAlpha = 1;
  context.strokeStyle = colour;
  context.lineWidth = 2 * ratio;
  context.beginPath();
  for (const offset of [-size, 0, size]) {
    context.moveTo(offset, size);
    context.lineTo(offset + size, 0);
  }
  context.stroke();
  const pattern = context.createPattern(tile, 'repeat') ?? colour;
  patterns.set(key, pattern);
  return pattern;
}
