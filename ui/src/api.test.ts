// The API client against a fake fetch: the headers every request carries, the token's life in
// sessionStorage, and error responses turned into ApiErrors with their codes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  UNREACHABLE,
  auditQuery,
  changePassword,
  deleteAccount,
  getMe,
  getSetup,
  logIn,
  logOut,
  onSessionEnded,
  sessionToken,
} from './api';
import { DEFAULT_LANG, setLang } from './i18n';
import { MemoryStorage, fakeApi } from './test-support';

const me = {
  id: '01',
  login: 'director',
  role: 'director',
  lang: 'kk',
  full_name: null,
  must_change_password: false,
  totp_enabled: false,
  organisation: { kind: 'school', name: 'Ақсу мектебі' },
};

let storage: MemoryStorage;

beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('sessionStorage', storage);
});

afterEach(() => {
  vi.unstubAllGlobals();
  setLang(DEFAULT_LANG);
});

async function loggedIn() {
  const api = fakeApi({ 'POST /api/v1/session': { body: { token: 'tok-1', must_change_password: false } } });
  vi.stubGlobal('fetch', api.fetch);
  await logIn({ login: 'director', password: 'dala-demo-2026', totp: null });
}

describe('requests', () => {
  it('go to relative URLs in the current language, with no token before login', async () => {
    const api = fakeApi({ 'GET /api/v1/setup': { body: { initialised: true } } });
    vi.stubGlobal('fetch', api.fetch);
    setLang('ru');
    expect(await getSetup()).toEqual({ initialised: true });
    expect(api.sent[0]).toMatchObject({ method: 'GET', url: '/api/v1/setup' });
    expect(api.sent[0]!.headers['Accept-Language']).toBe('ru');
    expect(api.sent[0]!.headers.Authorization).toBeUndefined();
  });

  it('carry the bearer token once logged in, kept in sessionStorage', async () => {
    await loggedIn();
    expect(sessionToken()).toBe('tok-1');
    expect(storage.getItem('dala.session')).toBe('tok-1');

    const api = fakeApi({ 'GET /api/v1/me': { body: me } });
    vi.stubGlobal('fetch', api.fetch);
    expect(await getMe()).toEqual(me);
    expect(api.sent[0]!.headers.Authorization).toBe('Bearer tok-1');
    expect(api.sent[0]!.headers['Accept-Language']).toBe('kk');
  });

  it('send JSON bodies and accept 204', async () => {
    const api = fakeApi({ 'POST /api/v1/me/password': { status: 204 }, 'DELETE /api/v1/accounts/a%2Fb': { status: 204 } });
    vi.stubGlobal('fetch', api.fetch);
    expect(await changePassword('old-password', 'new-password')).toBeUndefined();
    expect(api.sent[0]!.body).toEqual({ current: 'old-password', new: 'new-password' });
    expect(api.sent[0]!.headers['Content-Type']).toBe('application/json');
    await deleteAccount('a/b');
    expect(api.sent[1]!.url).toBe('/api/v1/accounts/a%2Fb');
  });

  it('build the audit query without empty filters', () => {
    expect(auditQuery({})).toBe('');
    expect(auditQuery({ login: ' ', from: '2026-01-01', to: '' })).toBe('?from=2026-01-01');
    expect(auditQuery({ login: 'a.seitkali', from: '2026-01-01', to: '2026-01-31' })).toBe(
      '?login=a.seitkali&from=2026-01-01&to=2026-01-31',
    );
  });
});

describe('errors', () => {
  it('become ApiErrors with the code, the server message and the other fields', async () => {
    const api = fakeApi({
      'POST /api/v1/session': {
        status: 429,
        body: { code: 'auth.locked', message: 'Кіру бұғатталды', retry_after_seconds: 90 },
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    const error = await logIn({ login: 'x', password: 'y', totp: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'auth.locked', serverMessage: 'Кіру бұғатталды' });
    expect((error as ApiError).details).toEqual({ retry_after_seconds: 90 });
    expect(sessionToken()).toBeNull();
  });

  it('have a code even when the body is not the API’s', async () => {
    vi.stubGlobal('fetch', fakeApi({ 'GET /api/v1/me': { status: 500, raw: '<h1>Oops</h1>' } }).fetch);
    await expect(getMe()).rejects.toMatchObject({ status: 500, code: 'http.500' });
  });

  it('say when the API cannot be reached', async () => {
    vi.stubGlobal('fetch', fakeApi({ 'GET /api/v1/setup': 'network-down' }).fetch);
    await expect(getSetup()).rejects.toMatchObject({ status: 0, code: UNREACHABLE });
    vi.stubGlobal('fetch', fakeApi({ 'GET /api/v1/setup': { status: 502, raw: '' } }).fetch);
    await expect(getSetup()).rejects.toMatchObject({ status: 502, code: UNREACHABLE });
  });
});

describe('the session', () => {
  it('ends on a 401 for the token, and says so', async () => {
    await loggedIn();
    const ended = vi.fn();
    const stop = onSessionEnded(ended);
    vi.stubGlobal(
      'fetch',
      fakeApi({ 'GET /api/v1/me': { status: 401, body: { code: 'auth.unauthenticated', message: '' } } }).fetch,
    );
    await expect(getMe()).rejects.toMatchObject({ code: 'auth.unauthenticated' });
    expect(sessionToken()).toBeNull();
    expect(storage.getItem('dala.session')).toBeNull();
    expect(ended).toHaveBeenCalledOnce();
    stop();
  });

  it('outlives a 401 for a mistyped current password', async () => {
    await loggedIn();
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'POST /api/v1/me/password': { status: 401, body: { code: 'auth.invalid_credentials', message: '' } },
      }).fetch,
    );
    await expect(changePassword('wrong', 'new-password')).rejects.toMatchObject({ code: 'auth.invalid_credentials' });
    expect(sessionToken()).toBe('tok-1');
  });

  it('ends here on logout even when the API cannot be told', async () => {
    await loggedIn();
    vi.stubGlobal('fetch', fakeApi({ 'DELETE /api/v1/session': 'network-down' }).fetch);
    await expect(logOut()).rejects.toBeInstanceOf(ApiError);
    expect(sessionToken()).toBeNull();
  });
});
