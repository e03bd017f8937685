// The geometry of the two charts, kept apart from the SVG so it can be tested: vertical bars of a
// percentage (attendance by week) and horizontal bars stacked from counts (term grades 2–5 per subject).
// Plain SVG drawn by small components: no chart library on an offline school PC.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bars of 0–100 % side by side in a plot `height` high, each `step` wide with `gap` between. */
export function percentBars(percents: number[], height: number, step: number, gap: number): Rect[] {
  return percents.map((percent, i) => {
    const clamped = Math.max(0, Math.min(100, Number.isFinite(percent) ? percent : 0));
    const barHeight = (clamped / 100) * height;
    return { x: i * step + gap / 2, y: height - barHeight, width: step - gap, height: barHeight };
  });
}

/** Segments of a bar `width` long split by counts; an empty bar has no segments. */
export function stackedSegments(counts: number[], width: number): { x: number; width: number }[] {
  const total = counts.reduce((sum, n) => sum + Math.max(0, n), 0);
  if (total === 0) return counts.map(() => ({ x: 0, width: 0 }));
  let x = 0;
  return counts.map((count) => {
    const segment = (Math.max(0, count) / total) * width;
    const out = { x, width: segment };
    x += segment;
    return out;
  });
}
