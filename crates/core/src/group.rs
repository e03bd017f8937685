//! Where pupils are enrolled: a school class (grade 0–11 and a letter; grade 0 is the pre-school
//! class) or a kindergarten age group with its norm of places. Both belong to one academic year.

use uuid::Uuid;

use crate::error::CoreError;
use crate::org::Language;
use crate::record::{Collection, DocKey, Entity, Fields, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Class {
    pub id: Uuid,
    pub year_id: Uuid,
    pub grade: i64,
    pub letter: String,
    pub language: Language,
}

impl Class {
    /// "5 Ә", as journals and reports print it.
    pub fn name(&self) -> String {
        format!("{} {}", self.grade, self.letter)
    }

    /// Grade and letter; the letter is one letter of the Kazakh, Russian or Latin alphabet.
    pub fn validate(&self, same_year: &[Class]) -> Result<(), CoreError> {
        if !(0..=11).contains(&self.grade) {
            return Err(CoreError::GradeOutOfRange);
        }
        let mut chars = self.letter.chars();
        let one_letter = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
        if !one_letter {
            return Err(CoreError::ClassLetterInvalid);
        }
        let taken = same_year.iter().any(|c| {
            c.id != self.id
                && c.grade == self.grade
                && c.letter.to_lowercase() == self.letter.to_lowercase()
        });
        if taken {
            return Err(CoreError::ClassDuplicate { name: self.name() });
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgeGroup {
    pub id: Uuid,
    pub year_id: Uuid,
    pub name: String,
    /// The children's age in whole years at the start of the year: 1 for the 1–2 group.
    pub age_from: i64,
    pub age_to: i64,
    /// Places by the group's norm: the smallest of the legal, design and floor-area norms.
    pub norm_places: i64,
    pub language: Language,
}

impl AgeGroup {
    pub fn validate(&self) -> Result<(), CoreError> {
        if self.name.trim().is_empty() {
            return Err(CoreError::GroupNameRequired);
        }
        if !(1..=7).contains(&self.age_from) || !(self.age_from..=7).contains(&self.age_to) {
            return Err(CoreError::GroupAgeInvalid);
        }
        if !(1..=40).contains(&self.norm_places) {
            return Err(CoreError::GroupNormInvalid);
        }
        Ok(())
    }

    pub fn free_places(&self, enrolled: usize) -> i64 {
        (self.norm_places - enrolled as i64).max(0)
    }
}

impl Entity for Class {
    const COLLECTION: Collection = Collection::Classes;

    fn id(&self) -> Uuid {
        self.id
    }

    fn doc(&self) -> DocKey {
        DocKey::Roster(self.year_id)
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("year_id", self.year_id.into()),
            ("grade", self.grade.into()),
            ("letter", self.letter.clone().into()),
            ("language", self.language.code().into()),
        ]
    }

    fn from_fields(id: Uuid, fields: &Fields) -> Result<Self, CoreError> {
        let r = Self::reader(fields);
        Ok(Class {
            id,
            year_id: r.parse("year_id")?,
            grade: r.int("grade")?,
            letter: r.text("letter")?,
            language: r.code("language", Language::from_code)?,
        })
    }
}

impl Entity for AgeGroup {
    const COLLECTION: Collection = Collection::AgeGroups;

    fn id(&self) -> Uuid {
        self.id
    }

    fn doc(&self) -> DocKey {
        DocKey::Roster(self.year_id)
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("year_id", self.year_id.into()),
            ("name", self.name.clone().into()),
            ("age_from", self.age_from.into()),
            ("age_to", self.age_to.into()),
            ("norm_places", self.norm_places.into()),
            ("language", self.language.code().into()),
        ]
    }

    fn from_fields(id: Uuid, fields: &Fields) -> Result<Self, CoreError> {
        let r = Self::reader(fields);
        Ok(AgeGroup {
            id,
            year_id: r.parse("year_id")?,
            name: r.text("name")?,
            age_from: r.int("age_from")?,
            age_to: r.int("age_to")?,
            norm_places: r.int("norm_places")?,
            language: r.code("language", Language::from_code)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(grade: i64, letter: &str) -> Class {
        Class {
            id: Uuid::new_v4(),
            year_id: Uuid::nil(),
            grade,
            letter: letter.into(),
            language: Language::Kazakh,
        }
    }

    #[test]
    fn grades_run_from_the_preschool_class_to_eleven() {
        assert_eq!(class(0, "А").validate(&[]), Ok(()));
        assert_eq!(class(11, "Ә").validate(&[]), Ok(()));
        assert_eq!(
            class(12, "А").validate(&[]),
            Err(CoreError::GradeOutOfRange)
        );
        assert_eq!(
            class(-1, "А").validate(&[]),
            Err(CoreError::GradeOutOfRange)
        );
    }

    #[test]
    fn a_class_letter_is_one_letter_and_unique_in_its_grade() {
        assert_eq!(
            class(5, "АБ").validate(&[]),
            Err(CoreError::ClassLetterInvalid)
        );
        assert_eq!(
            class(5, "1").validate(&[]),
            Err(CoreError::ClassLetterInvalid)
        );
        assert_eq!(
            class(5, "").validate(&[]),
            Err(CoreError::ClassLetterInvalid)
        );
        let existing = [class(5, "ә")];
        assert_eq!(
            class(5, "Ә").validate(&existing),
            Err(CoreError::ClassDuplicate {
                name: "5 Ә".into()
            })
        );
        assert_eq!(class(6, "Ә").validate(&existing), Ok(()));
    }

    #[test]
    fn an_age_group_keeps_to_its_norms() {
        let mut group = AgeGroup {
            id: Uuid::nil(),
            year_id: Uuid::nil(),
            name: "Балапан".into(),
            age_from: 3,
            age_to: 4,
            norm_places: 25,
            language: Language::Kazakh,
        };
        assert_eq!(group.validate(), Ok(()));
        assert_eq!(group.free_places(22), 3);
        assert_eq!(group.free_places(27), 0);
        group.norm_places = 41;
        assert_eq!(group.validate(), Err(CoreError::GroupNormInvalid));
        group.norm_places = 20;
        group.age_to = 2;
        assert_eq!(group.validate(), Err(CoreError::GroupAgeInvalid));
        group.age_to = 4;
        group.name = " ".into();
        assert_eq!(group.validate(), Err(CoreError::GroupNameRequired));
    }
}
