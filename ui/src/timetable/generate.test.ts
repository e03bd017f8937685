// Watching the generator: asked about twice a second while it runs, told once when it stops, asking again
// after a failed question, and silent once the page stops watching.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GenerationStatus } from '../api';
import { POLL_MS, followGeneration, progressOf, secondsProblem } from './generate';

const status = (over: Partial<GenerationStatus> = {}): GenerationStatus => ({
  running: true,
  phase: 'construct',
  elapsed_ms: 0,
  steps: 0,
  hard: 12,
  soft: 40,
  finished: null,
  ...over,
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function watch(answers: (GenerationStatus | Error)[]) {
  const seen: GenerationStatus[] = [];
  const stopped: GenerationStatus[] = [];
  const errors: unknown[] = [];
  const ask = vi.fn(async () => {
    const next = answers.shift();
    if (!next) throw new Error('asked too often');
    if (next instanceof Error) throw next;
    return next;
  });
  const stop = followGeneration({
    status: ask,
    onstatus: (s) => seen.push(s),
    onstopped: (s) => stopped.push(s),
    onerror: (e) => errors.push(e),
  });
  return { ask, seen, stopped, errors, stop };
}

describe('watching the generator', () => {
  it('asks every half second while it runs and says when it stopped', async () => {
    const done = status({ running: false, phase: null, finished: { hard_left: 0, soft_score: 7 } });
    const { ask, seen, stopped } = watch([status({ phase: 'repair', elapsed_ms: 500 }), status({ phase: 'improve', elapsed_ms: 1000 }), done]);
    expect(POLL_MS).toBe(500);
    expect(ask).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(seen.map((s) => s.phase)).toEqual(['repair']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen.map((s) => s.phase)).toEqual(['repair', 'improve', null]);
    expect(stopped).toEqual([done]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it('asks again after a failed question', async () => {
    const { ask, errors, stopped } = watch([new Error('busy'), status({ running: false })]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors).toHaveLength(1);
    expect(stopped).toHaveLength(1);
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('asks nothing more once the page stops watching', async () => {
    const { ask, seen, stop } = watch([status(), status()]);
    await vi.advanceTimersByTimeAsync(500);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(1);
  });
});

describe('the generate dialog', () => {
  it('shows progress through the seconds asked, when the page asked them', () => {
    expect(progressOf(status({ elapsed_ms: 15_000 }), 30)).toBe(0.5);
    expect(progressOf(status({ elapsed_ms: 45_000 }), 30)).toBe(1);
    expect(progressOf(status({ elapsed_ms: 15_000 }), null)).toBeNull();
  });

  it('takes whole seconds from 1 to the API’s 600', () => {
    expect(secondsProblem('30')).toBeNull();
    expect(secondsProblem(' 600 ')).toBeNull();
    for (const bad of ['', '0', '601', '2.5', 'abc', '-5']) {
      expect(secondsProblem(bad), bad).toEqual({ id: 'tt-generate-seconds-invalid', args: { max: 600 } });
    }
  });
});
