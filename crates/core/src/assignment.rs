//! Who teaches what: a teacher assigned to a class (or one of its subgroups) and subject, or an
//! educator to a kindergarten age group. The journal's rules ask it whether a teacher may mark a
//! class; the teaching load counts its hours and the timetable places its lessons.

use uuid::Uuid;

use crate::error::CoreError;
use crate::person::{Person, PersonKind};
use crate::record::{Collection, DocKey, Entity, Fields, Value, decimal};
use crate::school_plan::{MAX_SUBJECT_HOURS, valid_hours};
use crate::subject;

#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub id: Uuid,
    pub year_id: Uuid,
    /// A class or an age group of the same year.
    pub group_id: Uuid,
    /// A subject code for a class; none for an age group's educator.
    pub subject: Option<String>,
    /// The staff member.
    pub teacher_id: Uuid,
    /// The subgroup (1, 2) of a class split for the subject; none is the whole class, which for
    /// a split subject means every subgroup.
    pub subgroup: Option<u32>,
    /// Weekly hours for each group taught, when they differ from the curriculum's.
    pub hours: Option<f64>,
}

impl Assignment {
    /// A class splits into `groups` subgroups at most.
    pub fn validate(
        &self,
        teacher: &Person,
        same_group: &[Assignment],
        groups: u32,
    ) -> Result<(), CoreError> {
        if teacher.kind != PersonKind::Staff {
            return Err(CoreError::AssignmentTeacherInvalid);
        }
        if let Some(code) = &self.subject
            && subject::subject(code).is_none()
        {
            return Err(CoreError::SubjectUnknown { code: code.clone() });
        }
        if self
            .subgroup
            .is_some_and(|g| self.subject.is_none() || !(1..=groups).contains(&g))
        {
            return Err(CoreError::SubgroupInvalid);
        }
        if self
            .hours
            .is_some_and(|h| !valid_hours(h, 0.5, MAX_SUBJECT_HOURS))
        {
            return Err(CoreError::HoursInvalid {
                max: MAX_SUBJECT_HOURS.to_string(),
            });
        }
        let duplicate = same_group.iter().any(|a| {
            a.id != self.id
                && a.teacher_id == self.teacher_id
                && a.subject == self.subject
                && a.subgroup == self.subgroup
        });
        if duplicate {
            return Err(CoreError::AssignmentDuplicate);
        }
        Ok(())
    }

    /// The assignment as the teaching load and the timetable count it; none for an educator.
    pub fn load(&self) -> Option<crate::load::LoadAssignment> {
        Some(crate::load::LoadAssignment {
            teacher_id: self.teacher_id,
            class_id: self.group_id,
            subject: self.subject.clone()?,
            group: self.subgroup,
            hours: self.hours,
        })
    }

    /// Whether this assignment lets its teacher keep the group's journal for the subject.
    pub fn covers(&self, teacher: Uuid, group: Uuid, subject: Option<&str>) -> bool {
        self.teacher_id == teacher && self.group_id == group && self.subject.as_deref() == subject
    }
}

impl Entity for Assignment {
    const COLLECTION: Collection = Collection::Assignments;

    fn id(&self) -> Uuid {
        self.id
    }

    fn doc(&self) -> DocKey {
        DocKey::Roster(self.year_id)
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("year_id", self.year_id.into()),
            ("group_id", self.group_id.into()),
            ("subject", self.subject.clone().into()),
            ("teacher_id", self.teacher_id.into()),
            ("subgroup", self.subgroup.map(i64::from).into()),
            ("hours", self.hours.map_or(Value::Null, decimal)),
        ]
    }

    fn from_fields(id: Uuid, fields: &Fields) -> Result<Self, CoreError> {
        let r = Self::reader(fields);
        Ok(Assignment {
            id,
            year_id: r.parse("year_id")?,
            group_id: r.parse("group_id")?,
            subject: r.opt_text("subject")?,
            teacher_id: r.parse("teacher_id")?,
            subgroup: r
                .opt_int("subgroup")?
                .map(|g| u32::try_from(g).map_err(|_| r.invalid("subgroup")))
                .transpose()?,
            hours: r.opt_decimal("hours")?,
        })
    }
}

/// A parent's (or guardian's) link to a child, so a parent's account sees that child only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guardianship {
    pub id: Uuid,
    pub parent_id: Uuid,
    pub child_id: Uuid,
}

impl Guardianship {
    pub fn validate(&self, parent: &Person, child: &Person) -> Result<(), CoreError> {
        let pupil = matches!(child.kind, PersonKind::Student | PersonKind::Child);
        if parent.kind != PersonKind::Parent || !pupil {
            return Err(CoreError::GuardianInvalid);
        }
        Ok(())
    }
}

impl Entity for Guardianship {
    const COLLECTION: Collection = Collection::Guardianships;

    fn id(&self) -> Uuid {
        self.id
    }

    fn doc(&self) -> DocKey {
        DocKey::People
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("parent_id", self.parent_id.into()),
            ("child_id", self.child_id.into()),
        ]
    }

    fn from_fields(id: Uuid, fields: &Fields) -> Result<Self, CoreError> {
        let r = Self::reader(fields);
        Ok(Guardianship {
            id,
            parent_id: r.parse("parent_id")?,
            child_id: r.parse("child_id")?,
        })
    }
}

/// A teacher's extra duty of the year: class supervision, checking notebooks, a classroom. The
/// duties and their pay are the load norms' (`load::standard_norms().duties`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeacherDuty {
    pub id: Uuid,
    pub year_id: Uuid,
    pub teacher_id: Uuid,
    /// A code of the norms' duties.
    pub duty: String,
    /// The class, for a duty that is per class.
    pub class_id: Option<Uuid>,
}

impl TeacherDuty {
    /// The duty is in the norms, and has a class exactly when it is one per class.
    pub fn validate(
        &self,
        teacher: &Person,
        norms: &crate::load::LoadNorms,
    ) -> Result<(), CoreError> {
        if teacher.kind != PersonKind::Staff {
            return Err(CoreError::AssignmentTeacherInvalid);
        }
        let known = norms.duty(&self.duty);
        if known.is_none_or(|d| d.per_class != self.class_id.is_some()) {
            return Err(CoreError::DutyUnknown {
                code: self.duty.clone(),
            });
        }
        Ok(())
    }

    pub fn load(&self) -> crate::load::DutyAssignment {
        crate::load::DutyAssignment {
            teacher_id: self.teacher_id,
            duty: self.duty.clone(),
            class_id: self.class_id,
        }
    }
}

impl Entity for TeacherDuty {
    const COLLECTION: Collection = Collection::Duties;

    fn id(&self) -> Uuid {
        self.id
    }

    fn doc(&self) -> DocKey {
        DocKey::Roster(self.year_id)
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("year_id", self.year_id.into()),
            ("teacher_id", self.teacher_id.into()),
            ("duty", self.duty.clone().into()),
            ("class_id", self.class_id.into()),
        ]
    }

    fn from_fields(id: Uuid, fields: &Fields) -> Result<Self, CoreError> {
        let r = Self::reader(fields);
        Ok(TeacherDuty {
            id,
            year_id: r.parse("year_id")?,
            teacher_id: r.parse("teacher_id")?,
            duty: r.text("duty")?,
            class_id: r.opt_parse("class_id")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::iin::Sex;

    fn teacher() -> Person {
        Person {
            id: Uuid::from_u128(1),
            kind: PersonKind::Staff,
            last_name: "Серікова".into(),
            first_name: "Әлия".into(),
            patronymic: None,
            iin: None,
            birth_date: NaiveDate::from_ymd_opt(1985, 3, 1).unwrap(),
            sex: Sex::Female,
            position: Some("teacher".into()),
            subject: Some("english".into()),
        }
    }

    fn english(subgroup: Option<u32>, hours: Option<f64>) -> Assignment {
        Assignment {
            id: Uuid::now_v7(),
            year_id: Uuid::from_u128(2),
            group_id: Uuid::from_u128(3),
            subject: Some("english".into()),
            teacher_id: Uuid::from_u128(1),
            subgroup,
            hours,
        }
    }

    fn code(a: &Assignment, others: &[Assignment]) -> Option<&'static str> {
        a.validate(&teacher(), others, 2).err().map(|e| e.code())
    }

    #[test]
    fn a_subgroup_is_one_of_the_class_s_and_hours_are_whole_or_half() {
        assert_eq!(code(&english(Some(1), Some(1.5)), &[]), None);
        assert_eq!(code(&english(Some(2), None), &[]), None);
        for bad in [Some(0), Some(3)] {
            assert_eq!(
                code(&english(bad, None), &[]),
                Some("assignment.subgroup_invalid")
            );
        }
        for bad in [0.0, 0.25, -1.0, 10.5, f64::NAN] {
            assert_eq!(
                code(&english(None, Some(bad)), &[]),
                Some("curriculum.hours_invalid"),
                "{bad}"
            );
        }
        let educator = Assignment {
            subject: None,
            ..english(Some(1), None)
        };
        assert_eq!(code(&educator, &[]), Some("assignment.subgroup_invalid"));
    }

    #[test]
    fn one_teacher_may_teach_both_subgroups_but_not_one_twice() {
        let first = [english(Some(1), None)];
        assert_eq!(code(&english(Some(2), None), &first), None);
        assert_eq!(
            code(&english(Some(1), None), &first),
            Some("assignment.duplicate")
        );
        // Changing the assignment itself is not a duplicate of it.
        assert_eq!(code(&first[0], &first), None);
    }
}
