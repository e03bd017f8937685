// The interface language and its messages. The text lives in the Fluent files of ../locales, shared with
// the Rust crates (errors.ftl for error codes, ui.ftl for this interface); they are read at build time, so
// the app never fetches a message. The current language is reactive: t() called in a template or a
// $derived re-runs when setLang() changes it. Kazakh is the default (R17: the user chooses).
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { createSubscriber } from 'svelte/reactivity';

export type Lang = 'kk' | 'ru' | 'en';
export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];
export const DEFAULT_LANG: Lang = 'kk';

/** The locale each language formats dates and numbers with. */
export const LOCALE: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

export type MessageArgs = Record<string, FluentVariable>;

// cli.ftl holds the command line's messages and export sheet names, reports.ftl the texts of the sheets the
// API prints: nothing the interface shows.
const sources = import.meta.glob<string>(['../../locales/*/*.ftl', '!../../locales/*/cli.ftl', '!../../locales/*/reports.ftl'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function buildBundles(): Record<Lang, FluentBundle> {
  const bundles = {} as Record<Lang, FluentBundle>;
  for (const lang of LANGS) {
    bundles[lang] = new FluentBundle(LOCALE[lang], { useIsolating: false });
    ids[lang] = [];
  }
  for (const path of Object.keys(sources).sort()) {
    const match = /\/locales\/([a-z]+)\/[^/]+\.ftl$/.exec(path);
    const lang = parseLang(match?.[1]);
    const source = sources[path];
    if (!lang || source === undefined) continue;
    const resource = new FluentResource(source);
    ids[lang].push(...resource.body.map((entry) => entry.id).filter((id) => !id.startsWith('-')));
    const errors = bundles[lang].addResource(resource);
    for (const error of errors) console.error(`${path}: ${error.message}`);
  }
  return bundles;
}

/** `kk`, `ru-KZ`, `en_GB.UTF-8` → the language; anything else → null. */
export function parseLang(value: string | null | undefined): Lang | null {
  const code = value?.trim().slice(0, 2).toLowerCase();
  const rest = value?.trim().slice(2) ?? '';
  if (rest !== '' && !/^[-_]/.test(rest)) return null;
  return LANGS.find((lang) => lang === code) ?? null;
}

const ids = {} as Record<Lang, string[]>;
const bundles = buildBundles();
let current: Lang = DEFAULT_LANG;
let changed: (() => void) | undefined;
const track = createSubscriber((update) => {
  changed = update;
  return () => (changed = undefined);
});

/** The current language; reading it in a template or $derived subscribes to changes. */
export function lang(): Lang {
  track();
  return current;
}

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  changed?.();
}

export function hasMessage(id: string, language: Lang = current): boolean {
  return bundles[language].hasMessage(id);
}

/** Every message id of a language, for the tests that compare languages. */
export function messageIds(language: Lang): string[] {
  return [...ids[language]];
}

function format(language: Lang, id: string, args: MessageArgs | undefined, errors: Error[]): string | null {
  const message = bundles[language].getMessage(id);
  if (!message?.value) return null;
  return bundles[language].formatPattern(message.value, args ?? null, errors);
}

/**
 * The message `id` in a given language, whatever the current one is: the journal accepts the attendance
 * letters of every language at once.
 */
export function textIn(language: Lang, id: string, args?: MessageArgs): string {
  return format(language, id, args, []) ?? id;
}

/** The message `id` in the current language; a missing message shows its id, so it is noticed. */
export function t(id: string, args?: MessageArgs): string {
  const language = lang();
  const errors: Error[] = [];
  const text = format(language, id, args, errors);
  if (errors.length > 0 && import.meta.env.DEV) console.warn(id, errors);
  return text ?? id;
}

/** `auth.invalid_credentials` → `error-auth-invalid-credentials`, as dala-i18n names it. */
export function errorId(code: string): string {
  return `error-${code.replace(/[._]/g, '-')}`;
}

/**
 * The text of an API error in the current language: its Fluent message when the bundle has one and every
 * variable it needs is known, else the message the server localised, else "unexpected error (code)".
 */
export function errorText(code: string, args?: MessageArgs, serverMessage?: string): string {
  const language = lang();
  const errors: Error[] = [];
  const text = format(language, errorId(code), args, errors);
  if (text !== null && (errors.length === 0 || !serverMessage)) return text;
  if (serverMessage) return serverMessage;
  return t('error-unknown', { code });
}

/**
 * `date` 23 November 2026; `numeric` 23.11.2026 (tables); `datetime` 23.11.2026, 13:45:07; `time` 13:45;
 * `day` 23.11 (a journal's column); `month` November 2026; `weekday` the short name of the day (Mon).
 */
export type DateStyle = 'date' | 'numeric' | 'datetime' | 'time' | 'day' | 'month' | 'weekday';

const DATE_OPTIONS: Record<Exclude<DateStyle, 'day'>, Intl.DateTimeFormatOptions> = {
  date: { year: 'numeric', month: 'long', day: 'numeric' },
  numeric: { year: 'numeric', month: '2-digit', day: '2-digit' },
  datetime: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit' },
  month: { year: 'numeric', month: 'long' },
  weekday: { weekday: 'short' },
};

// Chromium ships without Kazakh date data and prints "2026 M11 23", so Kazakh dates are written here, in the
// order and month names used in Kazakhstan (nominative: "23 қараша 2026").
const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];
/** Дүйсенбі, Сейсенбі, … as school timetables shorten them; Sunday first, as Date.getDay() counts. */
const KK_WEEKDAYS = ['жс', 'дс', 'сс', 'ср', 'бс', 'жм', 'сб'];

const pad = (n: number) => String(n).padStart(2, '0');

function kazakhDate(date: Date, style: Exclude<DateStyle, 'day'>): string {
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  switch (style) {
    case 'date':
      return `${date.getDate()} ${KK_MONTHS[date.getMonth()]} ${date.getFullYear()}`;
    case 'numeric':
      return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}`;
    case 'datetime':
      return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}, ${time}:${pad(date.getSeconds())}`;
    case 'time':
      return time;
    case 'month':
      return `${KK_MONTHS[date.getMonth()]} ${date.getFullYear()}`;
    case 'weekday':
      return KK_WEEKDAYS[date.getDay()] ?? '';
  }
}

/**
 * A school date (`2026-01-15`, in the school's calendar, no time zone), a month (`2026-01`) or an instant
 * (`…T09:30:00Z`) in the current language. Anything unparsable is shown as it came.
 */
export function formatDate(value: string | Date, style: DateStyle = 'date'): string {
  const language = lang();
  let date: Date;
  if (value instanceof Date) {
    date = value;
  } else {
    const day = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
    // The API writes nanoseconds; not every browser's Date parses more than milliseconds.
    date = day
      ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3] ?? 1))
      : new Date(value.replace(/(\.\d{3})\d+/, '$1'));
  }
  if (Number.isNaN(date.getTime())) return String(value);
  if (style === 'day') return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}`;
  if (language === 'kk') return kazakhDate(date, style);
  return new Intl.DateTimeFormat(LOCALE[language], DATE_OPTIONS[style]).format(date);
}

/**
 * A number with at most `digits` decimals in the current language (72,5 in kk and ru; 72.5 in en). Kazakh
 * borrows Russian's separators: the same Chromium gap as for dates, and the same comma in Kazakhstan.
 */
export function formatNumber(value: number, digits = 1): string {
  const language = lang();
  const locale = language === 'kk' ? LOCALE.ru : LOCALE[language];
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}
