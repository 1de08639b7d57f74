import { describe, expect, it } from 'vitest';
import { findOverlaps } from '../../shared/import/overlaps';

const H = 3_600_000;
const at = (hours: number, to: number, row = 0) => ({ startAt: hours * H, endAt: to * H, row });

describe('overlaps of imported entries', () => {
  it('refuses a new interval that overlaps one already logged, and accepts one that only touches it', () => {
    const logged = [at(9, 10), at(13, 15)];
    const touching = at(10, 11, 2);
    const inside = at(14, 14.5, 3);
    const across = at(8, 9.5, 4);
    const overlaps = findOverlaps(logged, [touching, inside, across]);
    expect([...overlaps.keys()].map((item) => item.row).sort()).toEqual([3, 4]);
    expect(overlaps.get(inside)).toStrictEqual({ kind: 'existing', interval: logged[1] });
  });

  it('finds a long logged interval that starts well before and reaches over later short ones', () => {
    const logged = [at(0, 20), at(2, 3)];
    expect(findOverlaps(logged, [at(18, 19)]).size).toBe(1);
  });

  it('treats a running timer as reaching forever', () => {
    expect(findOverlaps([{ startAt: 9 * H, endAt: Infinity }], [at(30, 31)]).size).toBe(1);
    expect(findOverlaps([{ startAt: 9 * H, endAt: Infinity }], [at(7, 9)]).size).toBe(0);
  });

  it('refuses the later of two new intervals that overlap each other, and does not let a refused one refuse others', () => {
    const first = at(9, 11, 2);
    const second = at(10, 12, 3);
    const third = at(11.5, 12.5, 4);
    const overlaps = findOverlaps([], [third, second, first]);
    expect(overlaps.get(second)).toStrictEqual({ kind: 'new', item: first });
    // The third overlaps only the refused second, so it is imported.
    expect(overlaps.has(third)).toBe(false);
    expect(overlaps.has(first)).toBe(false);
  });

  it('refuses the second of two identical intervals', () => {
    const a = at(9, 10, 2);
    const b = at(9, 10, 3);
    expect([...findOverlaps([], [a, b]).keys()]).toHaveLength(1);
  });
});
