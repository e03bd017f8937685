//! A pupil's place in a class or a child's in an age group, from a date and, when they leave, to
//! one. A pupil is in at most one group on any day; the dates lie inside the group's year.

use chrono::NaiveDate;
use uuid::Uuid;

use crate::error::CoreError;
use crate::person::{Person, PersonKind};
use crate::record::{Collection, DocKey, Entity, Fields, Value};
use crate::year::AcademicYear;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolment {
    pub id: Uuid,
    pub year_id: Uuid,
    pub person_id: Uuid,
    /// A class or an age group of the same year.
    pub group_id: Uuid,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

/// Whether the enrolled group is a school class or a kindergarten age group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    Class,
    AgeGroup,
}

impl Enrolment {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from <= date && self.to.is_none_or(|to| date <= to)
    }

    fn overlaps(&self, other: &Enrolment) -> bool {
        let ends = |e: &Enrolment| e.to.unwrap_or(NaiveDate::MAX);
        self.from <= ends(other) && other.from <= ends(self)
    }

    pub fn validate(
        &self,
        person: &Person,
        group: GroupKind,
        year: &AcademicYear,
        existing: &[Enrolment],
    ) -> Result<(), CoreError> {
        let fits = matches!(
            (person.kind, group),
            (PersonKind::Student, GroupKind::Class) | (PersonKind::Child, GroupKind::AgeGroup)
        );
        if !fits {
            return Err(CoreError::EnrolmentWrongPerson);
        }
        let ends_inside = self
            .to
            .is_none_or(|to| to >= self.from && year.contains(to));
        if !year.contains(self.from) || !ends_inside {
            return Err(CoreError::EnrolmentOutsideYear);
        }
        if existing
            .iter()
            .any(|e| e.id != self.id && e.person_id == self.person_id && e.overlaps(self))
        {
            return Err(CoreError::EnrolmentOverlap);
        }
        Ok(())
    }
}

impl Entity for Enrolment {
    const COLLECTION: Collection = Collection::Enrolments;

    fn id(&self) -> Uuid {
        self.id
    }

    fn doc(&self) -> DocKey {
        DocKey::Roster(self.year_id)
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("year_id", self.year_id.into()),
            ("person_id", self.person_id.into()),
            ("group_id", self.group_id.into()),
            ("from_date", self.from.into()),
            ("to_date", self.to.into()),
        ]
    }

    fn from_fields(id: Uuid, fields: &Fields) -> Result<Self, CoreError> {
        let r = Self::reader(fields);
        Ok(Enrolment {
            id,
            year_id: r.parse("year_id")?,
            person_id: r.parse("person_id")?,
            group_id: r.parse("group_id")?,
            from: r.parse("from_date")?,
            to: r.opt_parse("to_date")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::iin::Sex;
    use crate::year::standard_school_year;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn person(kind: PersonKind) -> Person {
        Person {
            id: Uuid::from_u128(7),
            kind,
            last_name: "Иванов".into(),
            first_name: "Павел".into(),
            patronymic: None,
            iin: None,
            birth_date: d(2015, 4, 2),
            sex: Sex::Male,
            position: None,
            subject: None,
        }
    }

    fn enrolment(from: NaiveDate, to: Option<NaiveDate>) -> Enrolment {
        Enrolment {
            id: Uuid::new_v4(),
            year_id: Uuid::nil(),
            person_id: Uuid::from_u128(7),
            group_id: Uuid::from_u128(9),
            from,
            to,
        }
    }

    #[test]
    fn only_students_join_classes_and_only_children_join_groups() {
        let (year, _) = standard_school_year(2026, Uuid::new_v4);
        let e = enrolment(d(2026, 9, 1), None);
        assert_eq!(
            e.validate(&person(PersonKind::Student), GroupKind::Class, &year, &[]),
            Ok(())
        );
        for (kind, group) in [
            (PersonKind::Staff, GroupKind::Class),
            (PersonKind::Child, GroupKind::Class),
            (PersonKind::Student, GroupKind::AgeGroup),
        ] {
            assert_eq!(
                e.validate(&person(kind), group, &year, &[]),
                Err(CoreError::EnrolmentWrongPerson)
            );
        }
    }

    #[test]
    fn dates_lie_inside_the_year_and_never_overlap() {
        let (year, _) = standard_school_year(2026, Uuid::new_v4);
        let p = person(PersonKind::Student);
        let outside = enrolment(d(2026, 8, 20), None);
        assert_eq!(
            outside.validate(&p, GroupKind::Class, &year, &[]),
            Err(CoreError::EnrolmentOutsideYear)
        );
        let backwards = enrolment(d(2026, 10, 1), Some(d(2026, 9, 30)));
        assert_eq!(
            backwards.validate(&p, GroupKind::Class, &year, &[]),
            Err(CoreError::EnrolmentOutsideYear)
        );
        let first = enrolment(d(2026, 9, 1), Some(d(2026, 12, 31)));
        let second = enrolment(d(2026, 12, 31), None);
        assert_eq!(
            second.validate(&p, GroupKind::Class, &year, std::slice::from_ref(&first)),
            Err(CoreError::EnrolmentOverlap)
        );
        let after = enrolment(d(2027, 1, 1), None);
        assert_eq!(
            after.validate(&p, GroupKind::Class, &year, &[first]),
            Ok(())
        );
        assert!(after.covers(d(2027, 5, 1)) && !after.covers(d(2026, 12, 31)));
    }
}
