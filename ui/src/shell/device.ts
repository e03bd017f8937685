// What this device remembers between visits: only the interface language, so the login screen greets the
// next person in the language last used here. Everything else belongs to the account, on the API.
import type { Lang } from '../i18n';

const LANG_KEY = 'dala.lang';

export function rememberedLang(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) ?? null;
  } catch {
    return null;
  }
}

export function rememberLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_KEY, lang);
  } catch {
    // Storage switched off: the language is still applied, just not remembered.
  }
}
