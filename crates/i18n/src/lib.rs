//! Dala's user-facing text in Kazakh (the default), Russian and English.
//!
//! This crate owns the languages ([`Lang`]), the choice of language from the
//! environment, and the formatting of messages ([`text`], [`error_message`]).
//! The strings themselves live in the Fluent files `locales/<lang>/*.ftl` at
//! the workspace root and are embedded here at compile time: the Svelte UI
//! reads the very same files with `@fluent/bundle`, so every wording, plural
//! rule and error message exists once, for the CLI and the UI alike.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;
use unic_langid::langid;

/// A language of the user interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    /// Kazakh, the default.
    #[default]
    Kk,
    /// Russian.
    Ru,
    /// English.
    En,
}

impl Lang {
    /// Every language, the default first.
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    /// The BCP 47 language code: `"kk"`, `"ru"` or `"en"`.
    pub fn code(&self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// The language identifier the Fluent bundle (and its plural rules) uses.
    pub fn langid(&self) -> LanguageIdentifier {
        match self {
            Lang::Kk => langid!("kk"),
            Lang::Ru => langid!("ru"),
            Lang::En => langid!("en"),
        }
    }

    /// The language from the environment: the first of `DALA_LANG`, `LC_ALL`
    /// and `LANG` that names a known language; Kazakh if none does.
    pub fn from_env() -> Lang {
        Lang::from_lookup(|name| std::env::var(name).ok())
    }

    /// Like [`Lang::from_env`], reading the variables through `lookup`.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Lang {
        ["DALA_LANG", "LC_ALL", "LANG"]
            .into_iter()
            .filter_map(lookup)
            .find_map(|value| value.parse().ok())
            .unwrap_or_default()
    }

    /// The language an HTTP request asks for: the first known language of its
    /// `Accept-Language` header; Kazakh when none is known or there is no header.
    pub fn from_accept_language(header: Option<&str>) -> Lang {
        header
            .and_then(|v| {
                v.split(',')
                    .filter_map(|part| part.split(';').next())
                    .find_map(|tag| tag.trim().parse::<Lang>().ok())
            })
            .unwrap_or_default()
    }

    fn index(self) -> usize {
        match self {
            Lang::Kk => 0,
            Lang::Ru => 1,
            Lang::En => 2,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A string that names no language Dala speaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown language {:?}: expected kk, ru or en", self.0)
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;

    /// Accepts a language tag (`kk`, `ru-RU`, `kk-Cyrl-KZ`) or a POSIX locale
    /// (`ru_RU.UTF-8`, `kk_KZ.UTF-8@cyrillic`); case does not matter.
    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        let unknown = || UnknownLang(s.to_owned());
        // POSIX `language_TERRITORY.codeset@modifier` → BCP 47 `language-TERRITORY`.
        let tag = s.trim().split(['.', '@']).next().unwrap_or_default();
        let id: LanguageIdentifier = tag.replace('_', "-").parse().map_err(|_| unknown())?;
        match id.language.as_str() {
            "kk" => Ok(Lang::Kk),
            "ru" => Ok(Lang::Ru),
            "en" => Ok(Lang::En),
            _ => Err(unknown()),
        }
    }
}

/// A value for a message's `{ $variable }`.
///
/// Numbers select plural variants (`{ $count -> [one] … *[other] … }`); pass
/// counts as numbers, not as strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arg<'a> {
    /// Text, shown as it is.
    Str(&'a str),
    /// An integer.
    Num(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(value: &'a str) -> Self {
        Arg::Str(value)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(value: &'a String) -> Self {
        Arg::Str(value)
    }
}

impl From<i64> for Arg<'_> {
    fn from(value: i64) -> Self {
        Arg::Num(value)
    }
}

impl From<i32> for Arg<'_> {
    fn from(value: i32) -> Self {
        Arg::Num(value.into())
    }
}

impl From<u32> for Arg<'_> {
    fn from(value: u32) -> Self {
        Arg::Num(value.into())
    }
}

impl From<u64> for Arg<'_> {
    fn from(value: u64) -> Self {
        Arg::Num(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

impl From<usize> for Arg<'_> {
    fn from(value: usize) -> Self {
        Arg::Num(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

impl<'a> From<Arg<'a>> for FluentValue<'a> {
    fn from(arg: Arg<'a>) -> Self {
        match arg {
            Arg::Str(s) => FluentValue::String(Cow::Borrowed(s)),
            Arg::Num(n) => FluentValue::from(n),
        }
    }
}

/// The Fluent sources of one language, as `(file name, text)`. The UI's messages are here too,
/// so that one test checks every file of every language.
pub fn sources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Kk => &[
            ("errors.ftl", include_str!("../../../locales/kk/errors.ftl")),
            ("cli.ftl", include_str!("../../../locales/kk/cli.ftl")),
            ("ui.ftl", include_str!("../../../locales/kk/ui.ftl")),
            (
                "reports.ftl",
                include_str!("../../../locales/kk/reports.ftl"),
            ),
        ],
        Lang::Ru => &[
            ("errors.ftl", include_str!("../../../locales/ru/errors.ftl")),
            ("cli.ftl", include_str!("../../../locales/ru/cli.ftl")),
            ("ui.ftl", include_str!("../../../locales/ru/ui.ftl")),
            (
                "reports.ftl",
                include_str!("../../../locales/ru/reports.ftl"),
            ),
        ],
        Lang::En => &[
            ("errors.ftl", include_str!("../../../locales/en/errors.ftl")),
            ("cli.ftl", include_str!("../../../locales/en/cli.ftl")),
            ("ui.ftl", include_str!("../../../locales/en/ui.ftl")),
            (
                "reports.ftl",
                include_str!("../../../locales/en/reports.ftl"),
            ),
        ],
    }
}

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: [OnceLock<Bundle>; 3] = [const { OnceLock::new() }; 3];

fn bundle(lang: Lang) -> &'static Bundle {
    BUNDLES[lang.index()].get_or_init(|| {
        let mut bundle = Bundle::new_concurrent(vec![lang.langid()]);
        // No U+2068/U+2069 around placeables: terminals show them as garbage.
        bundle.set_use_isolating(false);
        for (_, source) in sources(lang) {
            // A syntax error or a duplicate id loses only the entries concerned;
            // the tests keep the files free of both.
            let resource = FluentResource::try_new((*source).to_owned())
                .unwrap_or_else(|(partial, _errors)| partial);
            let _ = bundle.add_resource(resource);
        }
        bundle
    })
}

/// Whether the message `id` exists in `lang`.
pub fn has_message(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// The message `id` in `lang` with its variables set from `args`.
///
/// Never panics: a missing message gives back `id` itself, and a missing
/// variable is shown as `{$name}`.
///
/// ```
/// use dala_i18n::{Lang, text};
///
/// let done = text(Lang::Ru, "cli-import-done", &[("count", 3.into())]);
/// assert_eq!(done, "Импортировано 3 ученика.");
/// ```
pub fn text(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for &(name, value) in args {
        fluent_args.set(name, value);
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// The Fluent id of an error code: `auth.invalid_credentials` →
/// `error-auth-invalid-credentials`.
pub fn error_id(code: &str) -> String {
    format!("error-{}", code.replace(['.', '_'], "-"))
}

/// The message of the error `code` (like `auth.invalid_credentials`) in `lang`.
///
/// An unknown code gives the message `error-unknown` with the code as `$code`.
pub fn error_message(lang: Lang, code: &str, args: &[(&str, Arg<'_>)]) -> String {
    let id = error_id(code);
    if has_message(lang, &id) {
        text(lang, &id, args)
    } else {
        text(lang, "error-unknown", &[("code", Arg::Str(code))])
    }
}
