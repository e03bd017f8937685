//! Name pools for a realistic demo school: Kazakh and Russian first names, surnames and
//! patronymics of both sexes, combined at random into generated people — never real persons.
//! The randomness is the caller's: every choice goes through its `pick`.

/// Which naming tradition a generated person follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameStyle {
    /// Kazakh first name; surname in -ов/-ев/-ин or, in the modern form, -ұлы/-қызы; patronymic
    /// father's name + ұлы/қызы.
    Kazakh,
    /// Russian first name, surname (Korean, Ukrainian and German ones included) and patronymic.
    Russian,
}

/// A generated person's name, in the order of Kazakhstan's documents: last, first, patronymic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FullName {
    pub last: String,
    pub first: String,
    pub patronymic: String,
}

/// A generated person's name.
///
/// `male` selects the male or female form of every part; `pick` returns an index below its
/// argument (the caller's seeded RNG), so this module needs no rand dependency.
pub fn full_name(style: NameStyle, male: bool, pick: &mut dyn FnMut(usize) -> usize) -> FullName {
    match style {
        NameStyle::Kazakh => {
            let first = one(if male { KK_MALE } else { KK_FEMALE }, pick);
            let father = one(KK_MALE, pick);
            // One in five carries the modern surname, made from the grandfather's name.
            let last = if pick(5) == 0 {
                kazakh_patronymic(one(KK_MALE, pick), male)
            } else {
                gendered_surname(one(KK_SURNAMES, pick), male)
            };
            FullName {
                last,
                first: first.to_string(),
                patronymic: kazakh_patronymic(father, male),
            }
        }
        NameStyle::Russian => {
            let first = if male {
                one(RU_MALE, pick).0
            } else {
                one(RU_FEMALE, pick)
            };
            let (_, son, daughter) = one(RU_MALE, pick);
            let last = gendered_surname(one(RU_SURNAMES, pick), male);
            let patronymic = if male { son } else { daughter };
            FullName {
                last,
                first: first.to_string(),
                patronymic: patronymic.to_string(),
            }
        }
    }
}

/// One entry of a pool; an out-of-range `pick` wraps rather than panics.
fn one<T: Copy>(pool: &[T], pick: &mut dyn FnMut(usize) -> usize) -> T {
    pool[pick(pool.len()) % pool.len()]
}

/// "Серік" → "Серікұлы" (son) or "Серікқызы" (daughter), written as one word.
fn kazakh_patronymic(father: &str, male: bool) -> String {
    format!("{father}{}", if male { "ұлы" } else { "қызы" })
}

/// The surname in the person's sex, from its male form: -ов/-ев/-ёв/-ин/-ын take -а, -ский and
/// -цкий become -ская and -цкая, anything else (Ким, Шевченко, Шмидт, Черных) stays as it is.
fn gendered_surname(male_form: &str, male: bool) -> String {
    if male {
        return male_form.to_string();
    }
    if male_form.ends_with("ский") || male_form.ends_with("цкий") {
        let stem = male_form.strip_suffix("ий").unwrap_or(male_form);
        return format!("{stem}ая");
    }
    if ["ов", "ев", "ёв", "ин", "ын"]
        .iter()
        .any(|s| male_form.ends_with(s))
    {
        return format!("{male_form}а");
    }
    male_form.to_string()
}

#[rustfmt::skip]
const KK_MALE: &[&str] = &[
    "Әлихан", "Ғалым", "Өмірзақ", "Нұрсұлтан", "Жаһангер", "Ерқанат", "Бауыржан", "Дәулет", "Ержан",
    "Мұхтар", "Нұрлан", "Серік", "Асқар", "Қайрат", "Бақытжан", "Әділет", "Жәнібек", "Мұрат",
    "Талғат", "Ілияс", "Санжар", "Арман", "Дархан", "Ақжол", "Абылай", "Рүстем", "Ернұр", "Бекзат",
    "Әлібек", "Нұрбол", "Елдос", "Қуаныш", "Мақсат", "Ғабит", "Темірлан", "Шыңғыс", "Өркен", "Ұлан",
    "Болат", "Сәкен", "Еркебұлан", "Жандос", "Дінмұхамед", "Ерлан", "Жасұлан", "Әмір", "Айдос",
    "Алмас", "Бағдат", "Мейірхан", "Тілеуберді", "Жұмабек", "Қанат", "Ислам",
];

#[rustfmt::skip]
const KK_FEMALE: &[&str] = &[
    "Құралай", "Үміт", "Іңкәр", "Айгүл", "Шаһизада", "Әсел", "Гүлнар", "Ақбота", "Аружан",
    "Әйгерім", "Дана", "Жұлдыз", "Мөлдір", "Гүлжан", "Назерке", "Сәуле", "Динара", "Қарлығаш",
    "Балжан", "Ұлжан", "Меруерт", "Толқын", "Жансая", "Інжу", "Гүлназ", "Айнұр", "Нұргүл", "Сымбат",
    "Әлия", "Томирис", "Ақерке", "Дильназ", "Жанар", "Гүлмира", "Шолпан", "Ләззат", "Бибігүл",
    "Сағыныш", "Ұлпан", "Көркем", "Әмина", "Раушан", "Ботагөз", "Гүлдана", "Перизат",
];

/// Male forms; the female form adds -а (Қасымов → Қасымова).
#[rustfmt::skip]
const KK_SURNAMES: &[&str] = &[
    "Қасымов", "Серікбаев", "Жұмабаев", "Әбілов", "Нұрланов", "Оспанов", "Мұхамеджанов",
    "Төлегенов", "Бекмұратов", "Сәрсенбаев", "Әлімжанов", "Ысқақов", "Байжанов", "Құдайбергенов",
    "Смағұлов", "Тоқтаров", "Есенов", "Омаров", "Ахметов", "Бәйменов", "Ғабдуллин", "Мұсин",
    "Нұрғалиев", "Әуезов", "Өтебаев", "Шәкенов", "Дүйсенбаев", "Қожахметов", "Сейітқалиев",
    "Ержанов", "Күзембаев", "Мамыров", "Рахымжанов", "Жүсіпов", "Ізтілеуов", "Әбдірахманов",
    "Шаһанов", "Құнанбаев", "Иманғалиев", "Өмірбеков", "Тәжібаев", "Сұлтанов", "Ғалымжанов",
    "Есенберлин", "Майлин", "Сейфуллин", "Жақсылықов",
];

/// A male name and the patronymics it gives a son and a daughter.
const RU_MALE: &[(&str, &str, &str)] = &[
    ("Александр", "Александрович", "Александровна"),
    ("Алексей", "Алексеевич", "Алексеевна"),
    ("Анатолий", "Анатольевич", "Анатольевна"),
    ("Андрей", "Андреевич", "Андреевна"),
    ("Антон", "Антонович", "Антоновна"),
    ("Артём", "Артёмович", "Артёмовна"),
    ("Борис", "Борисович", "Борисовна"),
    ("Вадим", "Вадимович", "Вадимовна"),
    ("Валерий", "Валерьевич", "Валерьевна"),
    ("Виктор", "Викторович", "Викторовна"),
    ("Владимир", "Владимирович", "Владимировна"),
    ("Вячеслав", "Вячеславович", "Вячеславовна"),
    ("Геннадий", "Геннадьевич", "Геннадьевна"),
    ("Григорий", "Григорьевич", "Григорьевна"),
    ("Денис", "Денисович", "Денисовна"),
    ("Дмитрий", "Дмитриевич", "Дмитриевна"),
    ("Евгений", "Евгеньевич", "Евгеньевна"),
    ("Егор", "Егорович", "Егоровна"),
    ("Иван", "Иванович", "Ивановна"),
    ("Игорь", "Игоревич", "Игоревна"),
    ("Илья", "Ильич", "Ильинична"),
    ("Кирилл", "Кириллович", "Кирилловна"),
    ("Константин", "Константинович", "Константиновна"),
    ("Лев", "Львович", "Львовна"),
    ("Максим", "Максимович", "Максимовна"),
    ("Михаил", "Михайлович", "Михайловна"),
    ("Никита", "Никитич", "Никитична"),
    ("Николай", "Николаевич", "Николаевна"),
    ("Олег", "Олегович", "Олеговна"),
    ("Павел", "Павлович", "Павловна"),
    ("Пётр", "Петрович", "Петровна"),
    ("Роман", "Романович", "Романовна"),
    ("Руслан", "Русланович", "Руслановна"),
    ("Сергей", "Сергеевич", "Сергеевна"),
    ("Станислав", "Станиславович", "Станиславовна"),
    ("Тимофей", "Тимофеевич", "Тимофеевна"),
    ("Фёдор", "Фёдорович", "Фёдоровна"),
    ("Юрий", "Юрьевич", "Юрьевна"),
    ("Ярослав", "Ярославович", "Ярославовна"),
];

#[rustfmt::skip]
const RU_FEMALE: &[&str] = &[
    "Анна", "Анастасия", "Алина", "Алёна", "Валентина", "Валерия", "Вера", "Вероника", "Виктория",
    "Галина", "Дарья", "Диана", "Екатерина", "Елена", "Елизавета", "Ирина", "Кристина", "Ксения",
    "Любовь", "Людмила", "Маргарита", "Марина", "Мария", "Надежда", "Наталья", "Нина", "Оксана",
    "Ольга", "Полина", "Светлана", "Софья", "Татьяна", "Юлия", "Яна",
];

/// Male forms: Russian ones take the female ending, Korean, Ukrainian, German and -ых ones are the
/// same for both sexes.
#[rustfmt::skip]
const RU_SURNAMES: &[&str] = &[
    "Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков",
    "Морозов", "Волков", "Соловьёв", "Васильев", "Зайцев", "Павлов", "Семёнов", "Голубев",
    "Виноградов", "Богданов", "Воробьёв", "Фёдоров", "Михайлов", "Беляев", "Тарасов", "Белов",
    "Комаров", "Орлов", "Киселёв", "Макаров", "Андреев", "Никитин", "Ильин", "Сорокин", "Гусев",
    "Покровский", "Вишневский", "Ким", "Пак", "Цой", "Ли", "Тен", "Шевченко", "Бондаренко",
    "Ткаченко", "Коваленко", "Кравченко", "Шмидт", "Миллер", "Вебер", "Черных",
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const KAZAKH_LETTERS: &str = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

    /// A fixed, seedable stand-in for the caller's RNG (a linear congruential generator).
    fn lcg(seed: u64) -> impl FnMut(usize) -> usize {
        let mut state = seed;
        move |n| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) % n as u64) as usize
        }
    }

    fn unique<T: Eq + std::hash::Hash>(items: impl IntoIterator<Item = T>) -> bool {
        let mut seen = HashSet::new();
        items.into_iter().all(|i| seen.insert(i))
    }

    #[test]
    fn pools_are_full_and_without_repeats() {
        assert!(KK_MALE.len() >= 40 && unique(KK_MALE.iter()));
        assert!(KK_FEMALE.len() >= 40 && unique(KK_FEMALE.iter()));
        assert!(KK_SURNAMES.len() >= 40 && unique(KK_SURNAMES.iter()));
        assert!(RU_MALE.len() >= 30 && unique(RU_MALE.iter().map(|m| m.0)));
        assert!(RU_FEMALE.len() >= 30 && unique(RU_FEMALE.iter()));
        assert!(RU_SURNAMES.len() >= 40 && unique(RU_SURNAMES.iter()));
        let all = KK_MALE
            .iter()
            .chain(KK_FEMALE)
            .chain(KK_SURNAMES)
            .chain(RU_FEMALE)
            .chain(RU_SURNAMES);
        for name in all
            .copied()
            .chain(RU_MALE.iter().flat_map(|&(a, b, c)| [a, b, c]))
        {
            assert!(!name.is_empty() && !name.contains(' '), "{name:?}");
            assert!(
                name.chars().next().is_some_and(char::is_uppercase),
                "{name:?}"
            );
        }
    }

    #[test]
    fn kazakh_names_use_the_kazakh_letters() {
        let mut pick = lcg(7);
        let names: Vec<FullName> = (0..50)
            .map(|i| full_name(NameStyle::Kazakh, i % 2 == 0, &mut pick))
            .collect();
        let kazakh = |s: &str| s.chars().any(|c| KAZAKH_LETTERS.contains(c));
        assert!(
            names
                .iter()
                .any(|n| kazakh(&n.first) || kazakh(&n.last) || kazakh(&n.patronymic))
        );
        // Not just somewhere: most generated people have a Kazakh letter in their name.
        let with = names
            .iter()
            .filter(|n| kazakh(&format!("{}{}{}", n.last, n.first, n.patronymic)));
        assert!(with.count() > 40);
        for letter in "әғқңөұүһі".chars() {
            assert!(
                KK_MALE
                    .iter()
                    .chain(KK_FEMALE)
                    .any(|n| n.to_lowercase().contains(letter)),
                "{letter}"
            );
        }
    }

    #[test]
    fn female_surnames_of_the_ov_stems_end_in_a() {
        for male in KK_SURNAMES.iter().chain(RU_SURNAMES) {
            let female = gendered_surname(male, false);
            assert_eq!(gendered_surname(male, true), *male);
            if male.ends_with("ов") || male.ends_with("ев") || male.ends_with("ин") {
                assert_eq!(female, format!("{male}а"));
            }
        }
        assert!(
            KK_SURNAMES
                .iter()
                .all(|s| ["ов", "ев", "ин"].iter().any(|e| s.ends_with(e)))
        );
        assert_eq!(gendered_surname("Қасымов", false), "Қасымова");
        assert_eq!(gendered_surname("Серікбаев", false), "Серікбаева");
        assert_eq!(gendered_surname("Соловьёв", false), "Соловьёва");
        assert_eq!(gendered_surname("Покровский", false), "Покровская");
        for same in ["Ким", "Пак", "Цой", "Ли", "Шевченко", "Шмидт", "Черных"]
        {
            assert_eq!(gendered_surname(same, false), same);
        }
        let mut pick = lcg(3);
        for _ in 0..200 {
            let n = full_name(NameStyle::Kazakh, false, &mut pick);
            assert!(
                n.last.ends_with('а') || n.last.ends_with("қызы"),
                "{}",
                n.last
            );
        }
    }

    #[test]
    fn patronymics_differ_by_sex() {
        for style in [NameStyle::Kazakh, NameStyle::Russian] {
            for seed in 0..50 {
                let son = full_name(style, true, &mut lcg(seed));
                let daughter = full_name(style, false, &mut lcg(seed));
                assert_ne!(son.patronymic, daughter.patronymic);
                match style {
                    NameStyle::Kazakh => {
                        assert!(son.patronymic.ends_with("ұлы"), "{}", son.patronymic);
                        assert!(
                            daughter.patronymic.ends_with("қызы"),
                            "{}",
                            daughter.patronymic
                        );
                        // Same father: the two share the stem.
                        let father = son.patronymic.strip_suffix("ұлы").unwrap();
                        assert_eq!(daughter.patronymic, format!("{father}қызы"));
                    }
                    NameStyle::Russian => {
                        assert!(son.patronymic.ends_with("ич"), "{}", son.patronymic);
                        assert!(
                            daughter.patronymic.ends_with("на"),
                            "{}",
                            daughter.patronymic
                        );
                    }
                }
            }
        }
        assert_eq!(kazakh_patronymic("Серік", true), "Серікұлы");
        assert_eq!(kazakh_patronymic("Серік", false), "Серікқызы");
        let ilya = RU_MALE.iter().find(|m| m.0 == "Илья").unwrap();
        assert_eq!((ilya.1, ilya.2), ("Ильич", "Ильинична"));
        let nikolai = RU_MALE.iter().find(|m| m.0 == "Николай").unwrap();
        assert_eq!((nikolai.1, nikolai.2), ("Николаевич", "Николаевна"));
    }

    #[test]
    fn first_names_follow_the_sex_and_style() {
        let mut pick = lcg(11);
        for _ in 0..100 {
            assert!(
                KK_MALE.contains(&full_name(NameStyle::Kazakh, true, &mut pick).first.as_str())
            );
            assert!(
                KK_FEMALE.contains(
                    &full_name(NameStyle::Kazakh, false, &mut pick)
                        .first
                        .as_str()
                )
            );
            let ru_son = full_name(NameStyle::Russian, true, &mut pick);
            assert!(RU_MALE.iter().any(|m| m.0 == ru_son.first));
            assert!(
                RU_FEMALE.contains(
                    &full_name(NameStyle::Russian, false, &mut pick)
                        .first
                        .as_str()
                )
            );
        }
    }

    #[test]
    fn both_kazakh_surname_forms_occur_and_a_bad_pick_does_not_panic() {
        let mut pick = lcg(5);
        let lasts: Vec<String> = (0..200)
            .map(|_| full_name(NameStyle::Kazakh, true, &mut pick).last)
            .collect();
        assert!(lasts.iter().any(|l| l.ends_with("ұлы")));
        assert!(
            lasts
                .iter()
                .any(|l| l.ends_with("ов") || l.ends_with("ев") || l.ends_with("ин"))
        );
        let mut always_zero = |_: usize| 0;
        let n = full_name(NameStyle::Russian, false, &mut always_zero);
        assert_eq!(
            (n.last.as_str(), n.first.as_str(), n.patronymic.as_str()),
            ("Иванова", "Анна", "Александровна")
        );
        let mut too_big = |n: usize| n + 3;
        assert!(
            !full_name(NameStyle::Kazakh, true, &mut too_big)
                .first
                .is_empty()
        );
    }
}
