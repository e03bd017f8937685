//! The teaching load (тарификация, R27.13, R34.12): from a year's classes, the curriculum and who
//! teaches what, each teacher's weekly and yearly hours, the rates they make by the weekly norm
//! per rate, the extra duties they hold, and the hours of the curriculum no one teaches. The norms
//! are reference data in `data/load_norms.json` with their source and confidence; nothing here
//! reads a store or a clock, so the deputy's what-if edits and the exported tariff list are the
//! same calculation.
//!
//! A subject that splits the class is taught, and counted, once per subgroup: an English teacher
//! of both halves of a class of 25 teaches its three weekly hours twice.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::curriculum::{Curriculum, SplitOptions};
use crate::org::Language;

const NORMS_JSON: &str = include_str!("../data/load_norms.json");

/// Hours are sums of halves and wholes; anything closer than this to the plan is the plan.
const HOURS_EPSILON: f64 = 1e-9;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadNorms {
    pub source: String,
    pub valid_from: NaiveDate,
    pub hours_per_rate: HoursPerRate,
    pub weeks_per_year: WeeksPerYear,
    pub duties: Vec<Duty>,
    pub categories: Categories,
    pub warnings: Thresholds,
}

/// Teaching hours a week that make one rate (ставка).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HoursPerRate {
    pub school: f64,
    pub college: f64,
    pub additional_education: f64,
    pub source: String,
    pub confidence: String,
}

/// Teaching weeks in a school year, by grade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeeksPerYear {
    pub default: f64,
    #[serde(default)]
    pub by_grade: Vec<GradeWeeks>,
    pub source: String,
    pub confidence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeWeeks {
    pub grade: i64,
    pub weeks: f64,
}

/// An extra duty a teacher may hold, paid as a share of the base salary or counted as hours.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    pub code: String,
    pub name: Names,
    /// Held for a class (class supervision) rather than for the school (a cabinet).
    pub per_class: bool,
    /// The supplement by the class's grade; an entry without grades applies to every grade.
    #[serde(default)]
    pub pay: Vec<DutyPay>,
    /// Hours a week the duty counts as, for duties paid by the hour. Not teaching hours: they
    /// do not add to the rates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<f64>,
    /// A reduced supplement for a small class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_class: Option<SmallClass>,
    pub source: String,
    pub confidence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DutyPay {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_grade: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_grade: Option<i64>,
    /// Percent of the base salary (БДО).
    pub percent_of_base: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmallClass {
    /// A class with fewer pupils than this gets `share` of the supplement.
    pub below_pupils: u32,
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    pub kk: String,
    pub ru: String,
    pub en: String,
}

impl Names {
    /// The name in a language given by its code (`kk`, `ru`, `en`); Kazakh otherwise.
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "ru" => &self.ru,
            "en" => &self.en,
            _ => &self.kk,
        }
    }
}

/// Supplements for a teacher's qualification category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Categories {
    pub levels: Vec<Category>,
    pub source: String,
    pub confidence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub code: String,
    pub name: Names,
    /// Percent of the base salary.
    pub supplement_percent: f64,
}

/// When the report warns about a teacher's rates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// Fewer rates than this is an under-load.
    pub under_rates: f64,
    /// More rates than this is an over-load.
    pub over_rates: f64,
    pub source: String,
    pub confidence: String,
}

/// Which weekly norm per rate applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Institution {
    #[default]
    School,
    College,
    AdditionalEducation,
}

/// The embedded norms.
pub fn standard_norms() -> &'static LoadNorms {
    static NORMS: OnceLock<LoadNorms> = OnceLock::new();
    NORMS.get_or_init(|| {
        serde_json::from_str(NORMS_JSON)
            .expect("data/load_norms.json is compiled in and checked by its tests")
    })
}

impl LoadNorms {
    pub fn hours_per_rate(&self, institution: Institution) -> f64 {
        match institution {
            Institution::School => self.hours_per_rate.school,
            Institution::College => self.hours_per_rate.college,
            Institution::AdditionalEducation => self.hours_per_rate.additional_education,
        }
    }

    pub fn weeks(&self, grade: i64) -> f64 {
        self.weeks_per_year
            .by_grade
            .iter()
            .find(|g| g.grade == grade)
            .map_or(self.weeks_per_year.default, |g| g.weeks)
    }

    pub fn duty(&self, code: &str) -> Option<&Duty> {
        self.duties.iter().find(|d| d.code == code)
    }

    pub fn category(&self, code: &str) -> Option<&Category> {
        self.categories.levels.iter().find(|c| c.code == code)
    }
}

impl Duty {
    /// The supplement in percent of the base salary for a class of `grade` with `pupils`, or for
    /// the school when there is no class.
    pub fn pay_percent(&self, class: Option<(i64, u32)>) -> Option<f64> {
        let grade = class.map(|(grade, _)| grade);
        let entry = self.pay.iter().find(|p| {
            let from = p
                .from_grade
                .is_none_or(|from| grade.is_some_and(|g| g >= from));
            let to = p.to_grade.is_none_or(|to| grade.is_some_and(|g| g <= to));
            from && to
        })?;
        let share = match (&self.small_class, class) {
            (Some(small), Some((_, pupils))) if pupils < small.below_pupils => small.share,
            _ => 1.0,
        };
        Some(entry.percent_of_base * share)
    }
}

/// A class as the load sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadClass {
    pub class_id: Uuid,
    pub grade: i64,
    pub language: Language,
    pub pupils: u32,
}

/// A teacher teaching a subject to a class, or to one of its subgroups.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadAssignment {
    pub teacher_id: Uuid,
    pub class_id: Uuid,
    pub subject: String,
    /// The subgroup (1, 2) of a split class; `None` is the whole class, which for a split subject
    /// means every subgroup, each taught separately.
    pub group: Option<u32>,
    /// Weekly hours for each group taught; the plan's hours when `None`.
    pub hours: Option<f64>,
}

/// A teacher holding an extra duty, for a class or for the school.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutyAssignment {
    pub teacher_id: Uuid,
    /// A code of the norms' duties.
    pub duty: String,
    pub class_id: Option<Uuid>,
}

/// Everything the tariff list of a year is calculated from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LoadPlan {
    pub institution: Institution,
    pub split: SplitOptions,
    pub classes: Vec<LoadClass>,
    pub assignments: Vec<LoadAssignment>,
    pub duties: Vec<DutyAssignment>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoadReport {
    /// In the order the teachers first appear in the assignments, then in the duties.
    pub teachers: Vec<TeacherLoad>,
    pub norm_hours_per_rate: f64,
    /// The curriculum's hours no one teaches, per class, subject and subgroup.
    pub uncovered: Vec<Uncovered>,
    /// Their sum, a subgroup's hours counted for each subgroup.
    pub uncovered_hours: f64,
    /// Input the calculation could not use as given, so the deputy can fix it.
    pub problems: Vec<LoadProblem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeacherLoad {
    pub teacher_id: Uuid,
    pub weekly_hours: f64,
    pub yearly_hours: f64,
    /// Weekly hours / the norm per rate, to 2 decimals.
    pub rates: f64,
    pub duties: Vec<DutyLine>,
    pub warnings: Vec<LoadWarning>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DutyLine {
    pub duty: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class_id: Option<Uuid>,
    /// Percent of the base salary, after any small-class reduction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_percent: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LoadWarning {
    Overload { rates: f64, limit: f64 },
    Underload { rates: f64, limit: f64 },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Uncovered {
    pub class_id: Uuid,
    pub subject: String,
    /// The subgroup, or `None` for the whole class.
    pub group: Option<u32>,
    pub hours: f64,
}

/// Indexes point into `LoadPlan::assignments` or `LoadPlan::duties`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LoadProblem {
    /// The assignment names a class that is not in the plan's classes; it is not counted.
    UnknownClass { assignment: usize },
    /// The grade's plan has no hours for the subject and the assignment gives none; counted as 0.
    NoPlanHours { assignment: usize },
    /// A subgroup of a class that is taught the subject whole; counted as the whole class.
    NotSplit { assignment: usize },
    /// A subgroup number beyond the class's subgroups; counted for the teacher, covers nothing.
    GroupOutOfRange { assignment: usize, groups: u32 },
    /// The duty's code is not in the norms, or its class is unknown; listed without pay.
    UnknownDuty { duty: usize },
    /// More hours assigned to a class's subject (or subgroup) than the plan has.
    OverAssigned {
        class_id: Uuid,
        subject: String,
        group: Option<u32>,
        planned: f64,
        assigned: f64,
    },
}

impl LoadPlan {
    pub fn report(&self, curriculum: &Curriculum, norms: &LoadNorms) -> LoadReport {
        let classes: HashMap<Uuid, &LoadClass> =
            self.classes.iter().map(|c| (c.class_id, c)).collect();
        let mut teachers = Teachers::default();
        let mut problems = Vec::new();
        // (class, subject, group) → hours assigned, for the subjects of the plan.
        let mut covered: HashMap<(Uuid, &str, Option<u32>), f64> = HashMap::new();

        for (index, a) in self.assignments.iter().enumerate() {
            let teacher = teachers.entry(a.teacher_id);
            let Some(class) = classes.get(&a.class_id) else {
                problems.push(LoadProblem::UnknownClass { assignment: index });
                continue;
            };
            let planned = curriculum
                .plan(class.language)
                .and_then(|plan| plan.hours(class.grade, &a.subject));
            let hours = match a.hours.or(planned) {
                Some(hours) => hours,
                None => {
                    problems.push(LoadProblem::NoPlanHours { assignment: index });
                    0.0
                }
            };
            let groups = self.groups(curriculum, class, &a.subject);
            let slots: Vec<Option<u32>> = match a.group {
                None => slots(groups),
                Some(_) if groups == 1 => {
                    problems.push(LoadProblem::NotSplit { assignment: index });
                    vec![None]
                }
                Some(g) if (1..=groups).contains(&g) => vec![Some(g)],
                Some(_) => {
                    problems.push(LoadProblem::GroupOutOfRange {
                        assignment: index,
                        groups,
                    });
                    Vec::new()
                }
            };
            let taught = slots.len().max(1) as f64;
            teachers.loads[teacher].weekly_hours += hours * taught;
            teachers.loads[teacher].yearly_hours += hours * taught * norms.weeks(class.grade);
            if planned.is_some() {
                for slot in slots {
                    *covered
                        .entry((class.class_id, a.subject.as_str(), slot))
                        .or_default() += hours;
                }
            }
        }

        for (index, d) in self.duties.iter().enumerate() {
            let teacher = teachers.entry(d.teacher_id);
            let class = d.class_id.and_then(|id| classes.get(&id));
            let duty = norms.duty(&d.duty);
            if duty.is_none() || (d.class_id.is_some() && class.is_none()) {
                problems.push(LoadProblem::UnknownDuty { duty: index });
            }
            teachers.loads[teacher].duties.push(DutyLine {
                duty: d.duty.clone(),
                class_id: d.class_id,
                pay_percent: duty
                    .and_then(|duty| duty.pay_percent(class.map(|c| (c.grade, c.pupils)))),
                hours: duty.and_then(|duty| duty.hours),
            });
        }

        let mut uncovered = Vec::new();
        for class in &self.classes {
            let Some(plan) = curriculum.plan(class.language) else {
                continue;
            };
            for subject in plan.subjects(class.grade) {
                let groups = self.groups(curriculum, class, &subject.subject);
                for slot in slots(groups) {
                    let assigned = covered
                        .get(&(class.class_id, subject.subject.as_str(), slot))
                        .copied()
                        .unwrap_or(0.0);
                    let missing = subject.hours - assigned;
                    if missing > HOURS_EPSILON {
                        uncovered.push(Uncovered {
                            class_id: class.class_id,
                            subject: subject.subject.clone(),
                            group: slot,
                            hours: round2(missing),
                        });
                    } else if missing < -HOURS_EPSILON {
                        problems.push(LoadProblem::OverAssigned {
                            class_id: class.class_id,
                            subject: subject.subject.clone(),
                            group: slot,
                            planned: subject.hours,
                            assigned: round2(assigned),
                        });
                    }
                }
            }
        }

        let norm = norms.hours_per_rate(self.institution);
        let limits = &norms.warnings;
        let teachers = teachers
            .loads
            .into_iter()
            .map(|mut t| {
                let exact = if norm > 0.0 {
                    t.weekly_hours / norm
                } else {
                    0.0
                };
                t.rates = round2(exact);
                if exact > limits.over_rates + HOURS_EPSILON {
                    t.warnings.push(LoadWarning::Overload {
                        rates: t.rates,
                        limit: limits.over_rates,
                    });
                } else if exact < limits.under_rates - HOURS_EPSILON {
                    t.warnings.push(LoadWarning::Underload {
                        rates: t.rates,
                        limit: limits.under_rates,
                    });
                }
                t.weekly_hours = round2(t.weekly_hours);
                t.yearly_hours = round2(t.yearly_hours);
                t
            })
            .collect();
        let uncovered_hours = round2(uncovered.iter().map(|u| u.hours).sum());
        LoadReport {
            teachers,
            norm_hours_per_rate: norm,
            uncovered,
            uncovered_hours,
            problems,
        }
    }

    fn groups(&self, curriculum: &Curriculum, class: &LoadClass, subject: &str) -> u32 {
        curriculum.splits.groups(
            subject,
            class.grade,
            class.language,
            class.pupils,
            self.split,
        )
    }
}

/// The teachers met so far, in the order met.
#[derive(Default)]
struct Teachers {
    loads: Vec<TeacherLoad>,
    index: HashMap<Uuid, usize>,
}

impl Teachers {
    fn entry(&mut self, teacher_id: Uuid) -> usize {
        *self.index.entry(teacher_id).or_insert_with(|| {
            self.loads.push(TeacherLoad {
                teacher_id,
                weekly_hours: 0.0,
                yearly_hours: 0.0,
                rates: 0.0,
                duties: Vec::new(),
                warnings: Vec::new(),
            });
            self.loads.len() - 1
        })
    }
}

/// The whole class when it is taught whole, else each subgroup.
fn slots(groups: u32) -> Vec<Option<u32>> {
    if groups <= 1 {
        vec![None]
    } else {
        (1..=groups).map(Some).collect()
    }
}

/// To 2 decimals, half up (0.125 → 0.13), with slack for binary fractions.
fn round2(value: f64) -> f64 {
    ((value * 100.0) + 0.5 + 1e-7).floor() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curriculum::{self, Part, PlanSubject};

    const KK: Language = Language::Kazakh;
    const RU: Language = Language::Russian;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    #[test]
    fn embedded_norms_parse_and_are_sound() {
        let norms: LoadNorms = serde_json::from_str(NORMS_JSON).expect("the JSON parses");
        assert_eq!(norms.hours_per_rate(Institution::School), 16.0);
        assert_eq!(norms.hours_per_rate(Institution::College), 18.0);
        assert_eq!(norms.hours_per_rate(Institution::AdditionalEducation), 18.0);
        assert!(norms.hours_per_rate.source.contains("ст. 8"));
        assert!(norms.hours_per_rate.confidence.starts_with("[H]"));
        assert_eq!(norms.weeks(1), 33.0);
        assert_eq!(norms.weeks(5), 34.0);
        assert_eq!(norms.weeks(11), 34.0);
        assert!(!norms.weeks_per_year.source.is_empty());
        for (code, percent) in [
            ("moderator", 30.0),
            ("expert", 35.0),
            ("researcher", 40.0),
            ("master", 50.0),
        ] {
            assert_eq!(
                norms.category(code).map(|c| c.supplement_percent),
                Some(percent)
            );
        }
        for (i, duty) in norms.duties.iter().enumerate() {
            assert!(
                norms.duties[i + 1..].iter().all(|d| d.code != duty.code),
                "{} twice",
                duty.code
            );
            assert!(!duty.name.kk.is_empty() && !duty.name.ru.is_empty());
            assert!(!duty.name.en.is_empty() && !duty.source.is_empty());
            assert!(duty.confidence.starts_with('['), "{}", duty.code);
            assert!(
                !duty.pay.is_empty() || duty.hours.is_some(),
                "{}",
                duty.code
            );
            assert!(duty.pay.iter().all(|p| p.percent_of_base > 0.0));
        }
        for code in ["class_supervision", "notebook_checking", "cabinet"] {
            assert!(norms.duty(code).is_some(), "{code}");
        }
        let w = &norms.warnings;
        assert!(0.0 < w.under_rates && w.under_rates < 1.0 && w.over_rates > 1.0);
        assert!(w.confidence.starts_with('['));
        assert_eq!(&norms, standard_norms());
    }

    #[test]
    fn norms_round_trip_through_json() {
        let json = serde_json::to_string(standard_norms()).unwrap();
        assert_eq!(
            &serde_json::from_str::<LoadNorms>(&json).unwrap(),
            standard_norms()
        );
        let typo = NORMS_JSON.replacen("\"over_rates\"", "\"over_rate\"", 1);
        assert!(serde_json::from_str::<LoadNorms>(&typo).is_err());
    }

    /// The standard split rules with a plan of a few subjects in grades 5 and 9, so the sums can
    /// be checked by hand whatever a methodist later corrects in the standard hours.
    fn small_curriculum() -> Curriculum {
        let mut curriculum = curriculum::standard().clone();
        let keep = |language: Language, grade: i64| -> &'static [(&'static str, f64)] {
            match (language, grade) {
                (Language::Kazakh, 5) => &[
                    ("kazakh_language", 3.0),
                    ("kazakh_literature", 2.0),
                    ("english", 3.0),
                    ("mathematics", 5.0),
                    ("informatics", 1.0),
                    ("physical_education", 3.0),
                ],
                (Language::Kazakh, 9) => &[
                    ("kazakh_language", 2.0),
                    ("kazakh_literature", 3.0),
                    ("english", 3.0),
                    ("algebra", 3.0),
                    ("geometry", 2.0),
                    ("informatics", 1.0),
                    ("physics", 2.0),
                    ("physical_education", 3.0),
                ],
                (Language::Russian, 5) => &[
                    ("russian_language", 3.0),
                    ("russian_literature", 2.0),
                    ("kazakh_language_literature", 3.0),
                    ("english", 3.0),
                    ("mathematics", 5.0),
                    ("informatics", 1.0),
                    ("physical_education", 3.0),
                ],
                _ => &[],
            }
        };
        for plan in &mut curriculum.plans {
            for grade in &mut plan.grades {
                grade.subjects = keep(plan.language, grade.grade)
                    .iter()
                    .map(|(code, hours)| PlanSubject {
                        subject: code.to_string(),
                        hours: *hours,
                        part: Part::Invariant,
                    })
                    .collect();
            }
        }
        curriculum
    }

    // The small school, by hand. Norm 16 hours a rate; grades 5 and 9 have 34 weeks a year.
    //
    //   5А kk 25 pupils: ≥ 24, so English and informatics split in two subgroups.
    //   5Б ru 18 pupils: < 24, nothing splits (Kazakh language and literature stays whole).
    //   9А kk 12 pupils: nothing splits.
    //
    // T1 English:   5А English group 1 (3) + 5Б English (3) + 9А English (3)      =  9 h
    //               9 / 16 = 0.5625 → 0.56 rates; 9 × 34 = 306 h a year.
    // T2 maths:     5А maths 5 + 5Б maths 5 + 9А algebra 3 + 9А geometry 2
    //               + 5А informatics, whole class = both subgroups 2 × 1 = 2
    //               + 5Б informatics 1 + 9А informatics 1 + 9А physics 2
    //               + 5А PE 3 + 5Б PE 3                                          = 27 h
    //               27 / 16 = 1.6875 → 1.69 rates > 1.5: over-load; 918 h a year.
    // T3 Kazakh:    5А Kazakh 3 + 5А Kazakh literature 2 + 9А Kazakh 2
    //               + 9А Kazakh literature 3 + 5Б Kazakh language and literature 3 = 13 h
    //               0.8125 → 0.81 rates; 442 h a year; supervises 5А (25 pupils: 50 %).
    // T4 Russian:   5Б Russian 3 + 5Б Russian literature 2                        =  5 h
    //               0.3125 → 0.31 rates < 0.5: under-load; 170 h a year;
    //               supervises 5Б (18 pupils, not below 18: 50 %).
    //
    // Uncovered: 5А English group 2, 3 h (only group 1 has a teacher); 9А PE, 3 h. Total 6 h.
    fn small_school() -> LoadPlan {
        let (c5a, c5b, c9a) = (id(51), id(52), id(91));
        let (t1, t2, t3, t4) = (id(1), id(2), id(3), id(4));
        let teach = |teacher, class, subject: &str, group| LoadAssignment {
            teacher_id: teacher,
            class_id: class,
            subject: subject.into(),
            group,
            hours: None,
        };
        LoadPlan {
            institution: Institution::School,
            split: SplitOptions::default(),
            classes: vec![
                LoadClass {
                    class_id: c5a,
                    grade: 5,
                    language: KK,
                    pupils: 25,
                },
                LoadClass {
                    class_id: c5b,
                    grade: 5,
                    language: RU,
                    pupils: 18,
                },
                LoadClass {
                    class_id: c9a,
                    grade: 9,
                    language: KK,
                    pupils: 12,
                },
            ],
            assignments: vec![
                teach(t1, c5a, "english", Some(1)),
                teach(t1, c5b, "english", None),
                teach(t1, c9a, "english", None),
                teach(t2, c5a, "mathematics", None),
                teach(t2, c5b, "mathematics", None),
                teach(t2, c9a, "algebra", None),
                teach(t2, c9a, "geometry", None),
                teach(t2, c5a, "informatics", None),
                teach(t2, c5b, "informatics", None),
                teach(t2, c9a, "informatics", None),
                teach(t2, c9a, "physics", None),
                teach(t2, c5a, "physical_education", None),
                teach(t2, c5b, "physical_education", None),
                teach(t3, c5a, "kazakh_language", None),
                teach(t3, c5a, "kazakh_literature", None),
                teach(t3, c9a, "kazakh_language", None),
                teach(t3, c9a, "kazakh_literature", None),
                teach(t3, c5b, "kazakh_language_literature", None),
                teach(t4, c5b, "russian_language", None),
                teach(t4, c5b, "russian_literature", None),
            ],
            duties: vec![
                DutyAssignment {
                    teacher_id: t3,
                    duty: "class_supervision".into(),
                    class_id: Some(c5a),
                },
                DutyAssignment {
                    teacher_id: t4,
                    duty: "class_supervision".into(),
                    class_id: Some(c5b),
                },
            ],
        }
    }

    fn weekly(report: &LoadReport) -> Vec<(u128, f64, f64, f64)> {
        report
            .teachers
            .iter()
            .map(|t| {
                (
                    t.teacher_id.as_u128(),
                    t.weekly_hours,
                    t.rates,
                    t.yearly_hours,
                )
            })
            .collect()
    }

    #[test]
    fn small_school_worked_by_hand() {
        let report = small_school().report(&small_curriculum(), standard_norms());
        assert_eq!(report.norm_hours_per_rate, 16.0);
        assert_eq!(
            weekly(&report),
            vec![
                (1, 9.0, 0.56, 306.0),
                (2, 27.0, 1.69, 918.0),
                (3, 13.0, 0.81, 442.0),
                (4, 5.0, 0.31, 170.0),
            ]
        );
        let warnings: Vec<&[LoadWarning]> = report
            .teachers
            .iter()
            .map(|t| t.warnings.as_slice())
            .collect();
        assert_eq!(
            warnings,
            vec![
                &[][..],
                &[LoadWarning::Overload {
                    rates: 1.69,
                    limit: 1.5
                }][..],
                &[][..],
                &[LoadWarning::Underload {
                    rates: 0.31,
                    limit: 0.5
                }][..],
            ]
        );
        assert_eq!(
            report.teachers[2].duties,
            vec![DutyLine {
                duty: "class_supervision".into(),
                class_id: Some(id(51)),
                pay_percent: Some(50.0),
                hours: None,
            }]
        );
        assert_eq!(report.teachers[3].duties[0].pay_percent, Some(50.0));
        assert_eq!(
            report.uncovered,
            vec![
                Uncovered {
                    class_id: id(51),
                    subject: "english".into(),
                    group: Some(2),
                    hours: 3.0,
                },
                Uncovered {
                    class_id: id(91),
                    subject: "physical_education".into(),
                    group: None,
                    hours: 3.0,
                },
            ]
        );
        assert_eq!(report.uncovered_hours, 6.0);
        assert_eq!(report.problems, vec![]);
    }

    #[test]
    fn a_small_school_splits_5b_and_teaches_its_groups_twice() {
        // With 16 as the threshold 5Б (18) splits too: English, informatics and Kazakh language
        // and literature (a non-Kazakh class). Whole-class assignments teach both subgroups:
        // T1 3 + 2 × 3 + 3 = 12; T2 27 + 1 = 28; T3 13 + 3 = 16. Nothing new is uncovered.
        let mut plan = small_school();
        plan.split.small_school = true;
        let report = plan.report(&small_curriculum(), standard_norms());
        let hours: Vec<f64> = report.teachers.iter().map(|t| t.weekly_hours).collect();
        assert_eq!(hours, vec![12.0, 28.0, 16.0, 5.0]);
        assert_eq!(report.teachers[2].rates, 1.0);
        assert!(report.teachers[2].warnings.is_empty());
        assert_eq!(report.uncovered_hours, 6.0);
    }

    #[test]
    fn thresholds_are_inclusive_limits() {
        // 24 h is exactly 1.5 rates and 8 h exactly 0.5: neither warns.
        let class = id(10);
        let plan = LoadPlan {
            classes: vec![LoadClass {
                class_id: class,
                grade: 5,
                language: KK,
                pupils: 20,
            }],
            assignments: vec![
                LoadAssignment {
                    teacher_id: id(1),
                    class_id: class,
                    subject: "elective_course".into(),
                    group: None,
                    hours: Some(24.0),
                },
                LoadAssignment {
                    teacher_id: id(2),
                    class_id: class,
                    subject: "elective_course".into(),
                    group: None,
                    hours: Some(8.0),
                },
            ],
            ..LoadPlan::default()
        };
        let report = plan.report(&small_curriculum(), standard_norms());
        assert_eq!(report.teachers[0].rates, 1.5);
        assert_eq!(report.teachers[1].rates, 0.5);
        assert!(report.teachers.iter().all(|t| t.warnings.is_empty()));
    }

    #[test]
    fn bad_input_is_reported_not_guessed() {
        let (class, split_class) = (id(10), id(11));
        let teach = |subject: &str, class, group, hours| LoadAssignment {
            teacher_id: id(1),
            class_id: class,
            subject: String::from(subject),
            group,
            hours,
        };
        let plan = LoadPlan {
            classes: vec![
                LoadClass {
                    class_id: class,
                    grade: 5,
                    language: KK,
                    pupils: 20,
                },
                LoadClass {
                    class_id: split_class,
                    grade: 5,
                    language: KK,
                    pupils: 30,
                },
            ],
            assignments: vec![
                teach("english", id(99), None, None),
                teach("chemistry", class, None, None),
                teach("english", class, Some(1), None),
                teach("english", split_class, Some(3), None),
                teach("mathematics", class, None, Some(4.0)),
                teach("mathematics", class, None, Some(2.0)),
            ],
            duties: vec![
                DutyAssignment {
                    teacher_id: id(2),
                    duty: "gardening".into(),
                    class_id: None,
                },
                DutyAssignment {
                    teacher_id: id(2),
                    duty: "cabinet".into(),
                    class_id: None,
                },
            ],
            ..LoadPlan::default()
        };
        let report = plan.report(&small_curriculum(), standard_norms());
        assert_eq!(
            report.problems,
            vec![
                LoadProblem::UnknownClass { assignment: 0 },
                LoadProblem::NoPlanHours { assignment: 1 },
                LoadProblem::NotSplit { assignment: 2 },
                LoadProblem::GroupOutOfRange {
                    assignment: 3,
                    groups: 2
                },
                LoadProblem::UnknownDuty { duty: 0 },
                LoadProblem::OverAssigned {
                    class_id: class,
                    subject: "mathematics".into(),
                    group: None,
                    planned: 5.0,
                    assigned: 6.0,
                },
            ]
        );
        // English 3 (whole class) + 3 (group 3, counted once) + maths 4 + 2; chemistry 0.
        assert_eq!(report.teachers[0].weekly_hours, 12.0);
        // Teacher 2 holds duties only: no hours, an under-load, the cabinet's pay.
        assert_eq!(report.teachers[1].weekly_hours, 0.0);
        assert_eq!(report.teachers[1].duties[0].pay_percent, None);
        assert_eq!(report.teachers[1].duties[1].pay_percent, Some(40.0));
        assert_eq!(report.teachers[1].warnings.len(), 1);
    }

    #[test]
    fn duty_pay_by_grade_and_small_class() {
        let duty = Duty {
            code: "class_supervision".into(),
            name: standard_norms().duties[0].name.clone(),
            per_class: true,
            pay: vec![
                DutyPay {
                    from_grade: Some(1),
                    to_grade: Some(4),
                    percent_of_base: 50.0,
                },
                DutyPay {
                    from_grade: Some(5),
                    to_grade: None,
                    percent_of_base: 60.0,
                },
            ],
            hours: None,
            small_class: Some(SmallClass {
                below_pupils: 18,
                share: 0.5,
            }),
            source: String::new(),
            confidence: String::new(),
        };
        assert_eq!(duty.pay_percent(Some((3, 25))), Some(50.0));
        assert_eq!(duty.pay_percent(Some((7, 25))), Some(60.0));
        assert_eq!(duty.pay_percent(Some((7, 17))), Some(30.0));
        assert_eq!(duty.pay_percent(Some((7, 18))), Some(60.0));
        // Without a class no grade-bound entry applies.
        assert_eq!(duty.pay_percent(None), None);
    }

    #[test]
    fn an_unassigned_standard_class_is_wholly_uncovered() {
        // 5А kk with 25 pupils and no teachers: every hour of the standard plan is uncovered,
        // the split subjects (English, informatics, art-work) once per subgroup.
        let class = LoadClass {
            class_id: id(51),
            grade: 5,
            language: KK,
            pupils: 25,
        };
        let curriculum = curriculum::standard();
        let plan = curriculum.plan(KK).unwrap();
        let split: f64 = ["english", "informatics", "art_work"]
            .iter()
            .filter_map(|s| plan.hours(5, s))
            .sum();
        let report = LoadPlan {
            classes: vec![class],
            ..LoadPlan::default()
        }
        .report(curriculum, standard_norms());
        assert_eq!(report.uncovered_hours, plan.weekly_hours(5) + split);
        assert_eq!(
            report.uncovered.len(),
            plan.subjects(5).len() + 3,
            "three subjects in two groups"
        );
        assert!(report.teachers.is_empty());
    }

    #[test]
    fn report_serialises_for_the_export() {
        let report = small_school().report(&small_curriculum(), standard_norms());
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["norm_hours_per_rate"], 16.0);
        assert_eq!(json["uncovered_hours"], 6.0);
        let t2 = &json["teachers"][1];
        assert_eq!(t2["teacher_id"], id(2).to_string());
        assert_eq!(t2["weekly_hours"], 27.0);
        assert_eq!(t2["rates"], 1.69);
        assert_eq!(t2["warnings"][0]["kind"], "overload");
        assert_eq!(json["uncovered"][0]["group"], 2);
        assert_eq!(json["uncovered"][1]["group"], serde_json::Value::Null);
    }

    #[test]
    fn rates_round_half_up_to_two_decimals() {
        assert_eq!(round2(0.125), 0.13);
        assert_eq!(round2(0.3125), 0.31);
        assert_eq!(round2(1.6875), 1.69);
        assert_eq!(round2(10.0 / 16.0), 0.63);
        assert_eq!(round2(0.0), 0.0);
    }
}
