import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../shared/domain/duration';

describe('durations as typed', () => {
  it.each([
    ['30m', 30],
    ['30', 30],
    ['45 min', 45],
    ['1.5h', 90],
    ['1,5h', 90],
    ['2h', 120],
    ['1h15m', 75],
    ['1h 15m', 75],
    ['1h 15', 75],
    ['1:30', 90],
    [' 2 hours ', 120],
    ['0.25h', 15],
  ])('%j is %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each(['', 'soon', '1h30x', '-30m', '1:75', 'h', '1..5h'])('%j is not a duration', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it.each([
    [45, '45m'],
    [60, '1h'],
    [75, '1h 15m'],
    [600, '10h'],
    [-90, '−1h 30m'],
  ])('%i minutes are written %j', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });
});
