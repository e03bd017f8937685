// What the pages' flow tests share (in happy-dom): the app mounted against a fake API, already logged in as
// someone and on a page, and the DOM found and driven by data-testid as the browser tests drive it.
import { flushSync, mount, unmount } from 'svelte';
import { vi } from 'vitest';
import type { Me, OrgKind, Role } from './api';
import App from './App.svelte';
import { DEFAULT_LANG, setLang } from './i18n';
import { type Answer, MemoryStorage, type Sent, fakeApi } from './test-support';

// happy-dom does not match `option:checked`, which Svelte's bind:value on a <select> reads.
const querySelector = HTMLSelectElement.prototype.querySelector;
HTMLSelectElement.prototype.querySelector = function (this: HTMLSelectElement, selectors: string) {
  if (selectors === ':checked') return this.options[this.selectedIndex] ?? null;
  return querySelector.call(this, selectors);
} as typeof querySelector;

export function person(role: Role, kind: OrgKind = 'school', login: string = role): Me {
  return {
    id: `${login}-id`,
    login,
    role,
    lang: 'kk',
    full_name: null,
    must_change_password: false,
    totp_enabled: false,
    must_setup_second_factor: false,
    organisation: { kind, name: kind === 'school' ? 'Ақсу ауылының № 2 мектебі' : '«Күншуақ» балабақшасы' },
  };
}

let app: ReturnType<typeof mount> | null = null;

/** The app with a session, on `hash`, answering `routes` (and the start-up requests) like the API. */
export async function openApp(me: Me, hash: string, routes: Record<string, Answer | ((sent: Sent) => Answer)>) {
  vi.stubGlobal('sessionStorage', new MemoryStorage());
  vi.stubGlobal('localStorage', new MemoryStorage());
  sessionStorage.setItem('dala.session', 'tok');
  location.hash = hash;
  // happy-dom announces a hash change a task later; let it pass before the shell listens.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const api = fakeApi({
    'GET /api/v1/status': { body: { online: true, last_sync: null, pending_changes: 0 } },
    'GET /api/v1/setup': { body: { initialised: true } },
    'GET /api/v1/me': { body: me },
    'GET /api/v1/home': { body: { role: me.role, counts: {}, groups: [] } },
    ...routes,
  });
  vi.stubGlobal('fetch', api.fetch);
  app = mount(App, { target: document.body });
  return api;
}

export function closeApp(): void {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  setLang(DEFAULT_LANG);
}

export const find = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`);

export function get(testid: string): HTMLElement {
  const element = find(testid);
  if (!element) throw new Error(`no [data-testid="${testid}"] in ${document.body.innerHTML.slice(0, 3000)}`);
  return element;
}

export const appears = (testid: string) => vi.waitFor(() => get(testid));

export function click(testid: string): void {
  get(testid).click();
  flushSync();
}

export function type(testid: string, value: string): void {
  const input = get(testid) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

export function choose(testid: string, value: string): void {
  const select = get(testid) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
}

/** A key on the focused cell of a register, as the keyboard sends it. */
export function press(key: string, more: KeyboardEventInit = {}): void {
  const target = document.activeElement instanceof HTMLElement ? document.activeElement : document.body;
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...more }));
  flushSync();
}

export const focusedTestid = () => document.activeElement?.getAttribute('data-testid');

/** The bodies of the requests sent to `method url`. */
export const bodies = (api: { sent: Sent[] }, method: string, url: string) =>
  api.sent.filter((s) => s.method === method && s.url === url).map((s) => s.body);
