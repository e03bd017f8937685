//! The school's own curriculum of a year (R27.6–R27.7): what its methodist changed in the
//! standard plan — a subject's weekly hours in a grade, its part, whether the class is taught it
//! in subgroups — and the year's split options. One record per changed cell, named by the cell,
//! so two devices changing the same cell meet in one record (a conflict, not a duplicate), and a
//! new edition of the standard plan still reaches every cell nobody changed. The teaching load
//! and the timetable read `effective`, never these records.

use sha1::{Digest, Sha1};
use uuid::Uuid;

use crate::curriculum::{Curriculum, Part, PlanSubject, SplitOptions, SplitOverride};
use crate::error::CoreError;
use crate::org::Language;
use crate::record::{Collection, DocKey, Entity, Fields, Value, decimal};
use crate::subject;

/// The most weekly hours one subject may have in a grade.
pub const MAX_SUBJECT_HOURS: f64 = 10.0;

/// A methodist's change to one subject of one grade's plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanHours {
    pub year_id: Uuid,
    /// The plan changed: the language of instruction of the classes it applies to.
    pub language: Language,
    pub grade: i64,
    pub subject: String,
    /// Lessons a week (for each subgroup when the class splits); 0 takes the subject out.
    pub hours: f64,
    pub part: Part,
    /// Taught in subgroups when the class is large enough (`Some(true)`), whole (`Some(false)`),
    /// or as the standard split rules say (`None`).
    pub split: Option<bool>,
}

/// The year's choices among the standard split rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanSettings {
    pub year_id: Uuid,
    pub split: SplitOptions,
}

impl PlanHours {
    /// The record of a cell: the same on every device, from what the cell is.
    pub fn id_of(year: Uuid, language: Language, grade: i64, subject: &str) -> Uuid {
        named(&format!(
            "plan_hours/{year}/{}/{grade}/{subject}",
            language.code()
        ))
    }

    /// The grade is one the standard plan has, the subject is in the catalogue, and the hours
    /// are whole or half lessons up to `MAX_SUBJECT_HOURS`.
    pub fn validate(&self, standard: &Curriculum) -> Result<(), CoreError> {
        let grade_known = standard
            .plan(self.language)
            .is_some_and(|plan| plan.grade(self.grade).is_some());
        if !grade_known {
            return Err(CoreError::PlanGradeUnknown { grade: self.grade });
        }
        if subject::subject(&self.subject).is_none() {
            return Err(CoreError::SubjectUnknown {
                code: self.subject.clone(),
            });
        }
        if !valid_hours(self.hours, 0.0, MAX_SUBJECT_HOURS) {
            return Err(CoreError::HoursInvalid {
                max: MAX_SUBJECT_HOURS.to_string(),
            });
        }
        Ok(())
    }
}

impl PlanSettings {
    pub fn id_of(year: Uuid) -> Uuid {
        named(&format!("plan_settings/{year}"))
    }
}

/// Hours from `min` to `max` in whole or half lessons: a lesson every other week is the finest
/// a plan or a tariff list counts.
pub fn valid_hours(hours: f64, min: f64, max: f64) -> bool {
    hours.is_finite() && (min..=max).contains(&hours) && (hours * 2.0).fract() == 0.0
}

/// An id that every device derives alike from a name (a version-5 UUID).
fn named(name: &str) -> Uuid {
    // The namespace is Dala's own, so these ids never meet another program's.
    const NAMESPACE: Uuid = Uuid::from_u128(0x0193_7da1_a000_5000_8000_0000_0000_0001);
    let mut hash = Sha1::new();
    hash.update(NAMESPACE.as_bytes());
    hash.update(name.as_bytes());
    let digest = hash.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_sha1_bytes(bytes).into_uuid()
}

/// The curriculum a year is taught by: the standard one with the school's changes laid over it.
pub fn effective(standard: &Curriculum, changes: &[PlanHours]) -> Curriculum {
    let mut curriculum = standard.clone();
    for change in changes {
        let grade = curriculum
            .plans
            .iter_mut()
            .filter(|plan| plan.language == change.language)
            .flat_map(|plan| plan.grades.iter_mut())
            .find(|grade| grade.grade == change.grade);
        // A grade the standard plan has not (any more) cannot be taught by a change alone.
        let Some(grade) = grade else { continue };
        let at = grade
            .subjects
            .iter()
            .position(|s| s.subject == change.subject);
        match (at, change.hours > 0.0) {
            (Some(i), true) => {
                grade.subjects[i].hours = change.hours;
                grade.subjects[i].part = change.part;
            }
            (Some(i), false) => {
                grade.subjects.remove(i);
            }
            (None, true) => grade.subjects.push(PlanSubject {
                subject: change.subject.clone(),
                hours: change.hours,
                part: change.part,
            }),
            (None, false) => {}
        }
        if let Some(split) = change.split {
            curriculum.splits.overrides.push(SplitOverride {
                language: change.language,
                grade: change.grade,
                subject: change.subject.clone(),
                split,
            });
        }
    }
    curriculum
}

impl Entity for PlanHours {
    const COLLECTION: Collection = Collection::PlanHours;

    fn id(&self) -> Uuid {
        PlanHours::id_of(self.year_id, self.language, self.grade, &self.subject)
    }

    fn doc(&self) -> DocKey {
        DocKey::Roster(self.year_id)
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("year_id", self.year_id.into()),
            ("language", self.language.code().into()),
            ("grade", self.grade.into()),
            ("subject", self.subject.clone().into()),
            ("hours", decimal(self.hours)),
            ("part", part_code(self.part).into()),
            ("split", self.split.map(i64::from).into()),
        ]
    }

    fn from_fields(_id: Uuid, fields: &Fields) -> Result<Self, CoreError> {
        let r = Self::reader(fields);
        Ok(PlanHours {
            year_id: r.parse("year_id")?,
            language: r.code("language", Language::from_code)?,
            grade: r.int("grade")?,
            subject: r.text("subject")?,
            hours: r.opt_decimal("hours")?.ok_or_else(|| r.invalid("hours"))?,
            part: r.code("part", part_from_code)?,
            split: r.opt_int("split")?.map(|n| n == 1),
        })
    }
}

impl Entity for PlanSettings {
    const COLLECTION: Collection = Collection::PlanSettings;

    fn id(&self) -> Uuid {
        PlanSettings::id_of(self.year_id)
    }

    fn doc(&self) -> DocKey {
        DocKey::Roster(self.year_id)
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("year_id", self.year_id.into()),
            ("small_school", i64::from(self.split.small_school).into()),
            ("local_splits", i64::from(self.split.local_splits).into()),
        ]
    }

    fn from_fields(_id: Uuid, fields: &Fields) -> Result<Self, CoreError> {
        let r = Self::reader(fields);
        Ok(PlanSettings {
            year_id: r.parse("year_id")?,
            split: SplitOptions {
                small_school: r.int("small_school")? == 1,
                local_splits: r.int("local_splits")? == 1,
            },
        })
    }
}

pub fn part_code(part: Part) -> &'static str {
    match part {
        Part::Invariant => "invariant",
        Part::Variative => "variative",
    }
}

pub fn part_from_code(code: &str) -> Option<Part> {
    match code {
        "invariant" => Some(Part::Invariant),
        "variative" => Some(Part::Variative),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curriculum::standard;

    const YEAR: Uuid = Uuid::from_u128(7);

    fn change(subject: &str, hours: f64) -> PlanHours {
        PlanHours {
            year_id: YEAR,
            language: Language::Kazakh,
            grade: 5,
            subject: subject.to_string(),
            hours,
            part: Part::Invariant,
            split: None,
        }
    }

    #[test]
    fn a_cell_has_one_id_on_every_device() {
        let a = change("mathematics", 6.0);
        let b = change("mathematics", 4.0);
        assert_eq!(a.id(), b.id());
        assert_eq!(a.id().get_version_num(), 5);
        assert_ne!(a.id(), change("english", 6.0).id());
        let russian = PlanHours {
            language: Language::Russian,
            ..a.clone()
        };
        assert_ne!(a.id(), russian.id());
        assert_ne!(
            PlanSettings::id_of(YEAR),
            PlanSettings::id_of(Uuid::from_u128(8))
        );
    }

    #[test]
    fn changes_are_laid_over_the_standard_plan() {
        let kk = Language::Kazakh;
        let standard = standard();
        assert_eq!(
            standard.plan(kk).unwrap().hours(5, "mathematics"),
            Some(5.0)
        );
        let chess = PlanHours {
            part: Part::Variative,
            ..change("self_knowledge", 1.5)
        };
        let had_self_knowledge = standard.plan(kk).unwrap().hours(5, "self_knowledge");
        let changed = effective(
            standard,
            &[change("mathematics", 6.0), change("english", 0.0), chess],
        );
        let plan = changed.plan(kk).unwrap();
        assert_eq!(plan.hours(5, "mathematics"), Some(6.0));
        assert_eq!(plan.hours(5, "english"), None, "0 hours takes it out");
        assert_eq!(plan.hours(5, "self_knowledge"), Some(1.5));
        assert!(had_self_knowledge != Some(1.5));
        // Other grades and the other language's plan keep the standard.
        assert_eq!(
            plan.hours(6, "mathematics"),
            standard.plan(kk).unwrap().hours(6, "mathematics")
        );
        assert_eq!(
            changed.plan(Language::Russian),
            standard.plan(Language::Russian)
        );
    }

    #[test]
    fn a_split_decision_reaches_the_split_rules() {
        let whole = PlanHours {
            split: Some(false),
            ..change("english", 3.0)
        };
        let changed = effective(standard(), &[whole]);
        let options = SplitOptions::default();
        assert_eq!(
            standard()
                .splits
                .groups("english", 5, Language::Kazakh, 30, options),
            2
        );
        assert_eq!(
            changed
                .splits
                .groups("english", 5, Language::Kazakh, 30, options),
            1
        );
        assert_eq!(
            changed
                .splits
                .groups("english", 6, Language::Kazakh, 30, options),
            2
        );
    }

    #[test]
    fn bad_changes_are_refused_with_their_code() {
        let standard = standard();
        assert_eq!(change("mathematics", 4.5).validate(standard), Ok(()));
        assert_eq!(change("mathematics", 0.0).validate(standard), Ok(()));
        for hours in [-1.0, 10.5, 1.25, f64::NAN, f64::INFINITY] {
            let err = change("mathematics", hours).validate(standard).unwrap_err();
            assert_eq!(err.code(), "curriculum.hours_invalid", "{hours}");
        }
        let err = change("astrology", 1.0).validate(standard).unwrap_err();
        assert_eq!(err.code(), "journal.subject_unknown");
        let err = PlanHours {
            grade: 12,
            ..change("mathematics", 1.0)
        }
        .validate(standard)
        .unwrap_err();
        assert_eq!(err.code(), "curriculum.grade_unknown");
    }

    #[test]
    fn records_round_trip_through_their_fields() {
        let hours = PlanHours {
            split: Some(true),
            part: Part::Variative,
            ..change("english", 2.5)
        };
        let fields: Fields = hours
            .fields()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(
            PlanHours::from_fields(hours.id(), &fields),
            Ok(hours.clone())
        );
        let settings = PlanSettings {
            year_id: YEAR,
            split: SplitOptions {
                small_school: true,
                local_splits: false,
            },
        };
        let fields: Fields = settings
            .fields()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(
            PlanSettings::from_fields(settings.id(), &fields),
            Ok(settings)
        );
    }
}
