// @vitest-environment happy-dom
// The app end to end against a fake API in a simulated DOM: the first-run wizard, login with its second step
// and its lockout, the forced password change, the shell of a director and of a teacher, the language
// switch and logout. The browser end-to-end tests (Playwright) will cover the same ground against dala-api.
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { DEFAULT_LANG, setLang } from './i18n';
import { type Answer, MemoryStorage, type Sent, fakeApi } from './test-support';

const school = { kind: 'school', name: 'Ақсу ауылының № 2 мектебі' };
const director = {
  id: 'd1',
  login: 'director',
  role: 'director',
  lang: 'kk',
  full_name: 'Сейтқали Айгүл',
  must_change_password: false,
  totp_enabled: false,
  must_setup_second_factor: false,
  organisation: school,
};
const teacher = { ...director, id: 't1', login: 'teacher', role: 'teacher', full_name: null };
const home = {
  role: 'director',
  counts: { students: 312, children: 0, staff: 41, classes: 14, age_groups: 0, accounts: 7 },
  groups: [],
};
const accounts = [
  { id: 'd1', login: 'director', role: 'director', lang: 'kk', must_change_password: false, totp_enabled: true, person_id: null },
  { id: 't1', login: 'teacher', role: 'teacher', lang: 'ru', must_change_password: true, totp_enabled: false, person_id: null },
];
const offline = { online: false, last_sync: null, pending_changes: 3 };

let app: ReturnType<typeof mount> | null = null;

// happy-dom does not match `option:checked`, which Svelte's bind:value on a <select> reads.
const querySelector = HTMLSelectElement.prototype.querySelector;
HTMLSelectElement.prototype.querySelector = function (this: HTMLSelectElement, selectors: string) {
  if (selectors === ':checked') return this.options[this.selectedIndex] ?? null;
  return querySelector.call(this, selectors);
} as typeof querySelector;

function start(routes: Record<string, Answer | ((sent: Sent) => Answer)>) {
  const api = fakeApi({ 'GET /api/v1/status': { body: offline }, ...routes });
  vi.stubGlobal('fetch', api.fetch);
  app = mount(App, { target: document.body });
  return api;
}

const find = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
const get = (testid: string) => {
  const element = find(testid);
  if (!element) throw new Error(`no [data-testid="${testid}"] in ${document.body.innerHTML.slice(0, 2000)}`);
  return element;
};
const appears = (testid: string) => vi.waitFor(() => get(testid));

function type(testid: string, value: string) {
  const input = get(testid) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

function click(testid: string) {
  get(testid).click();
  flushSync();
}

async function logInAs(login: string) {
  await appears('login-form');
  type('login-name', login);
  type('login-password', 'dala-demo-2026');
  click('login-submit');
}

beforeEach(() => {
  vi.stubGlobal('sessionStorage', new MemoryStorage());
  vi.stubGlobal('localStorage', new MemoryStorage());
  location.hash = '';
});

afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  setLang(DEFAULT_LANG);
});

describe('the first run', () => {
  it('creates the organisation, shows the recovery key once printed, then asks to log in', async () => {
    const api = start({
      'GET /api/v1/setup': { body: { initialised: false } },
      'POST /api/v1/setup': { body: { recovery_key: 'ABCD-EFGH-JKLM-NPQR' } },
    });
    await appears('setup-form');
    click('setup-kind-kindergarten');
    type('setup-name', '«Күншуақ» балабақшасы');
    type('setup-login', 'head');
    type('setup-password', 'dala-demo-2026');
    type('setup-password-repeat', 'dala-demo-2026');
    click('setup-submit');

    await appears('recovery-key');
    expect(get('recovery-key').textContent).toBe('ABCD-EFGH-JKLM-NPQR');
    expect(api.sent.find((s) => s.method === 'POST')?.body).toEqual({
      kind: 'kindergarten',
      name: '«Күншуақ» балабақшасы',
      admin_login: 'head',
      password: 'dala-demo-2026',
      lang: 'kk',
    });
    expect((get('setup-continue') as HTMLButtonElement).disabled).toBe(true);
    click('recovery-printed');
    expect((get('setup-continue') as HTMLButtonElement).disabled).toBe(false);
    click('setup-continue');

    await appears('login-notice');
    expect((get('login-name') as HTMLInputElement).value).toBe('head');
  });

  it('starts a new computer from the district’s snapshot file and its code', async () => {
    const api = start({
      'GET /api/v1/setup': { body: { initialised: false } },
      'POST /api/v1/setup/snapshot': { body: { recovery_key: 'WXYZ-EFGH', organisation: 'Ақсу мектебі' } },
    });
    await appears('setup-form');
    click('setup-from-snapshot');
    expect(find('setup-name')).toBeNull();
    type('setup-login', 'aigul');
    type('setup-password', 'dala-demo-2026');
    type('setup-password-repeat', 'dala-demo-2026');
    click('setup-submit');
    // Neither the file nor the code yet: said beside the fields, nothing sent.
    expect(document.body.textContent).toContain('Көшірме файлын таңдаңыз.');
    expect(api.sent.some((s) => s.method === 'POST')).toBe(false);

    const input = get('setup-snapshot-file') as HTMLInputElement;
    const file = new File([new Uint8Array([0x44, 0x41, 0x4c, 0x41, 0x53, 0x01, 0xff])], 'aqsu.dala-snapshot');
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    type('setup-code', ' ABCD-EFGH-IJKL ');
    click('setup-submit');
    await appears('recovery-key');
    expect(api.sent.find((s) => s.method === 'POST')?.body).toEqual({
      snapshot: 'REFMQVMB/w==',
      code: 'ABCD-EFGH-IJKL',
      hub_url: null,
      admin_login: 'aigul',
      password: 'dala-demo-2026',
      lang: 'kk',
    });
    expect(document.body.textContent).toContain('Ақсу мектебі');
  });

  it('refuses a form with mismatched passwords without asking the API', async () => {
    const api = start({ 'GET /api/v1/setup': { body: { initialised: false } } });
    await appears('setup-form');
    type('setup-name', 'Мектеп');
    type('setup-login', 'director');
    type('setup-password', 'dala-demo-2026');
    type('setup-password-repeat', 'dala-demo-2025');
    click('setup-submit');
    expect(document.body.textContent).toContain('Құпиясөздер сәйкес келмейді.');
    expect(api.sent.some((s) => s.method === 'POST')).toBe(false);
  });
});

describe('login', () => {
  it('takes a director to the school at a glance, in the account’s language', async () => {
    const api = start({
      'GET /api/v1/setup': { body: { initialised: true } },
      'POST /api/v1/session': { body: { token: 'tok', must_change_password: false } },
      'GET /api/v1/me': { body: { ...director, lang: 'ru' } },
      'GET /api/v1/home': { body: home },
    });
    await logInAs('director');
    await appears('count-students');
    expect(get('count-students').textContent).toContain('312');
    expect(get('count-students').textContent).toContain('учеников');
    expect(get('org-name').textContent).toContain(school.name);
    expect(get('status-pill').dataset.state).toBe('offline');
    expect(get('status-pill').textContent).toContain('3 изменения не отправлены');
    for (const link of ['nav-home', 'nav-accounts', 'nav-audit', 'nav-login-attempts']) get(link);
    expect(api.sent.find((s) => s.url === '/api/v1/home')?.headers.Authorization).toBe('Bearer tok');
  });

  it('asks for the code when the account has two factors, and resends with it', async () => {
    const api = start({
      'GET /api/v1/setup': { body: { initialised: true } },
      'POST /api/v1/session': (sent) =>
        (sent.body as { totp: string | null }).totp === '123456'
          ? { body: { token: 'tok', must_change_password: false } }
          : { status: 401, body: { code: 'auth.totp_required', message: '' } },
      'GET /api/v1/me': { body: teacher },
      'GET /api/v1/home': { body: { ...home, role: 'teacher' } },
    });
    await logInAs('teacher');
    await appears('login-totp');
    type('login-totp', '123456');
    click('login-submit');
    await appears('open-journal');
    const logins = api.sent.filter((s) => s.url === '/api/v1/session').map((s) => s.body);
    expect(logins).toEqual([
      { login: 'teacher', password: 'dala-demo-2026', totp: null },
      { login: 'teacher', password: 'dala-demo-2026', totp: '123456' },
    ]);
  });

  it('says how long a lockout lasts and waits with it', async () => {
    start({
      'GET /api/v1/setup': { body: { initialised: true } },
      'POST /api/v1/session': { status: 429, body: { code: 'auth.locked', message: '', retry_after_seconds: 240 } },
    });
    await logInAs('director');
    await appears('login-locked');
    expect(get('login-locked').textContent).toContain('4 минуттан кейін');
    expect((get('login-submit') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a wrong password in the current language', async () => {
    start({
      'GET /api/v1/setup': { body: { initialised: true } },
      'POST /api/v1/session': {
        status: 401,
        body: { code: 'auth.invalid_credentials', message: 'Логин немесе құпиясөз қате.' },
      },
    });
    await logInAs('director');
    await appears('login-error');
    click('lang-en');
    expect(get('login-error').textContent).toBe('Wrong login or password.');
    expect(get('login-submit').textContent?.trim()).toBe('Log in');
  });

  it('makes an initial password be changed before anything else', async () => {
    let changed = false;
    const api = start({
      'GET /api/v1/setup': { body: { initialised: true } },
      'POST /api/v1/session': { body: { token: 'tok', must_change_password: true } },
      'GET /api/v1/me': () => ({ body: { ...teacher, must_change_password: !changed } }),
      'POST /api/v1/me/password': () => ((changed = true), { status: 204 }),
      'GET /api/v1/home': { body: { ...home, role: 'teacher' } },
    });
    await logInAs('teacher');
    await appears('password-form');
    expect(find('nav-home')).toBeNull();
    type('password-current', 'dala-demo-2026');
    type('password-new', 'бүгін-күн-ашық');
    type('password-repeat', 'бүгін-күн-ашық');
    click('password-submit');
    await appears('open-journal');
    expect(api.sent.find((s) => s.url === '/api/v1/me/password')?.body).toEqual({
      current: 'dala-demo-2026',
      new: 'бүгін-күн-ашық',
    });
  });

  it('makes a director set up the second factor before the school shows', async () => {
    let confirmed = false;
    const api = start({
      'GET /api/v1/setup': { body: { initialised: true } },
      'POST /api/v1/session': { body: { token: 'tok', must_change_password: false, must_setup_second_factor: true } },
      'GET /api/v1/me': () => ({ body: { ...director, must_setup_second_factor: !confirmed, totp_enabled: confirmed } }),
      'POST /api/v1/me/second-factor': { body: { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', otpauth_uri: 'otpauth://totp/x' } },
      'POST /api/v1/me/second-factor/confirm': (sent) =>
        (sent.body as { code: string }).code === '123456'
          ? ((confirmed = true), { status: 204 })
          : { status: 422, body: { code: 'auth.totp_invalid', message: '' } },
      'GET /api/v1/home': { body: home },
    });
    await logInAs('director');
    await appears('second-factor-secret');
    expect(find('nav-home')).toBeNull();
    expect(get('second-factor-secret').textContent?.trim()).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    type('second-factor-code', '000000');
    click('second-factor-submit');
    await appears('second-factor-error');
    type('second-factor-code', '123 456');
    click('second-factor-submit');
    await appears('nav-home');
    expect(api.sent.filter((s) => s.url.endsWith('/confirm')).map((s) => s.body)).toEqual([
      { code: '000000' },
      { code: '123456' },
    ]);
  });
});

describe('the shell', () => {
  it('keeps a teacher out of the accounts page', async () => {
    start({
      'GET /api/v1/setup': { body: { initialised: true } },
      'POST /api/v1/session': { body: { token: 'tok', must_change_password: false } },
      'GET /api/v1/me': { body: teacher },
      'GET /api/v1/home': { body: { ...home, role: 'teacher' } },
    });
    location.hash = '#/accounts';
    await logInAs('teacher');
    await appears('open-journal');
    expect(find('nav-accounts')).toBeNull();
    expect(get('page-home')).toBeTruthy();
  });

  it('lists accounts for the director, switches language for the account, and logs out', async () => {
    const api = start({
      'GET /api/v1/setup': { body: { initialised: true } },
      'POST /api/v1/session': { body: { token: 'tok', must_change_password: false } },
      'GET /api/v1/me': { body: director },
      'GET /api/v1/home': { body: home },
      'GET /api/v1/accounts': { body: accounts },
      'PUT /api/v1/me/lang': { status: 204 },
      'DELETE /api/v1/session': { status: 204 },
    });
    await logInAs('director');
    await appears('nav-accounts');
    location.hash = '#/accounts';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await appears('account-teacher');
    expect(get('account-teacher').textContent).toContain('Мұғалім');
    expect(get('account-teacher').textContent).toContain('Уақытша құпиясөз');
    // One's own account cannot be deleted from here.
    expect(get('account-director').querySelector('[data-testid="account-delete"]')).toBeNull();

    click('lang-ru');
    expect(get('nav-accounts').textContent).toBe('Учётные записи');
    expect(get('account-teacher').textContent).toContain('Учитель');
    await vi.waitFor(() => expect(api.sent.find((s) => s.method === 'PUT')?.body).toEqual({ lang: 'ru' }));

    click('logout');
    await appears('login-form');
    expect(api.sent.some((s) => s.method === 'DELETE' && s.url === '/api/v1/session')).toBe(true);
    expect(sessionStorage.getItem('dala.session')).toBeNull();
    expect(find('login-notice')).toBeNull();
  });

  it('confirms before deleting an account', async () => {
    const api = start({
      'GET /api/v1/setup': { body: { initialised: true } },
      'POST /api/v1/session': { body: { token: 'tok', must_change_password: false } },
      'GET /api/v1/me': { body: director },
      'GET /api/v1/home': { body: home },
      'GET /api/v1/accounts': { body: accounts },
      'DELETE /api/v1/accounts/t1': { status: 204 },
    });
    location.hash = '#/accounts';
    await logInAs('director');
    await appears('account-teacher');
    get('account-teacher').querySelector<HTMLElement>('[data-testid="account-delete"]')!.click();
    flushSync();
    await appears('delete-dialog');
    expect(get('delete-dialog').textContent).toContain('«teacher»');
    expect(api.sent.some((s) => s.method === 'DELETE')).toBe(false);
    click('delete-confirm');
    await appears('accounts-done');
    expect(api.sent.some((s) => s.method === 'DELETE' && s.url === '/api/v1/accounts/t1')).toBe(true);
  });

  it('creates an account with an initial password and gives another one a new role', async () => {
    const api = start({
      'GET /api/v1/setup': { body: { initialised: true } },
      'POST /api/v1/session': { body: { token: 'tok', must_change_password: false } },
      'GET /api/v1/me': { body: director },
      'GET /api/v1/home': { body: home },
      'GET /api/v1/accounts': { body: accounts },
      'POST /api/v1/accounts': (sent) => ({ body: { ...accounts[1], id: 'n1', ...(sent.body as object) } }),
      'PATCH /api/v1/accounts/t1': (sent) => ({ body: { ...accounts[1], ...(sent.body as object) } }),
    });
    location.hash = '#/accounts';
    await logInAs('director');
    await appears('account-new');
    click('account-new');
    await appears('account-form');
    const suggested = (get('account-password') as HTMLInputElement).value;
    expect((get('account-role') as HTMLSelectElement).value).toBe('teacher');
    expect(suggested).toMatch(/^[A-Za-z0-9]{10}$/);
    type('account-login', 'a.seitkali');
    (get('account-role') as HTMLSelectElement).value = 'deputy';
    get('account-role').dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    click('account-create');
    await appears('accounts-done');
    expect(api.sent.find((s) => s.method === 'POST' && s.url === '/api/v1/accounts')?.body).toEqual({
      login: 'a.seitkali',
      role: 'deputy',
      initial_password: suggested,
      person_id: null,
    });
    expect(get('accounts-done').textContent).toContain(suggested);

    get('account-teacher').querySelector<HTMLElement>('[data-testid="account-change-role"]')!.click();
    flushSync();
    const select = get('account-role-select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['director', 'deputy', 'teacher', 'methodist', 'tutor', 'student', 'parent']);
    select.value = 'methodist';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    click('account-role-save');
    await vi.waitFor(() => expect(get('accounts-done').textContent).toContain('Әдіскер'));
    expect(api.sent.find((s) => s.method === 'PATCH')?.body).toEqual({ role: 'methodist' });
  });

  it('says so when the school server cannot be reached, and tries again', async () => {
    let up = false;
    start({ 'GET /api/v1/setup': () => (up ? { body: { initialised: true } } : 'network-down') });
    await appears('app-error');
    expect(get('app-error').textContent).toContain('Dala серверімен байланыс жоқ');
    up = true;
    click('app-retry');
    await appears('login-form');
  });

  it('returns to the login when the API forgets the session', async () => {
    start({
      'GET /api/v1/setup': { body: { initialised: true } },
      'POST /api/v1/session': { body: { token: 'tok', must_change_password: false } },
      'GET /api/v1/me': { body: director },
      'GET /api/v1/home': { status: 401, body: { code: 'auth.unauthenticated', message: '' } },
    });
    await logInAs('director');
    await appears('login-notice');
    expect(get('login-notice').textContent).toBe('Сеанс аяқталды. Қайта кіріңіз.');
  });
});
