//! People the organisation knows: students, kindergarten children, staff and parents. A person's IIN, when
//! known, must agree with the birth date and sex entered beside it.

use chrono::NaiveDate;
use uuid::Uuid;

use crate::error::CoreError;
use crate::iin::{Iin, Sex};
use crate::record::{Collection, DocKey, Entity, Fields, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PersonKind {
    Student,
    Child,
    Staff,
    /// A parent or guardian, linked to their children by a `Guardianship`.
    Parent,
}

impl PersonKind {
    pub fn code(self) -> &'static str {
        match self {
            PersonKind::Student => "student",
            PersonKind::Child => "child",
            PersonKind::Staff => "staff",
            PersonKind::Parent => "parent",
        }
    }

    pub fn from_code(code: &str) -> Option<PersonKind> {
        match code {
            "student" => Some(PersonKind::Student),
            "child" => Some(PersonKind::Child),
            "staff" => Some(PersonKind::Staff),
            "parent" => Some(PersonKind::Parent),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: Uuid,
    pub kind: PersonKind,
    pub last_name: String,
    pub first_name: String,
    pub patronymic: Option<String>,
    pub iin: Option<Iin>,
    pub birth_date: NaiveDate,
    pub sex: Sex,
    /// Staff only: the position's code (`teacher`, `director`, …), shown through the locales.
    pub position: Option<String>,
    /// Staff only: the subject a teacher teaches, as a code of the subject catalogue.
    pub subject: Option<String>,
}

const MAX_NAME: usize = 100;

/// The Kazakh alphabet, which holds the Russian one: lists of pupils follow it, so «Ә» comes after
/// «А» and «І» after «Ы», where code-point order would put them after «Я» or before «А».
const ALPHABET: &str = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ";

/// A key that sorts names in the order of the Kazakh alphabet, case aside; other characters
/// (Latin, digits) follow it in code-point order.
pub fn collation_key(name: &str) -> Vec<u32> {
    name.chars()
        .flat_map(char::to_uppercase)
        .map(|c| match ALPHABET.chars().position(|a| a == c) {
            Some(i) => i as u32,
            None => 0x1000 + c as u32,
        })
        .collect()
}

impl Person {
    pub fn full_name(&self) -> String {
        let mut name = format!("{} {}", self.last_name, self.first_name);
        if let Some(p) = &self.patronymic {
            name.push(' ');
            name.push_str(p);
        }
        name
    }

    pub fn validate(&self, today: NaiveDate) -> Result<(), CoreError> {
        let bad_name = |n: &str| n.trim().is_empty() || n.chars().count() > MAX_NAME;
        if bad_name(&self.last_name) || bad_name(&self.first_name) {
            return Err(CoreError::NameRequired);
        }
        let oldest = NaiveDate::from_ymd_opt(1900, 1, 1).expect("a calendar date");
        if self.birth_date > today || self.birth_date < oldest {
            return Err(CoreError::BirthDateInvalid {
                date: self.birth_date.to_string(),
            });
        }
        if let Some(iin) = &self.iin
            && (iin.birth_date() != self.birth_date || iin.sex() != self.sex)
        {
            return Err(CoreError::IinMismatch);
        }
        Ok(())
    }
}

impl Entity for Person {
    const COLLECTION: Collection = Collection::People;

    fn id(&self) -> Uuid {
        self.id
    }

    fn doc(&self) -> DocKey {
        DocKey::People
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("kind", self.kind.code().into()),
            ("last_name", self.last_name.clone().into()),
            ("first_name", self.first_name.clone().into()),
            ("patronymic", self.patronymic.clone().into()),
            (
                "iin",
                self.iin.as_ref().map(|i| i.as_str().to_string()).into(),
            ),
            ("birth_date", self.birth_date.into()),
            ("sex", self.sex.code().into()),
            ("position", self.position.clone().into()),
            ("subject", self.subject.clone().into()),
        ]
    }

    fn from_fields(id: Uuid, fields: &Fields) -> Result<Self, CoreError> {
        let r = Self::reader(fields);
        Ok(Person {
            id,
            kind: r.code("kind", PersonKind::from_code)?,
            last_name: r.text("last_name")?,
            first_name: r.text("first_name")?,
            patronymic: r.opt_text("patronymic")?,
            iin: r
                .opt_text("iin")?
                .map(|t| Iin::parse(&t).map_err(|_| r.invalid("iin")))
                .transpose()?,
            birth_date: r.parse("birth_date")?,
            sex: r.code("sex", Sex::from_code)?,
            position: r.opt_text("position")?,
            subject: r.opt_text("subject")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pupil() -> Person {
        Person {
            id: Uuid::nil(),
            kind: PersonKind::Student,
            last_name: "Қасымова".into(),
            first_name: "Әйгерім".into(),
            patronymic: Some("Серікқызы".into()),
            iin: None,
            birth_date: NaiveDate::from_ymd_opt(2014, 3, 8).unwrap(),
            sex: Sex::Female,
            position: None,
            subject: None,
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn names_sort_in_the_kazakh_alphabet() {
        let mut names = [
            "Ізтілеуова",
            "Әлиев",
            "Ыбырай",
            "Яковлев",
            "Абаев",
            "Өтебаев",
            "абдуллаев",
        ];
        names.sort_by_key(|n| collation_key(n));
        assert_eq!(
            names,
            [
                "Абаев",
                "абдуллаев",
                "Әлиев",
                "Өтебаев",
                "Ыбырай",
                "Ізтілеуова",
                "Яковлев"
            ]
        );
    }

    #[test]
    fn a_pupil_with_a_matching_iin_is_valid() {
        let mut p = pupil();
        p.iin = (0..50).find_map(|s| Iin::generate(p.birth_date, p.sex, s));
        assert_eq!(p.validate(today()), Ok(()));
        assert_eq!(p.full_name(), "Қасымова Әйгерім Серікқызы");
    }

    #[test]
    fn an_iin_of_another_date_or_sex_is_refused() {
        let mut p = pupil();
        p.iin = (0..50).find_map(|s| Iin::generate(p.birth_date, Sex::Male, s));
        assert_eq!(p.validate(today()), Err(CoreError::IinMismatch));
        let other_day = p.birth_date.succ_opt().unwrap();
        p.iin = (0..50).find_map(|s| Iin::generate(other_day, Sex::Female, s));
        assert_eq!(p.validate(today()), Err(CoreError::IinMismatch));
    }

    #[test]
    fn names_and_birth_dates_must_be_real() {
        let mut p = pupil();
        p.first_name = "  ".into();
        assert_eq!(p.validate(today()), Err(CoreError::NameRequired));
        let mut p = pupil();
        p.birth_date = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert!(matches!(
            p.validate(today()),
            Err(CoreError::BirthDateInvalid { .. })
        ));
    }
}
