import { describe, expect, it } from 'vitest';
import { percentBars, stackedSegments } from './charts';

describe('percent bars', () => {
  it('stand on the base line, as high as their percentage', () => {
    expect(percentBars([100, 50, 0], 200, 40, 10)).toEqual([
      { x: 5, y: 0, width: 30, height: 200 },
      { x: 45, y: 100, width: 30, height: 100 },
      { x: 85, y: 200, width: 30, height: 0 },
    ]);
  });

  it('keep nonsense inside the plot', () => {
    expect(percentBars([140, -5, Number.NaN], 100, 10, 2).map((bar) => bar.height)).toEqual([100, 0, 0]);
  });
});

describe('stacked segments', () => {
  it('split the bar by the counts, left to right', () => {
    expect(stackedSegments([1, 1, 2, 0], 100)).toEqual([
      { x: 0, width: 25 },
      { x: 25, width: 25 },
      { x: 50, width: 50 },
      { x: 100, width: 0 },
    ]);
  });

  it('draw nothing for a subject with no grades', () => {
    expect(stackedSegments([0, 0, 0, 0], 100).every((s) => s.width === 0)).toBe(true);
  });
});
