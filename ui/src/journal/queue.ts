// Saving as the teacher types, with no save button: each change joins a queue keyed by its cell, and one
// request is in flight at a time. While it is, later changes wait and coalesce — a cell changed twice is
// sent once, with its last value — and go together as ONE request when it returns; changes made in the same
// tick (a paste, a whole column) start out as one request too. The API saves a request all or nothing: when
// it names the cell it refused, only that cell is given up and the rest go again; when the server cannot be
// reached, everything waits and is tried again later, because a teacher's marks must not be lost to a cable.

export interface SaveQueueOptions<Item, Result> {
  send(items: Item[]): Promise<Result>;
  keyOf(item: Item): string;
  /** The batch was saved. Called after it left the queue, so `has()` tells of newer changes to a cell. */
  saved(items: Item[], result: Result): void;
  /** The API refused these items; they are out of the queue. */
  refused(items: Item[], error: unknown): void;
  /** The index in the batch of the item an error names, when it names one. */
  culprit?(error: unknown, items: Item[]): number | null;
  /** An error that means "not now" (no server) rather than "no": the batch is kept and tried again. */
  retryable?(error: unknown): boolean;
  /** Told when saving stalls on a retryable error (true) and when it goes through again (false). */
  stalled?(stalled: boolean): void;
  retryMs?: number;
}

export class SaveQueue<Item, Result> {
  readonly #options: SaveQueueOptions<Item, Result>;
  #pending = new Map<string, Item>();
  #inFlight: Item[] | null = null;
  #scheduled = false;
  #retry: ReturnType<typeof setTimeout> | null = null;
  #stalled = false;

  constructor(options: SaveQueueOptions<Item, Result>) {
    this.#options = options;
  }

  /** Queues changes; a change replaces a queued one of the same key, and moves to the end. */
  add(items: Item[]): void {
    for (const item of items) {
      const key = this.#options.keyOf(item);
      this.#pending.delete(key);
      this.#pending.set(key, item);
    }
    this.#schedule();
  }

  /** A change of this key is waiting (not counting the request in flight). */
  has(key: string): boolean {
    return this.#pending.has(key);
  }

  /** Every key waiting or in flight: the cells that show the "not saved yet" marker. */
  keys(): Set<string> {
    const keys = new Set(this.#pending.keys());
    for (const item of this.#inFlight ?? []) keys.add(this.#options.keyOf(item));
    return keys;
  }

  get idle(): boolean {
    return this.#inFlight === null && this.#pending.size === 0;
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight || this.#retry !== null) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    if (this.#inFlight || this.#pending.size === 0) return;
    const batch = [...this.#pending.values()];
    this.#pending.clear();
    this.#inFlight = batch;
    const options = this.#options;
    try {
      const result = await options.send(batch);
      this.#inFlight = null;
      if (this.#stalled) options.stalled?.((this.#stalled = false));
      options.saved(batch, result);
    } catch (error) {
      this.#inFlight = null;
      if (options.retryable?.(error)) {
        this.#putBack(batch);
        if (!this.#stalled) options.stalled?.((this.#stalled = true));
        this.#retry = setTimeout(() => {
          this.#retry = null;
          void this.#flush();
        }, options.retryMs ?? 5000);
        return;
      }
      const at = options.culprit?.(error, batch) ?? null;
      if (at !== null && batch.length > 1 && batch[at] !== undefined) {
        options.refused([batch[at]], error);
        this.#putBack(batch.filter((_, i) => i !== at));
      } else {
        options.refused(batch, error);
      }
    }
    this.#schedule();
  }

  /** Returns a batch to the head of the queue, except the cells changed again meanwhile. */
  #putBack(items: Item[]): void {
    const newer = this.#pending;
    this.#pending = new Map();
    for (const item of items) {
      const key = this.#options.keyOf(item);
      if (!newer.has(key)) this.#pending.set(key, item);
    }
    for (const [key, item] of newer) this.#pending.set(key, item);
  }
}
