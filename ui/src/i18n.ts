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

// cli.ftl holds the command line's messages and export sheet names: nothing the interface shows.
const sources = import.meta.glob<string>(['../../locales/*/*.ftl', '!../../locales/*/cli.ftl'], {
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

export type DateStyle = 'date' | 'datetime' | 'time';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { year: 'numeric', month: 'long', day: 'numeric' },
  datetime: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit' },
};

/**
 * A school date (`2026-01-15`, in the school's calendar, no time zone) or an instant (`…T09:30:00Z`) in the
 * current language. Anything unparsable is shown as it came.
 */
export function formatDate(value: string | Date, style: DateStyle = 'date'): string {
  const language = lang();
  let date: Date;
  if (value instanceof Date) {
    date = value;
  } else {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    // The API writes nanoseconds; not every browser's Date parses more than milliseconds.
    date = day
      ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]))
      : new Date(value.replace(/(\.\d{3})\d+/, '$1'));
  }
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(LOCALE[language], DATE_OPTIONS[style]).format(date);
}
