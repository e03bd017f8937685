//! Import of students from a spreadsheet, the pure part: which header names mean which field,
//! and how one row's cells become a student and their enrolment. Secretaries type headers and
//! values in Kazakh, Russian or English and in the formats their spreadsheet produces, so every
//! accepted spelling is decided here, once, and tested; reading files is the caller's business.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use crate::enrolment::Enrolment;
use crate::error::CoreError;
use crate::group::Class;
use crate::iin::{Iin, Sex};
use crate::person::{Person, PersonKind};
use crate::year::{AcademicYear, start_year_of};

/// One column of the import: its field name (the English header) and the headers a secretary
/// would type in Russian and Kazakh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub field: &'static str,
    pub ru: &'static str,
    pub kk: &'static str,
    pub required: bool,
    /// Other spellings seen in real lists.
    aliases: &'static [&'static str],
}

pub const COLUMNS: [Column; 7] = [
    column("last_name", "Фамилия", "Тегі", true, &["surname"]),
    column("first_name", "Имя", "Аты", true, &[]),
    column("patronymic", "Отчество", "Әкесінің аты", false, &[]),
    column("iin", "ИИН", "ЖСН", false, &[]),
    column(
        "birth_date",
        "Дата рождения",
        "Туған күні",
        true,
        &["date of birth"],
    ),
    column("sex", "Пол", "Жынысы", true, &["gender"]),
    column("class", "Класс", "Сынып", true, &[]),
];

const fn column(
    field: &'static str,
    ru: &'static str,
    kk: &'static str,
    required: bool,
    aliases: &'static [&'static str],
) -> Column {
    Column {
        field,
        ru,
        kk,
        required,
        aliases,
    }
}

/// Case, spaces, underscores and a required-field star do not matter in a header.
fn normalise_header(header: &str) -> String {
    let lower = header.trim().trim_end_matches(['*', ':']).to_lowercase();
    lower
        .replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The field a header names, if any; unknown columns (a "№" column, notes) are ignored.
pub fn field_of(header: &str) -> Option<&'static str> {
    let header = normalise_header(header);
    COLUMNS
        .iter()
        .find(|c| {
            [c.field, c.ru, c.kk]
                .iter()
                .chain(c.aliases)
                .any(|name| normalise_header(name) == header)
        })
        .map(|c| c.field)
}

pub fn column_of(field: &str) -> Option<Column> {
    COLUMNS.into_iter().find(|c| c.field == field)
}

/// The first required column none of the headers names.
pub fn missing_column(fields: &[Option<&str>]) -> Option<Column> {
    COLUMNS
        .into_iter()
        .find(|c| c.required && !fields.contains(&Some(c.field)))
}

/// The year new students join: the one holding `today`, or in the summer between two years the
/// one that `today` belongs to by the August turn.
pub fn current_year(years: &[AcademicYear], today: NaiveDate) -> Option<&AcademicYear> {
    years
        .iter()
        .find(|y| y.contains(today))
        .or_else(|| years.iter().find(|y| y.start_year == start_year_of(today)))
}

/// Where the rows go: the current year, its classes, and the day of the import.
pub struct Target<'a> {
    pub year: &'a AcademicYear,
    pub classes: &'a [Class],
    pub today: NaiveDate,
}

/// A row as normalised field name → cell text.
pub type Row = BTreeMap<String, String>;

/// One row's student and their enrolment from today (or from the year's first or last day when
/// today lies outside it), or the first reason the row is refused.
pub fn student(
    row: &Row,
    target: &Target,
    new_id: &mut dyn FnMut() -> Uuid,
) -> Result<(Person, Enrolment), CoreError> {
    let cell = |field: &str| row.get(field).map_or("", |v| v.trim());
    let person = Person {
        id: new_id(),
        kind: PersonKind::Student,
        last_name: cell("last_name").to_string(),
        first_name: cell("first_name").to_string(),
        patronymic: Some(cell("patronymic").to_string()).filter(|p| !p.is_empty()),
        iin: parse_iin(cell("iin"))?,
        birth_date: parse_date(required(cell("birth_date"), "birth_date")?)?,
        sex: parse_sex(required(cell("sex"), "sex")?)?,
        position: None,
        subject: None,
    };
    let class = find_class(required(cell("class"), "class")?, target.classes)?;
    person.validate(target.today)?;
    let year = target.year;
    let enrolment = Enrolment {
        id: new_id(),
        year_id: year.id,
        person_id: person.id,
        group_id: class.id,
        from: target.today.clamp(year.starts, year.ends),
        to: None,
    };
    Ok((person, enrolment))
}

fn required<'a>(value: &'a str, column: &'static str) -> Result<&'a str, CoreError> {
    if value.is_empty() {
        Err(CoreError::ImportValueMissing { column })
    } else {
        Ok(value)
    }
}

/// An empty cell is no IIN. Eleven digits are an IIN whose leading zero a spreadsheet's number
/// format dropped (everyone born 2000–2009); the check digit and birth date still guard it.
pub fn parse_iin(text: &str) -> Result<Option<Iin>, CoreError> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() {
        return Ok(None);
    }
    let digits = if digits.len() == 11 && digits.bytes().all(|b| b.is_ascii_digit()) {
        format!("0{digits}")
    } else {
        digits
    };
    Iin::parse(&digits).map(Some)
}

/// `2014-03-08` or `08.03.2014`; a time after the date (from a spreadsheet) is ignored.
pub fn parse_date(text: &str) -> Result<NaiveDate, CoreError> {
    let date = text.split_whitespace().next().unwrap_or_default();
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(date, "%d.%m.%Y"))
        .ok()
        // chrono reads "08.03.14" as the year 14; a two-digit year is refused, not guessed.
        .filter(|d| d.year() >= 1000)
        .ok_or_else(|| CoreError::ImportDateInvalid {
            value: text.to_string(),
        })
}

/// m/f, м/ж, male/female, ер/әйел (and ұл/қыз, муж/жен), in any case.
pub fn parse_sex(text: &str) -> Result<Sex, CoreError> {
    let word = text.trim().trim_end_matches('.').to_lowercase();
    match word.as_str() {
        "m" | "male" | "м" | "муж" | "мужской" | "ер" | "ұл" => Ok(Sex::Male),
        "f" | "female" | "ж" | "жен" | "женский" | "әйел" | "қыз" => {
            Ok(Sex::Female)
        }
        _ => Err(CoreError::ImportSexInvalid {
            value: text.to_string(),
        }),
    }
}

/// "5 А", "5А" or "5-А": the grade and the letter of one of the year's classes.
pub fn find_class<'a>(name: &str, classes: &'a [Class]) -> Result<&'a Class, CoreError> {
    let unknown = || CoreError::ImportClassUnknown {
        name: name.to_string(),
    };
    let name = name.trim();
    let split = name
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(name.len());
    let grade: i64 = name[..split].parse().map_err(|_| unknown())?;
    let letter = name[split..]
        .trim_start_matches([' ', '-', '–'])
        .trim()
        .to_lowercase();
    classes
        .iter()
        .find(|c| c.grade == grade && c.letter.to_lowercase() == letter)
        .ok_or_else(unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::Language;
    use crate::year::standard_school_year;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn classes(year: &AcademicYear) -> Vec<Class> {
        [(5, "А"), (5, "Ә"), (11, "Б")]
            .into_iter()
            .enumerate()
            .map(|(i, (grade, letter))| Class {
                id: Uuid::from_u128(100 + i as u128),
                year_id: year.id,
                grade,
                letter: letter.into(),
                language: Language::Kazakh,
            })
            .collect()
    }

    fn row(cells: &[(&str, &str)]) -> Row {
        cells
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn good_row() -> Row {
        let iin = Iin::generate(d(2015, 4, 2), Sex::Female, 17).unwrap();
        row(&[
            ("last_name", " Қасымова "),
            ("first_name", "Әйгерім"),
            ("patronymic", ""),
            ("iin", iin.as_str()),
            ("birth_date", "02.04.2015"),
            ("sex", "ж"),
            ("class", "5Ә"),
        ])
    }

    fn import(row: &Row, today: NaiveDate) -> Result<(Person, Enrolment), CoreError> {
        let (year, _) = standard_school_year(2026, || Uuid::from_u128(1));
        let classes = classes(&year);
        let target = Target {
            year: &year,
            classes: &classes,
            today,
        };
        let mut n = 1000u128;
        student(row, &target, &mut || {
            n += 1;
            Uuid::from_u128(n)
        })
    }

    #[test]
    fn headers_are_matched_in_three_languages_and_any_case() {
        assert_eq!(field_of("last_name"), Some("last_name"));
        assert_eq!(field_of(" Last Name "), Some("last_name"));
        assert_eq!(field_of("ФАМИЛИЯ"), Some("last_name"));
        assert_eq!(field_of("Тегі"), Some("last_name"));
        assert_eq!(field_of("Әкесінің  аты"), Some("patronymic"));
        assert_eq!(field_of("ЖСН"), Some("iin"));
        assert_eq!(field_of("Дата рождения*"), Some("birth_date"));
        assert_eq!(field_of("туған күні"), Some("birth_date"));
        assert_eq!(field_of("Жынысы"), Some("sex"));
        assert_eq!(field_of("Сынып"), Some("class"));
        assert_eq!(field_of("№"), None);
    }

    #[test]
    fn a_missing_required_column_is_named() {
        let all: Vec<_> = COLUMNS.iter().map(|c| Some(c.field)).collect();
        assert_eq!(missing_column(&all), None);
        let without_iin: Vec<_> = all.iter().copied().filter(|f| *f != Some("iin")).collect();
        assert_eq!(missing_column(&without_iin), None);
        let without_sex: Vec<_> = all.iter().copied().filter(|f| *f != Some("sex")).collect();
        assert_eq!(missing_column(&without_sex).map(|c| c.ru), Some("Пол"));
    }

    #[test]
    fn dates_are_iso_or_dotted() {
        assert_eq!(parse_date("2014-03-08"), Ok(d(2014, 3, 8)));
        assert_eq!(parse_date("08.03.2014"), Ok(d(2014, 3, 8)));
        assert_eq!(parse_date("8.3.2014"), Ok(d(2014, 3, 8)));
        assert_eq!(parse_date("08.03.2014 0:00:00"), Ok(d(2014, 3, 8)));
        for bad in ["2014/03/08", "31.02.2014", "08.03.14", "завтра"] {
            assert_eq!(
                parse_date(bad),
                Err(CoreError::ImportDateInvalid { value: bad.into() })
            );
        }
    }

    #[test]
    fn sex_is_read_in_three_languages() {
        for male in ["m", "M", "male", "м", "М", "ер", "Ер"] {
            assert_eq!(parse_sex(male), Ok(Sex::Male), "{male}");
        }
        for female in ["f", "Female", "ж", "Ж", "әйел", "Әйел"] {
            assert_eq!(parse_sex(female), Ok(Sex::Female), "{female}");
        }
        assert_eq!(
            parse_sex("x"),
            Err(CoreError::ImportSexInvalid { value: "x".into() })
        );
    }

    #[test]
    fn a_class_is_named_with_or_without_a_space_or_dash() {
        let (year, _) = standard_school_year(2026, || Uuid::from_u128(1));
        let classes = classes(&year);
        for name in ["5 А", "5А", "5-А", " 5 а "] {
            assert_eq!(
                find_class(name, &classes).map(|c| c.name()),
                Ok("5 А".into())
            );
        }
        assert_eq!(find_class("11Б", &classes).map(|c| c.grade), Ok(11));
        for name in ["6 А", "5", "А", "5 АБ"] {
            assert_eq!(
                find_class(name, &classes),
                Err(CoreError::ImportClassUnknown { name: name.into() })
            );
        }
    }

    #[test]
    fn an_iin_is_optional_and_may_have_lost_its_leading_zero() {
        assert_eq!(parse_iin(" "), Ok(None));
        let iin = Iin::generate(d(2005, 1, 9), Sex::Male, 42).unwrap();
        assert_eq!(parse_iin(&iin.as_str()[1..]), Ok(Some(iin.clone())));
        assert_eq!(parse_iin(iin.as_str()), Ok(Some(iin)));
        assert_eq!(parse_iin("12345"), Err(CoreError::IinFormat));
    }

    #[test]
    fn a_good_row_gives_a_student_enrolled_from_today() {
        let today = d(2026, 11, 23);
        let (person, enrolment) = import(&good_row(), today).unwrap();
        assert_eq!(person.kind, PersonKind::Student);
        assert_eq!(person.last_name, "Қасымова");
        assert_eq!(person.patronymic, None);
        assert_eq!(person.birth_date, d(2015, 4, 2));
        assert_eq!(person.sex, Sex::Female);
        assert_eq!(enrolment.person_id, person.id);
        assert_eq!(enrolment.group_id, Uuid::from_u128(101));
        assert_eq!(enrolment.from, today);
        let (_, in_august) = import(&good_row(), d(2026, 8, 20)).unwrap();
        assert_eq!(in_august.from, d(2026, 9, 1));
    }

    #[test]
    fn bad_rows_are_refused_with_their_reason() {
        let today = d(2026, 11, 23);
        let with = |field: &str, value: &str| {
            let mut r = good_row();
            r.insert(field.into(), value.into());
            import(&r, today).err()
        };
        let mut wrong_check = good_row()["iin"].clone();
        let last = wrong_check.pop().and_then(|c| c.to_digit(10)).unwrap();
        wrong_check.push(char::from_digit((last + 1) % 10, 10).unwrap());
        assert_eq!(with("iin", &wrong_check), Some(CoreError::IinChecksum));
        assert_eq!(with("sex", "м"), Some(CoreError::IinMismatch));
        assert_eq!(
            with("birth_date", ""),
            Some(CoreError::ImportValueMissing {
                column: "birth_date"
            })
        );
        assert_eq!(
            with("class", "9 Я"),
            Some(CoreError::ImportClassUnknown {
                name: "9 Я".into()
            })
        );
        assert_eq!(with("first_name", " "), Some(CoreError::NameRequired));
        let mut no_iin = good_row();
        no_iin.remove("iin");
        no_iin.insert("birth_date".into(), "2027-01-01".into());
        assert!(matches!(
            import(&no_iin, today),
            Err(CoreError::BirthDateInvalid { .. })
        ));
    }

    #[test]
    fn the_current_year_holds_today_or_owns_the_summer_before_it() {
        let (y2025, _) = standard_school_year(2025, || Uuid::from_u128(1));
        let (y2026, _) = standard_school_year(2026, || Uuid::from_u128(2));
        let years = [y2025, y2026];
        let id = |today| current_year(&years, today).map(|y| y.start_year);
        assert_eq!(id(d(2026, 11, 23)), Some(2026));
        assert_eq!(id(d(2026, 6, 10)), Some(2025));
        assert_eq!(id(d(2026, 8, 20)), Some(2026));
        assert_eq!(id(d(2030, 1, 1)), None);
    }
}
