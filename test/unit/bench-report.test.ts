import { describe, expect, it } from 'vitest';
import { longestOfRuns } from '../../bench/report';

describe('a bench line of the longest stall of each run', () => {
  it('prints the p50 and p95 of the runs and judges the longest of them all against the target', () => {
    const runs = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    expect(longestOfRuns('gap', runs, 50, 'each call p50 6.10 ms')).toStrictEqual(['gap', '7.00 ms', '12.0 ms', '≤ 50 ms', 'ok', 'n=10; longest 12.0 ms; each call p50 6.10 ms']);
  });

  it('is OVER when one run stalls past the target, however quiet the others', () => {
    const runs = [...Array.from({ length: 29 }, () => 2), 60.3];
    expect(longestOfRuns('stall', runs, 50)).toStrictEqual(['stall', '2.00 ms', '2.00 ms', '≤ 50 ms', 'OVER', 'n=30; longest 60.3 ms']);
  });
});
