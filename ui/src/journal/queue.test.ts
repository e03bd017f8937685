// The save queue against a fake client whose requests the test answers one by one: what goes in one
// request, what coalesces while one is in flight, what a refusal gives up, and what waits for the server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SaveQueue } from './queue';

interface Item {
  cell: string;
  value: number;
}

class Refusal extends Error {
  constructor(readonly index: number | null) {
    super('refused');
  }
}
class NoServer extends Error {}

/** A client whose every request waits until the test answers it. */
function fakeClient() {
  const requests: { items: Item[]; answer: (ok: boolean | Error) => void }[] = [];
  const saved: Item[][] = [];
  const refused: { items: Item[]; error: unknown }[] = [];
  const stalls: boolean[] = [];
  const queue = new SaveQueue<Item, string>({
    send: (items) =>
      new Promise((resolve, reject) =>
        requests.push({ items, answer: (ok) => (ok === true ? resolve('ok') : reject(ok === false ? new Refusal(null) : ok)) }),
      ),
    keyOf: (item) => item.cell,
    saved: (items) => saved.push(items),
    refused: (items, error) => refused.push({ items, error }),
    culprit: (error) => (error instanceof Refusal ? error.index : null),
    retryable: (error) => error instanceof NoServer,
    stalled: (stalled) => stalls.push(stalled),
    retryMs: 1000,
  });
  return { queue, requests, saved, refused, stalls };
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const item = (cell: string, value: number): Item => ({ cell, value });

afterEach(() => {
  vi.useRealTimers();
});

describe('the save queue', () => {
  it('sends changes made in the same tick as one request', async () => {
    const { queue, requests } = fakeClient();
    queue.add([item('a', 1)]);
    queue.add([item('b', 2)]);
    queue.add([item('c', 3)]);
    expect(requests).toHaveLength(0);
    await tick();
    expect(requests.map((r) => r.items)).toEqual([[item('a', 1), item('b', 2), item('c', 3)]]);
  });

  it('coalesces what comes while a request is in flight into ONE next request, last value winning', async () => {
    const { queue, requests, saved } = fakeClient();
    queue.add([item('a', 1)]);
    await tick();
    queue.add([item('b', 2)]);
    await tick();
    queue.add([item('c', 3)]);
    queue.add([item('b', 5)]);
    await tick();
    expect(requests).toHaveLength(1);
    expect([...queue.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(queue.has('b')).toBe(true);
    expect(queue.has('a')).toBe(false);

    requests[0]!.answer(true);
    await tick();
    expect(saved).toEqual([[item('a', 1)]]);
    expect(requests.map((r) => r.items)).toEqual([[item('a', 1)], [item('c', 3), item('b', 5)]]);
    requests[1]!.answer(true);
    await tick();
    expect(queue.idle).toBe(true);
    expect(requests).toHaveLength(2);
  });

  it('lets saved() see a newer change to a cell that was in flight', async () => {
    const seen: boolean[] = [];
    const requests: (() => void)[] = [];
    const queue: SaveQueue<Item, string> = new SaveQueue<Item, string>({
      send: () => new Promise((resolve) => requests.push(() => resolve('ok'))),
      keyOf: (i) => i.cell,
      saved: () => seen.push(queue.has('a')),
      refused: () => {},
    });
    queue.add([item('a', 1)]);
    await tick();
    queue.add([item('a', 2)]);
    requests[0]!();
    await tick();
    expect(seen).toEqual([true]);
  });

  it('gives up the refused cell the API names and sends the rest again', async () => {
    const { queue, requests, refused, saved } = fakeClient();
    queue.add([item('a', 1), item('b', 99), item('c', 3)]);
    await tick();
    requests[0]!.answer(new Refusal(1));
    await tick();
    expect(refused.map((r) => r.items)).toEqual([[item('b', 99)]]);
    expect(requests[1]!.items).toEqual([item('a', 1), item('c', 3)]);
    requests[1]!.answer(true);
    await tick();
    expect(saved).toEqual([[item('a', 1), item('c', 3)]]);
  });

  it('gives up the whole batch when the refusal names no cell', async () => {
    const { queue, requests, refused } = fakeClient();
    queue.add([item('a', 1), item('b', 2)]);
    await tick();
    requests[0]!.answer(false);
    await tick();
    expect(refused.map((r) => r.items)).toEqual([[item('a', 1), item('b', 2)]]);
    expect(requests).toHaveLength(1);
    expect(queue.idle).toBe(true);
  });

  it('keeps a batch the server could not take and tries again, newer values first in line', async () => {
    vi.useFakeTimers();
    const { queue, requests, refused, stalls, saved } = fakeClient();
    queue.add([item('a', 1), item('b', 2)]);
    await vi.advanceTimersByTimeAsync(0);
    queue.add([item('b', 3)]);
    requests[0]!.answer(new NoServer());
    await vi.advanceTimersByTimeAsync(0);
    expect(refused).toEqual([]);
    expect(stalls).toEqual([true]);
    expect(requests).toHaveLength(1);
    expect([...queue.keys()].sort()).toEqual(['a', 'b']);

    await vi.advanceTimersByTimeAsync(1000);
    expect(requests[1]!.items).toEqual([item('a', 1), item('b', 3)]);
    requests[1]!.answer(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(stalls).toEqual([true, false]);
    expect(saved).toEqual([[item('a', 1), item('b', 3)]]);
  });
});
