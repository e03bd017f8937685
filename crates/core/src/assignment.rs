//! Who teaches what: a teacher assigned to a class and subject, or an educator to a kindergarten
//! age group. The journal's rules ask it whether a teacher may mark a class; the teaching-load
//! calculation will count its hours.

use uuid::Uuid;

use crate::error::CoreError;
use crate::person::{Person, PersonKind};
use crate::record::{Collection, DocKey, Entity, Fields, Value};
use crate::subject;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub id: Uuid,
    pub year_id: Uuid,
    /// A class or an age group of the same year.
    pub group_id: Uuid,
    /// A subject code for a class; none for an age group's educator.
    pub subject: Option<String>,
    /// The staff member.
    pub teacher_id: Uuid,
}

impl Assignment {
    pub fn validate(&self, teacher: &Person, same_group: &[Assignment]) -> Result<(), CoreError> {
        if teacher.kind != PersonKind::Staff {
            return Err(CoreError::AssignmentTeacherInvalid);
        }
        if let Some(code) = &self.subject
            && subject::subject(code).is_none()
        {
            return Err(CoreError::SubjectUnknown { code: code.clone() });
        }
        let duplicate = same_group.iter().any(|a| {
            a.id != self.id && a.teacher_id == self.teacher_id && a.subject == self.subject
        });
        if duplicate {
            return Err(CoreError::AssignmentDuplicate);
        }
        Ok(())
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
