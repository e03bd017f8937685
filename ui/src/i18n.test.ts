// The messages of the interface: every id the code uses exists in kk, ru and en; ui.ftl agrees across the
// three languages as dala-i18n's own test demands of the Rust files; error codes find their messages.
import { FluentResource } from '@fluent/bundle';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from './api';
import { KINDERGARTEN_ROLES, SCHOOL_ROLES } from './accounts/roles';
import { countsShown } from './home/views';
import { POSITIONS, PROBLEM_KINDS } from './load/table';
import { DELIVERIES, PHASES as SYNC_PHASES, VIAS, deliveryId } from './sync/screen';
import { VIEWS } from './timetable/grid';
import {
  DEFAULT_LANG,
  LANGS,
  errorId,
  errorText,
  formatDate,
  formatNumber,
  hasMessage,
  lang,
  messageIds,
  parseLang,
  setLang,
  t,
  type Lang,
} from './i18n';

const SRC = import.meta.dirname;
const LOCALES = join(SRC, '../../locales');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(svelte|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * The message ids written out in the code: the literals in the first argument of `t(…)` (both branches of a
 * `cond ? 'a' : 'b'`), and the `id:`, `label:` and `notice:` fields that carry an id to a later `t()`.
 */
function idsInCode(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources(SRC)) {
    const code = readFileSync(file, 'utf8');
    for (const call of code.matchAll(/\bt\(([^,)]*)/g)) {
      for (const literal of (call[1] ?? '').matchAll(/'([a-z][a-z0-9-]*)'/g)) found.set(literal[1]!, file);
    }
    for (const field of code.matchAll(/\b(?:id|label|notice): '([a-z][a-z0-9-]*)'/g)) found.set(field[1]!, file);
  }
  return found;
}

/** The ids built at run time from a family and a value, e.g. `role-${role}`. */
function idsBuiltAtRunTime(): string[] {
  const roles = new Set<Role>([...SCHOOL_ROLES, ...KINDERGARTEN_ROLES]);
  return [
    ...[...roles].map((role) => `role-${role}`),
    ...LANGS.flatMap((code) => [`lang-name-${code}`, `lang-short-${code}`]),
    ...['checking', 'online', 'offline', 'no-server'].map((link) => `status-${link}`),
    ...['school', 'kindergarten'].map((kind) => `org-kind-${kind}`),
    ...(['school', 'kindergarten'] as const).flatMap(countsShown).map((key) => `count-${key.replace('_', '-')}`),
    ...['absent', 'ill', 'excused', 'late', 'vacation'].flatMap((code) => [`attendance-letter-${code}`, `attendance-name-${code}`]),
    ...['ordinary', 'sor', 'soch'].flatMap((kind) => [`lesson-kind-${kind}`, `lesson-kind-name-${kind}`]),
    ...['fo', 'sor', 'soch', 'total', 'mark'].flatMap((part) => [`grade-${part}`, `grade-${part}-title`]),
    ...['xlsx', 'pdf'].map((format) => `download-${format}`),
    ...[1, 2, 3, 4, 5, 6, 7].map((day) => `weekday-${day}`),
    ...VIEWS.flatMap((by) => [`tt-by-${by}`, `tt-entity-${by}`]),
    ...['hard', 'soft'].map((level) => `tt-violation-${level}`),
    ...['construct', 'repair', 'improve'].map((phase) => `tt-phase-${phase}`),
    ...['overload', 'underload'].map((kind) => `load-${kind}`),
    ...POSITIONS.map((position) => `load-position-${position}`),
    ...[...PROBLEM_KINDS, 'other'].map((kind) => `load-problem-${kind}`),
    ...SYNC_PHASES.map((phase) => `sync-phase-${phase}`),
    ...VIAS.map((via) => `sync-via-${via}`),
    ...DELIVERIES.map(deliveryId),
    ...['announced', 'frozen'].map((phase) => `sync-fixation-${phase}`),
  ];
}

/** Message id → its variables, for one .ftl file. */
function variablesOf(path: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const resource = new FluentResource(readFileSync(path, 'utf8'));
  for (const entry of resource.body) {
    if (entry.id.startsWith('-')) continue;
    const vars = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const n = node as { type?: string; name?: string };
      if (n.type === 'var' && n.name) vars.add(n.name);
      Object.values(node).forEach(walk);
    };
    walk(entry.value);
    walk(entry.attributes);
    out.set(entry.id, [...vars].sort());
  }
  return out;
}

afterEach(() => setLang(DEFAULT_LANG));

describe('languages', () => {
  it('starts in Kazakh', () => {
    expect(DEFAULT_LANG).toBe('kk');
    expect(lang()).toBe('kk');
    expect(t('login-submit')).toBe('Кіру');
    expect(t('password-forced-intro')).toMatch(/[әғқңөұүһі]/);
  });

  it('switches at once', () => {
    setLang('ru');
    expect(t('login-submit')).toBe('Войти');
    setLang('en');
    expect(t('login-submit')).toBe('Log in');
  });

  it('parses language tags and locales', () => {
    expect(parseLang('kk')).toBe('kk');
    expect(parseLang('ru-KZ')).toBe('ru');
    expect(parseLang('en_GB.UTF-8')).toBe('en');
    expect(parseLang('kz')).toBeNull();
    expect(parseLang('russian')).toBeNull();
    expect(parseLang(null)).toBeNull();
  });
});

describe('messages', () => {
  it('shows the id of a missing message', () => {
    expect(t('no-such-message')).toBe('no-such-message');
  });

  it('fills variables without isolation marks', () => {
    const text = t('home-greeting', { name: 'Айгүл' });
    expect(text).toBe('Қош келдіңіз, Айгүл!');
    expect(text).not.toMatch(/[\u2068\u2069]/);
  });

  it('reads Russian plurals right', () => {
    setLang('ru');
    expect([1, 3, 5, 21].map((count) => t('status-pending', { count }))).toEqual([
      '1 изменение не отправлено',
      '3 изменения не отправлены',
      '5 изменений не отправлено',
      '21 изменение не отправлено',
    ]);
    expect(t('login-locked', { minutes: 2 })).toContain('через 2 минуты.');
  });

  it('has every id the code uses in all three languages', () => {
    const used = idsInCode();
    expect(used.size).toBeGreaterThan(100);
    const missing: string[] = [];
    for (const code of LANGS) {
      for (const [id, file] of used) if (!hasMessage(id, code)) missing.push(`${code}: ${id} (${file})`);
      for (const id of idsBuiltAtRunTime()) if (!hasMessage(id, code)) missing.push(`${code}: ${id}`);
    }
    expect(missing).toEqual([]);
  });

  it('keeps ui.ftl the same across languages, with the same variables', () => {
    const [kk, ru, en] = LANGS.map((code) => variablesOf(join(LOCALES, code, 'ui.ftl')));
    expect([...ru!.keys()].sort()).toEqual([...kk!.keys()].sort());
    expect([...en!.keys()].sort()).toEqual([...kk!.keys()].sort());
    for (const [id, vars] of kk!) {
      expect(ru!.get(id), `ru ${id}`).toEqual(vars);
      expect(en!.get(id), `en ${id}`).toEqual(vars);
    }
  });

  it('has no literal text in the markup: every word shown comes from the Fluent files', () => {
    const literal: string[] = [];
    for (const file of sources(SRC).filter((f) => f.endsWith('.svelte'))) {
      const markup = readFileSync(file, 'utf8')
        .replace(/<script[\s\S]*?<\/script>/g, '')
        .replace(/<style[\s\S]*?<\/style>/g, '')
        .replace(/<!--[\s\S]*?-->/g, '');
      for (const attr of markup.matchAll(/\b(?:title|aria-label|placeholder|alt|label)="([^"{]*\p{L}[^"]*)"/gu)) {
        literal.push(`${file}: ${attr[0]}`);
      }
      // Text between tags once every {expression} is gone.
      const text = markup.replace(/\{[^{}]*(\{[^{}]*\}[^{}]*)*\}/g, '').replace(/<[^>]*>/g, ' ');
      for (const word of text.matchAll(/\p{L}[\p{L}\d'’-]*/gu)) literal.push(`${file}: ${word[0]}`);
    }
    expect(literal).toEqual([]);
  });

  it('leaves error- ids to errors.ftl, so the two files never define one twice', () => {
    for (const code of LANGS) {
      const ids = [...variablesOf(join(LOCALES, code, 'ui.ftl')).keys()];
      expect(ids.filter((id) => id.startsWith('error-'))).toEqual([]);
    }
  });

  it('loads errors.ftl and ui.ftl but not the command line messages', () => {
    for (const code of LANGS) {
      const ids = messageIds(code);
      expect(ids).toContain('error-auth-invalid-credentials');
      expect(ids).toContain('nav-home');
      expect(ids.some((id) => id.startsWith('cli-'))).toBe(false);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('errors', () => {
  it('names the message of a code as dala-i18n does', () => {
    expect(errorId('auth.invalid_credentials')).toBe('error-auth-invalid-credentials');
    expect(errorId('store.not_initialised')).toBe('error-store-not-initialised');
    expect(errorId('account.password_too_short')).toBe('error-account-password-too-short');
  });

  it('shows the Fluent message of a known code in the current language', () => {
    const texts = (['kk', 'ru', 'en'] as Lang[]).map((code) => {
      setLang(code);
      return errorText('auth.invalid_credentials', {}, 'from the server');
    });
    expect(texts).toEqual(['Логин немесе құпиясөз қате.', 'Неверный логин или пароль.', 'Wrong login or password.']);
  });

  it('falls back to the server message, then to the unknown-error message', () => {
    expect(errorText('no.such_code', {}, 'Сервер хабары')).toBe('Сервер хабары');
    expect(errorText('no.such_code')).toBe('Күтпеген қате (no.such_code).');
    // A message whose variables the body did not carry: the server's filled-in text is better.
    expect(errorText('account.password_too_short', {}, 'Кемінде 8 таңба')).toBe('Кемінде 8 таңба');
    expect(errorText('account.password_too_short', { min: 8 })).toBe('Құпиясөз кемінде 8 таңбадан тұруы керек.');
  });
});

describe('dates', () => {
  const day = new Date(2026, 0, 15, 9, 5, 0);

  it('formats a school date in the language, without a time zone shift', () => {
    expect(formatDate('2026-01-15')).toBe(formatDate(day));
    expect(formatDate('2026-01-15')).toContain('қаңтар');
    setLang('ru');
    expect(formatDate('2026-01-15')).toContain('января');
    setLang('en');
    expect(formatDate('2026-01-15')).toBe('15 January 2026');
  });

  it('writes Kazakh dates itself, as Kazakhstan writes them (Chromium has no Kazakh date data)', () => {
    const months = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
    expect(formatDate('2026-11-23')).toBe('23 қараша 2026');
    expect(months.map((_, m) => formatDate(new Date(2026, m, 1)))).toEqual(months.map((month) => `1 ${month} 2026`));
    expect(formatDate(new Date(2026, 10, 23, 9, 5, 7), 'datetime')).toBe('23.11.2026, 09:05:07');
    expect(formatDate(new Date(2026, 10, 23, 9, 5, 7), 'time')).toBe('09:05');
    expect(formatDate('2026-03-05', 'numeric')).toBe('05.03.2026');
    expect(formatDate('2026-11', 'month')).toBe('қараша 2026');
    expect(formatDate('2026-11-23', 'weekday')).toBe('дс');
    expect(formatDate('yesterday')).toBe('yesterday');
  });

  it('writes a journal column’s day and a month in every language', () => {
    expect(formatDate('2026-03-05', 'day')).toBe('05.03');
    setLang('ru');
    expect(formatDate('2026-03-05', 'day')).toBe('05.03');
    expect(formatDate('2026-03', 'month')).toMatch(/^март 2026/);
    expect(formatDate('2026-03-05', 'weekday')).toBe('чт');
    setLang('en');
    expect(formatDate('2026-03', 'month')).toBe('March 2026');
    expect(formatDate('2026-11-23')).toBe('23 November 2026');
  });

  it('writes decimals with the comma of Kazakhstan in kk and ru', () => {
    expect(formatNumber(72.46)).toBe('72,5');
    expect(formatNumber(80)).toBe('80');
    setLang('ru');
    expect(formatNumber(72.46)).toBe('72,5');
    setLang('en');
    expect(formatNumber(72.46)).toBe('72.5');
  });

  it('formats instants with their time and leaves nonsense as it came', () => {
    expect(formatDate(day, 'datetime')).toContain('09:05');
    expect(formatDate('yesterday')).toBe('yesterday');
    const instant = '2026-11-23T13:45:17.777541575+00:00';
    expect(formatDate(instant, 'datetime')).toBe(formatDate(new Date(Date.UTC(2026, 10, 23, 13, 45, 17)), 'datetime'));
  });
});
