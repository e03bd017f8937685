//! The Fluent files of `locales/` agree across kk, ru and en, parse cleanly,
//! and format as a Kazakh or Russian reader expects.

use std::collections::{BTreeMap, BTreeSet};

use dala_i18n::{Arg, Lang, error_id, error_message, has_message, sources, text};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// Message id → the variables it references, for every message of `lang`.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for (file, source) in sources(lang) {
        let resource = match fluent_syntax::parser::parse(*source) {
            Ok(resource) => resource,
            Err((_, errors)) => panic!("{}/{file}: {errors:?}", lang.code()),
        };
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let mut vars = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_vars(value, &mut vars);
                }
                for attribute in &message.attributes {
                    pattern_vars(&attribute.value, &mut vars);
                }
                let id = message.id.name.to_owned();
                assert!(
                    all.insert(id.clone(), vars).is_none(),
                    "{}: {id} is defined twice",
                    lang.code()
                );
            }
        }
    }
    all
}

fn pattern_vars(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
        Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. }
        | InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for argument in &arguments.positional {
                inline_vars(argument, vars);
            }
            for argument in &arguments.named {
                inline_vars(&argument.value, vars);
            }
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        InlineExpression::StringLiteral { .. }
        | InlineExpression::NumberLiteral { .. }
        | InlineExpression::MessageReference { .. }
        | InlineExpression::TermReference { .. } => {}
    }
}

#[test]
fn no_file_has_a_parse_error() {
    for lang in Lang::ALL {
        for (file, source) in sources(lang) {
            if let Err((_, errors)) = fluent_syntax::parser::parse(*source) {
                panic!("locales/{}/{file}: {errors:#?}", lang.code());
            }
        }
    }
}

#[test]
fn every_message_is_in_all_three_languages() {
    let ids: BTreeMap<Lang, BTreeSet<String>> = Lang::ALL
        .into_iter()
        .map(|lang| (lang, messages(lang).into_keys().collect()))
        .collect();
    let union: BTreeSet<&String> = ids.values().flatten().collect();
    let mut missing = Vec::new();
    for id in union {
        for lang in Lang::ALL {
            if !ids[&lang].contains(id) {
                missing.push(format!("{}: {id}", lang.code()));
            }
        }
    }
    assert!(missing.is_empty(), "missing messages: {missing:#?}");
    for lang in Lang::ALL {
        for id in &ids[&lang] {
            assert!(
                has_message(lang, id),
                "{}: {id} not in the bundle",
                lang.code()
            );
        }
    }
}

#[test]
fn every_message_has_the_same_variables_in_all_languages() {
    let [kk, ru, en] = Lang::ALL.map(messages);
    let mut differing = Vec::new();
    for (id, kk_vars) in &kk {
        for (code, other) in [("ru", &ru), ("en", &en)] {
            match other.get(id) {
                Some(vars) if vars != kk_vars => {
                    differing.push(format!("{id}: kk {kk_vars:?}, {code} {vars:?}"));
                }
                _ => {}
            }
        }
    }
    assert!(differing.is_empty(), "variables differ: {differing:#?}");
}

#[test]
fn plural_categories_follow_cldr() {
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
    let probe = "n = { $count ->\n [one] one\n [few] few\n [many] many\n *[other] other\n}\n";
    let category = |lang: Lang, count: i64| {
        let mut bundle = FluentBundle::new(vec![lang.langid()]);
        bundle.set_use_isolating(false);
        bundle
            .add_resource(FluentResource::try_new(probe.to_owned()).unwrap())
            .unwrap();
        let mut args = FluentArgs::new();
        args.set("count", count);
        let mut errors = Vec::new();
        let pattern = bundle.get_message("n").unwrap().value().unwrap();
        let out = bundle.format_pattern(pattern, Some(&args), &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        out.into_owned()
    };
    assert_eq!(category(Lang::Kk, 1), "one");
    assert_eq!(category(Lang::Kk, 5), "other");
    assert_eq!(category(Lang::Kk, 21), "other");
    let ru: Vec<String> = [1, 3, 5, 21].map(|n| category(Lang::Ru, n)).into();
    assert_eq!(ru, ["one", "few", "many", "one"]);
    assert_eq!(category(Lang::En, 1), "one");
    assert_eq!(category(Lang::En, 5), "other");
}

#[test]
fn kazakh_and_russian_plurals_read_right() {
    let imported = |lang, n: i64| text(lang, "cli-import-done", &[("count", n.into())]);
    assert_eq!(imported(Lang::Kk, 1), "1 оқушы импортталды.");
    assert_eq!(imported(Lang::Kk, 5), "5 оқушы импортталды.");
    assert_eq!(imported(Lang::Ru, 1), "Импортирован 1 ученик.");
    assert_eq!(imported(Lang::Ru, 3), "Импортировано 3 ученика.");
    assert_eq!(imported(Lang::Ru, 5), "Импортировано 5 учеников.");
    assert_eq!(imported(Lang::Ru, 21), "Импортирован 21 ученик.");
    assert_eq!(imported(Lang::En, 1), "1 student imported.");
    assert_eq!(imported(Lang::En, 5), "5 students imported.");

    let problems = |n: i64| text(Lang::Ru, "cli-check-failed", &[("count", n.into())]);
    assert_eq!(problems(1), "Проверка не пройдена: найдена 1 проблема.");
    assert_eq!(problems(3), "Проверка не пройдена: найдено 3 проблемы.");
    assert_eq!(problems(11), "Проверка не пройдена: найдено 11 проблем.");

    let rejected = |n: usize| error_message(Lang::Ru, "import.rejected", &[("count", n.into())]);
    assert_eq!(rejected(21), "Ничего не импортировано: ошибки в 21 строке.");
    assert_eq!(rejected(2), "Ничего не импортировано: ошибки в 2 строках.");
}

#[test]
fn error_message_of_a_known_code_is_kazakh_in_kk() {
    let kk = error_message(Lang::Kk, "auth.invalid_credentials", &[]);
    let ru = error_message(Lang::Ru, "auth.invalid_credentials", &[]);
    let en = error_message(Lang::En, "auth.invalid_credentials", &[]);
    assert_eq!(kk, "Логин немесе құпиясөз қате.");
    assert!(kk.chars().any(|c| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c)), "{kk}");
    assert_ne!(kk, ru);
    assert_ne!(kk, en);
    assert_eq!(ru, "Неверный логин или пароль.");
    assert_eq!(en, "Wrong login or password.");
}

#[test]
fn error_message_fills_variables_without_isolation_marks() {
    let msg = error_message(
        Lang::Kk,
        "store.not_initialised",
        &[("path", "/srv/dala".into())],
    );
    assert_eq!(
        msg,
        "/srv/dala қалтасында Dala деректері жоқ. Алдымен «dala init» немесе «dala demo» командасын іске қосыңыз."
    );
    assert!(!msg.contains(['\u{2068}', '\u{2069}']));
}

#[test]
fn unknown_error_code_gives_the_unknown_message() {
    assert_eq!(
        error_id("auth.invalid_credentials"),
        "error-auth-invalid-credentials"
    );
    assert_eq!(
        error_message(Lang::En, "no.such_code", &[]),
        "Unexpected error (no.such_code)."
    );
    assert_eq!(
        error_message(Lang::Kk, "no.such_code", &[]),
        "Күтпеген қате (no.such_code)."
    );
}

#[test]
fn missing_message_gives_back_its_id() {
    for lang in Lang::ALL {
        assert_eq!(text(lang, "no-such-message", &[]), "no-such-message");
    }
    // A missing variable never panics either.
    let out = text(Lang::Ru, "cli-export-done", &[]);
    assert!(out.starts_with("Экспорт выполнен:"), "{out}");
}

#[test]
fn cli_demo_done_formats_plain_numbers() {
    let kind = text(Lang::Kk, "cli-kind-school", &[]);
    let out = text(
        Lang::Kk,
        "cli-demo-done",
        &[
            ("kind", Arg::Str(&kind)),
            ("students", 300.into()),
            ("staff", 42.into()),
            ("accounts", 5usize.into()),
        ],
    );
    assert_eq!(
        out,
        "Демонстрациялық мектеп құрылды: 300 оқушы, 42 қызметкер, 5 тіркелгі."
    );
}

#[test]
fn lang_parses_tags_and_posix_locales() {
    for (input, lang) in [
        ("kk", Lang::Kk),
        ("ru", Lang::Ru),
        ("en", Lang::En),
        ("kk-KZ", Lang::Kk),
        ("ru-KZ", Lang::Ru),
        ("en-GB", Lang::En),
        ("KK", Lang::Kk),
        ("kk-Cyrl-KZ", Lang::Kk),
        ("kk_KZ.UTF-8", Lang::Kk),
        ("ru_RU.UTF-8", Lang::Ru),
        ("en_US.UTF-8", Lang::En),
        ("ru_RU.utf8", Lang::Ru),
        ("kk_KZ", Lang::Kk),
        ("ru_RU.UTF-8@euro", Lang::Ru),
        (" kk ", Lang::Kk),
    ] {
        assert_eq!(input.parse::<Lang>(), Ok(lang), "{input:?}");
    }
    for input in ["", "C", "C.UTF-8", "POSIX", "de_DE.UTF-8", "kz", "kk--KZ"] {
        assert!(input.parse::<Lang>().is_err(), "{input:?} parsed");
    }
    for lang in Lang::ALL {
        assert_eq!(lang.code().parse::<Lang>(), Ok(lang));
        assert_eq!(lang.to_string(), lang.code());
    }
    assert_eq!(Lang::default(), Lang::Kk);
}

#[test]
fn lang_from_environment_variables() {
    let env = |vars: &'static [(&'static str, &'static str)]| {
        Lang::from_lookup(move |name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        })
    };
    assert_eq!(env(&[]), Lang::Kk);
    assert_eq!(env(&[("LANG", "ru_RU.UTF-8")]), Lang::Ru);
    assert_eq!(
        env(&[("LANG", "ru_RU.UTF-8"), ("LC_ALL", "en_US.UTF-8")]),
        Lang::En
    );
    assert_eq!(
        env(&[
            ("DALA_LANG", "kk"),
            ("LC_ALL", "ru_RU.UTF-8"),
            ("LANG", "en_US.UTF-8")
        ]),
        Lang::Kk
    );
    // A variable that names no known language is passed over.
    assert_eq!(
        env(&[("LC_ALL", "C.UTF-8"), ("LANG", "ru_RU.UTF-8")]),
        Lang::Ru
    );
    assert_eq!(env(&[("LANG", "de_DE.UTF-8")]), Lang::Kk);
}

#[test]
fn bundles_are_shared_across_threads() {
    let handles: Vec<_> = Lang::ALL
        .into_iter()
        .map(|lang| std::thread::spawn(move || error_message(lang, "person.iin_format", &[])))
        .collect();
    let out: Vec<String> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(
        out,
        [
            "ЖСН дәл 12 цифрдан тұруы керек.",
            "ИИН должен состоять ровно из 12 цифр.",
            "The IIN must be exactly 12 digits."
        ]
    );
}
