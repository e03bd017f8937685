//! The curriculum (R27.6): the standard weekly plan per grade for a Kazakh- and a Russian-language
//! school, and the rules that split a class into subgroups for some subjects. Both are reference
//! data in `data/curriculum.json` with their source and confidence, because the ministry amends the
//! typical plans almost every year and a methodist must be able to correct an hour without a
//! release. Code here only reads the data; the teaching load and the timetable take a
//! `Curriculum` as an argument, so an edited copy works the same as the embedded one.

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::org::Language;

const CURRICULUM_JSON: &str = include_str!("../data/curriculum.json");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Curriculum {
    /// The legal act the plans reproduce.
    pub source: String,
    /// The first day of the school year the plans apply from.
    pub valid_from: NaiveDate,
    pub plans: Vec<Plan>,
    pub splits: SplitRules,
}

/// The weekly plan of one language of instruction, grade by grade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    #[serde(with = "language_code")]
    pub language: Language,
    pub name: String,
    pub source: String,
    /// How sure the figures are, as DOMAIN.md grades it ([H], [M], [L]).
    pub confidence: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub grades: Vec<GradePlan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradePlan {
    pub grade: i64,
    /// The most lessons a week the plan allows this grade; the timetable keeps to it.
    pub max_weekly_hours: f64,
    pub subjects: Vec<PlanSubject>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanSubject {
    /// A code of the subject catalogue (`subject.rs`).
    pub subject: String,
    /// Lessons a week for the whole class, or for each subgroup when the class splits.
    pub hours: f64,
    pub part: Part,
}

/// The invariant part is the same in every school; the variative part is the school's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Invariant,
    Variative,
}

/// When a class is taught a subject in subgroups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SplitRules {
    pub source: String,
    pub confidence: String,
    /// How many subgroups a split class makes.
    pub groups: u32,
    /// A class of at least this many pupils splits.
    pub min_pupils: u32,
    /// The same for a small (ungraded, малокомплектная) school.
    pub min_pupils_small_school: u32,
    pub rules: Vec<SplitRule>,
    /// A school's own decisions for one grade's subject, over the rules (`school_plan`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<SplitOverride>,
}

/// Whether a class of one language and grade is taught a subject in subgroups, as a school
/// decided; the class-size threshold still applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SplitOverride {
    #[serde(with = "language_code")]
    pub language: Language,
    pub grade: i64,
    pub subject: String,
    pub split: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SplitRule {
    pub subject: String,
    /// The lowest grade that splits: informatics never splits in grade 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_grade: Option<i64>,
    /// Classes taught in this language keep the subject whole: Kazakh splits in non-Kazakh classes.
    #[serde(
        default,
        with = "optional_language_code",
        skip_serializing_if = "Option::is_none"
    )]
    pub except_class_language: Option<Language>,
    /// Splits only where the local authority decided so (Russian in non-Russian classes).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub local_decision: bool,
}

/// A school's own choices among the split rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SplitOptions {
    /// A small ungraded school: the lower class-size threshold applies.
    pub small_school: bool,
    /// The local authority decided to split the subjects marked `local_decision`.
    pub local_splits: bool,
}

/// The embedded standard curriculum.
pub fn standard() -> &'static Curriculum {
    static CURRICULUM: OnceLock<Curriculum> = OnceLock::new();
    CURRICULUM.get_or_init(|| {
        serde_json::from_str(CURRICULUM_JSON)
            .expect("data/curriculum.json is compiled in and checked by its tests")
    })
}

/// The standard plan for a school teaching in `language`.
pub fn standard_plan(language: Language) -> &'static Plan {
    standard()
        .plan(language)
        .expect("data/curriculum.json has a plan for each language, checked by its tests")
}

/// Whether a class is taught `subject` in subgroups.
pub fn splits(
    subject: &str,
    grade: i64,
    class_language: Language,
    pupils: u32,
    rules: &SplitRules,
    options: SplitOptions,
) -> bool {
    rules.groups(subject, grade, class_language, pupils, options) > 1
}

impl Curriculum {
    pub fn plan(&self, language: Language) -> Option<&Plan> {
        self.plans.iter().find(|plan| plan.language == language)
    }
}

impl Plan {
    pub fn grade(&self, grade: i64) -> Option<&GradePlan> {
        self.grades.iter().find(|g| g.grade == grade)
    }

    /// The subjects of a grade in the plan's order; none for a grade the plan does not cover.
    pub fn subjects(&self, grade: i64) -> &[PlanSubject] {
        self.grade(grade).map_or(&[], |g| g.subjects.as_slice())
    }

    /// Weekly hours of a subject in a grade; `None` when the plan does not teach it there.
    pub fn hours(&self, grade: i64, subject: &str) -> Option<f64> {
        self.subjects(grade)
            .iter()
            .find(|s| s.subject == subject)
            .map(|s| s.hours)
    }

    /// The class's weekly lessons by the plan, counting a subject once even when it splits.
    pub fn weekly_hours(&self, grade: i64) -> f64 {
        self.subjects(grade).iter().map(|s| s.hours).sum()
    }
}

impl SplitRules {
    /// In how many groups a class is taught `subject`: 1, or `groups` when a rule splits it.
    pub fn groups(
        &self,
        subject: &str,
        grade: i64,
        class_language: Language,
        pupils: u32,
        options: SplitOptions,
    ) -> u32 {
        let threshold = if options.small_school {
            self.min_pupils_small_school
        } else {
            self.min_pupils
        };
        let by_rules = || {
            self.rules.iter().any(|rule| {
                rule.subject == subject
                    && rule.from_grade.is_none_or(|from| grade >= from)
                    && rule.except_class_language != Some(class_language)
                    && (!rule.local_decision || options.local_splits)
            })
        };
        let decided = self
            .overrides
            .iter()
            .find(|o| o.subject == subject && o.grade == grade && o.language == class_language);
        let split = pupils >= threshold && decided.map_or_else(by_rules, |o| o.split);
        if split { self.groups.max(1) } else { 1 }
    }
}

/// `Language` as its code (`kk`, `ru`) in the data files.
mod language_code {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::org::Language;

    pub fn serialize<S: Serializer>(language: &Language, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(language.code())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Language, D::Error> {
        let code = String::deserialize(d)?;
        Language::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown language {code}")))
    }
}

mod optional_language_code {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::org::Language;

    pub fn serialize<S: Serializer>(language: &Option<Language>, s: S) -> Result<S::Ok, S::Error> {
        match language {
            Some(language) => s.serialize_some(language.code()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Language>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|code| {
                Language::from_code(&code)
                    .ok_or_else(|| serde::de::Error::custom(format!("unknown language {code}")))
            })
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::subject;

    const KK: Language = Language::Kazakh;
    const RU: Language = Language::Russian;

    fn rules() -> &'static SplitRules {
        &standard().splits
    }

    fn groups(subject: &str, grade: i64, language: Language, pupils: u32) -> u32 {
        rules().groups(subject, grade, language, pupils, SplitOptions::default())
    }

    #[test]
    fn embedded_curriculum_parses_and_is_sound() {
        let curriculum: Curriculum =
            serde_json::from_str(CURRICULUM_JSON).expect("the JSON parses");
        assert!(curriculum.source.contains("№ 500"), "names the order");
        assert_eq!(curriculum.plans.len(), 2);
        for language in [KK, RU] {
            let plan = curriculum.plan(language).expect("a plan per language");
            assert!(plan.source.contains("№ 500"), "{}: source", plan.name);
            assert!(
                plan.confidence.starts_with('['),
                "{}: confidence",
                plan.name
            );
            let grades: Vec<i64> = plan.grades.iter().map(|g| g.grade).collect();
            assert_eq!(grades, (1..=11).collect::<Vec<_>>(), "{}", plan.name);
            for grade in &plan.grades {
                let at = format!("{} grade {}", plan.name, grade.grade);
                assert!(!grade.subjects.is_empty(), "{at}");
                for (i, s) in grade.subjects.iter().enumerate() {
                    assert!(
                        subject::subject(&s.subject).is_some(),
                        "{at}: unknown subject {}",
                        s.subject
                    );
                    assert!(s.hours > 0.0 && s.hours <= 10.0, "{at}: {}", s.subject);
                    assert!(
                        grade.subjects[i + 1..]
                            .iter()
                            .all(|o| o.subject != s.subject),
                        "{at}: {} twice",
                        s.subject
                    );
                }
                let total = plan.weekly_hours(grade.grade);
                assert!(
                    total <= grade.max_weekly_hours && grade.max_weekly_hours <= 40.0,
                    "{at}: {total} within {}",
                    grade.max_weekly_hours
                );
            }
        }
        // Each plan teaches the other state language, never its own language as the second one.
        assert!(
            curriculum
                .plan(KK)
                .unwrap()
                .hours(5, "kazakh_language_literature")
                .is_none()
        );
        assert!(
            curriculum
                .plan(RU)
                .unwrap()
                .hours(5, "russian_language_literature")
                .is_none()
        );

        let splits = &curriculum.splits;
        assert!(splits.source.contains("№ 348") && splits.source.contains("№ 595"));
        assert_eq!(
            (
                splits.groups,
                splits.min_pupils,
                splits.min_pupils_small_school
            ),
            (2, 24, 16)
        );
        for rule in &splits.rules {
            assert!(
                subject::subject(&rule.subject).is_some(),
                "split rule for unknown subject {}",
                rule.subject
            );
        }
        assert_eq!(&curriculum, standard());
    }

    #[test]
    fn curriculum_round_trips_through_json() {
        let json = serde_json::to_string(standard()).unwrap();
        assert_eq!(
            &serde_json::from_str::<Curriculum>(&json).unwrap(),
            standard()
        );
    }

    #[test]
    fn unknown_fields_and_languages_are_refused() {
        let typo = CURRICULUM_JSON.replacen("\"max_weekly_hours\"", "\"max_weekly_hour\"", 1);
        assert!(serde_json::from_str::<Curriculum>(&typo).is_err());
        let language = CURRICULUM_JSON.replacen("\"language\": \"kk\"", "\"language\": \"uz\"", 1);
        assert!(serde_json::from_str::<Curriculum>(&language).is_err());
    }

    #[test]
    fn plan_answers_hours_and_subjects_by_grade() {
        let kk = standard_plan(KK);
        let ru = standard_plan(RU);
        assert_eq!(kk.language, KK);
        assert_eq!(ru.language, RU);
        assert_eq!(kk.hours(5, "mathematics"), Some(5.0));
        assert_eq!(kk.hours(7, "mathematics"), None);
        assert_eq!(kk.hours(7, "algebra"), Some(3.0));
        assert_eq!(ru.hours(1, "kazakh_language"), Some(2.0));
        // The foreign language starts in grade 3 since 2024.
        assert_eq!(ru.hours(2, "english"), None);
        assert_eq!(ru.hours(3, "english"), Some(3.0));
        assert!(kk.subjects(0).is_empty() && kk.subjects(12).is_empty());
        assert_eq!(kk.weekly_hours(0), 0.0);
        assert!(kk.subjects(10).iter().any(|s| s.part == Part::Variative));
        assert!(
            kk.subjects(5)
                .iter()
                .filter(|s| s.part == Part::Invariant)
                .count()
                > 10
        );
    }

    #[test]
    fn a_class_splits_from_24_pupils() {
        assert_eq!(groups("english", 5, KK, 23), 1);
        assert_eq!(groups("english", 5, KK, 24), 2);
        assert_eq!(groups("english", 5, KK, 0), 1);
        assert!(!splits(
            "informatics",
            7,
            RU,
            23,
            rules(),
            SplitOptions::default()
        ));
        assert!(splits(
            "informatics",
            7,
            RU,
            24,
            rules(),
            SplitOptions::default()
        ));
        // Subjects without a rule never split.
        assert_eq!(groups("mathematics", 5, KK, 35), 1);
    }

    #[test]
    fn a_small_school_splits_from_16_pupils() {
        let small = SplitOptions {
            small_school: true,
            ..SplitOptions::default()
        };
        assert_eq!(rules().groups("english", 5, KK, 15, small), 1);
        assert_eq!(rules().groups("english", 5, KK, 16, small), 2);
        assert_eq!(groups("english", 5, KK, 16), 1);
    }

    #[test]
    fn grade_one_informatics_never_splits() {
        for pupils in [24, 30, 40] {
            assert_eq!(groups("digital_literacy", 1, KK, pupils), 1);
            assert_eq!(groups("informatics", 1, RU, pupils), 1);
        }
        assert_eq!(groups("digital_literacy", 2, KK, 24), 2);
        // Art-work splits in basic secondary school, not in the primary grades.
        assert_eq!(groups("art_work", 4, KK, 30), 1);
        assert_eq!(groups("art_work", 5, KK, 24), 2);
    }

    #[test]
    fn the_state_languages_split_only_in_the_other_language_classes() {
        assert_eq!(groups("kazakh_language", 3, KK, 30), 1);
        assert_eq!(groups("kazakh_language", 3, RU, 24), 2);
        assert_eq!(groups("kazakh_language_literature", 8, RU, 24), 2);
        // Russian in a Kazakh class splits only by local decision.
        assert_eq!(groups("russian_language_literature", 8, KK, 30), 1);
        let local = SplitOptions {
            local_splits: true,
            ..SplitOptions::default()
        };
        assert_eq!(
            rules().groups("russian_language_literature", 8, KK, 30, local),
            2
        );
        assert_eq!(rules().groups("russian_language", 8, RU, 30, local), 1);
    }

    #[test]
    fn a_school_decision_overrides_the_rules_but_not_the_class_size() {
        let mut rules = rules().clone();
        let decide = |subject: &str, split| SplitOverride {
            language: KK,
            grade: 5,
            subject: subject.to_string(),
            split,
        };
        rules.overrides = vec![decide("english", false), decide("physical_education", true)];
        let options = SplitOptions::default();
        assert_eq!(rules.groups("english", 5, KK, 30, options), 1);
        assert_eq!(rules.groups("english", 6, KK, 30, options), 2);
        assert_eq!(rules.groups("english", 5, RU, 30, options), 2);
        assert_eq!(rules.groups("physical_education", 5, KK, 30, options), 2);
        assert_eq!(rules.groups("physical_education", 5, KK, 23, options), 1);
    }
}
