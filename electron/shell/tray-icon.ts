/**
 * The tray icon, drawn in code: the app's mark (a ring with its left half filled, as in
 * renderer/public/icon.svg) as raw pixels for `nativeImage.createFromBitmap`, so no image files
 * or image tools are needed at build time. No Electron here: tested in plain Node.
 *
 * - `template`: black with alpha, for the macOS menu bar, which tints template images itself.
 * - `colour`: white on the app's blue rounded square, readable on light and dark trays alike.
 *
 * Pixels are premultiplied BGRA, Skia's native order on every platform Electron ships for.
 * A timer that runs adds a dot at the lower right, so the state shows even where the tray cannot
 * show text.
 */
export type TrayIconStyle = 'template' | 'colour';

const BLUE = { r: 0x25, g: 0x63, b: 0xeb };
/** Samples per pixel edge: 4 × 4 gives smooth edges at 16 and 32 px. */
const SUPERSAMPLE = 4;

interface Paint {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** What covers one point of the 64 × 64 design (the SVG's coordinates), from the back up. */
function paintAt(x: number, y: number, style: TrayIconStyle, running: boolean): Paint | null {
  const ink = style === 'template' ? { r: 0, g: 0, b: 0 } : { r: 255, g: 255, b: 255 };
  const dx = x - 32;
  const dy = y - 32;
  const distance = Math.hypot(dx, dy);
  const radius = style === 'template' ? 26 : 20;
  const stroke = style === 'template' ? 6 : 4;
  const dot = running && Math.hypot(x - 52, y - 52) <= 10;
  if (dot) return style === 'template' ? { ...ink, a: 1 } : { r: 0x22, g: 0xc5, b: 0x5e, a: 1 };
  const onRing = Math.abs(distance - radius) <= stroke / 2;
  const inLeftHalf = distance <= radius && dx <= 0;
  if (onRing || inLeftHalf) return { ...ink, a: 1 };
  if (style === 'colour' && insideRoundedSquare(x, y)) return { ...BLUE, a: 1 };
  return null;
}

function insideRoundedSquare(x: number, y: number): boolean {
  const corner = 14;
  if (x < 0 || y < 0 || x > 64 || y > 64) return false;
  const cx = Math.min(Math.max(x, corner), 64 - corner);
  const cy = Math.min(Math.max(y, corner), 64 - corner);
  return Math.hypot(x - cx, y - cy) <= corner;
}

/** The icon at `size` × `size` pixels: `size * size * 4` bytes of premultiplied BGRA. */
export function trayIconBitmap(size: number, style: TrayIconStyle, running = false): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const scale = 64 / size;
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
          const paint = paintAt((column + (sx + 0.5) / SUPERSAMPLE) * scale, (row + (sy + 0.5) / SUPERSAMPLE) * scale, style, running);
          if (!paint) continue;
          r += paint.r * paint.a;
          g += paint.g * paint.a;
          b += paint.b * paint.a;
          a += paint.a;
        }
      }
      const samples = SUPERSAMPLE * SUPERSAMPLE;
      const offset = (row * size + column) * 4;
      pixels[offset] = Math.round(b / samples);
      pixels[offset + 1] = Math.round(g / samples);
      pixels[offset + 2] = Math.round(r / samples);
      pixels[offset + 3] = Math.round((a / samples) * 255);
    }
  }
  return pixels;
}

/** Which style a platform's tray wants. */
export function trayIconStyle(platform: NodeJS.Platform): TrayIconStyle {
  return platform === 'darwin' ? 'template' : 'colour';
}
