// What the tests share: a Storage kept in memory (Node has no sessionStorage) and a fetch that answers from a
// table of routes and records every request it was given.
import { vi } from 'vitest';

export class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  clear() {
    this.#items.clear();
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
  setItem(key: string, value: string) {
    this.#items.set(key, value);
  }
}

export interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** A JSON body, parsed. */
  body: unknown;
  /** Any other body as it was given to fetch (a file's Blob). */
  raw?: unknown;
}

/** `raw` is sent as text/html unless `headers` say otherwise (a file's Content-Type and Content-Disposition). */
export type Answer = { status?: number; body?: unknown; raw?: string; headers?: Record<string, string> } | 'network-down';

/** `routes['POST /api/v1/session']` answers that request; anything unlisted is a 404 with a code. */
export function fakeApi(routes: Record<string, Answer | ((sent: Sent) => Answer)>) {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const request: Sent = {
      method,
      url,
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      raw: typeof init?.body === 'string' ? undefined : (init?.body ?? undefined),
    };
    sent.push(request);
    const route = routes[`${method} ${url}`] ?? routes[`${method} ${url.split('?')[0]}`];
    const answer = typeof route === 'function' ? route(request) : route;
    if (answer === 'network-down') throw new TypeError('Failed to fetch');
    const { status = 200, body, raw, headers } = answer ?? { status: 404, body: { code: 'api.not_found', message: '' } };
    const text = raw ?? (body === undefined ? '' : JSON.stringify(body));
    return new Response(status === 204 ? null : text, {
      status,
      headers: { 'Content-Type': raw === undefined ? 'application/json' : 'text/html', ...headers },
    });
  });
  return { fetch, sent };
}
