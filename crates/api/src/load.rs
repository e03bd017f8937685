//! The teaching load of the current academic year (тарификация, R27.13) as the deputy and the
//! methodist read it: each teacher's weekly and yearly hours and rates, the curriculum's hours
//! no one teaches, and the tariff list (тарификационный список) as xlsx or PDF. `dala load
//! export` calls the same functions, so the CLI's file and the API's are one calculation.
//!
//! The plan is the year's: its classes and their pupils, the assignments (a class or a subgroup,
//! at the curriculum's hours unless the assignment gives its own), the extra duties, and the
//! curriculum as the school changed it (`school_plan`). The deputy assigns, changes and takes
//! back assignments here too; the norms are the embedded standard ones.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use dala_core::Command;
use dala_core::assignment::{Assignment, TeacherDuty};
use dala_core::curriculum::{self, Curriculum};
use dala_core::enrolment::Enrolment;
use dala_core::group::Class;
use dala_core::load::{
    Institution, LoadClass, LoadPlan, LoadProblem, LoadReport, LoadWarning, standard_norms,
};
use dala_core::org::Organisation;
use dala_core::person::{Person, PersonKind, collation_key};
use dala_core::school_plan::{self, PlanHours, PlanSettings};
use dala_core::year::{AcademicYear, school_date};
use dala_i18n::{Lang, has_message};
use dala_report::{Cell, Column, Report, ReportError};
use dala_store::{Store, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::ApiState;
use crate::error::{ApiError, ErrorBody};
use crate::oversight::{
    FileBytes, Format, SubjectRef, date_text, file, lang_of, subject_name, subject_order, text,
};
use crate::permission::Operation;
use crate::school;
use crate::session::Caller;

/// The teaching load as JSON: the contract of `dala load export --format json` and of
/// `GET /api/v1/load`.
#[derive(Serialize, ToSchema)]
pub struct LoadView {
    /// The academic year, e.g. "2025-2026"; none while the store has no year.
    pub year: Option<String>,
    /// The day the classes' pupils were counted: it decides which classes split.
    pub counted_on: String,
    /// Teaching hours a week that make one rate.
    pub norm_hours_per_rate: f64,
    /// By name.
    pub teachers: Vec<TeacherLoadView>,
    /// The sum of `uncovered`, a subgroup's hours counted for each subgroup.
    pub uncovered_hours: f64,
    /// The standard plan's weekly hours no one teaches, by class in grade order.
    pub uncovered: Vec<UncoveredView>,
    /// Assignments the calculation could not use as given, for the deputy to fix.
    pub problems: Vec<LoadProblemView>,
    /// The extra duties the norms know, to choose from.
    pub duty_kinds: Vec<DutyKindView>,
    /// Every member of staff, by name: whom the deputy may assign.
    pub staff: Vec<StaffRef>,
    /// Whether the caller may assign teachers and give and take duties.
    pub can_edit: bool,
}

#[derive(Serialize, ToSchema)]
pub struct StaffRef {
    pub id: String,
    pub name: String,
}

/// A teacher's assignment to a class, or to one of its subgroups, for a subject.
#[derive(Serialize, ToSchema)]
pub struct AssignmentView {
    pub id: String,
    pub class_id: String,
    pub class_name: String,
    pub subject: String,
    pub subject_name: String,
    /// The subgroup (1, 2); none for the whole class (every subgroup of a split subject).
    pub subgroup: Option<u32>,
    /// Weekly hours the assignment gives, when it differs from the curriculum.
    pub hours: Option<f64>,
    /// The curriculum's weekly hours of the subject in the class's grade; none when the plan
    /// does not teach it there.
    pub plan_hours: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct DutyKindView {
    pub code: String,
    pub name: String,
    /// Held for a class (class supervision) rather than for the school.
    pub per_class: bool,
}

#[derive(Serialize, ToSchema)]
pub struct DutyView {
    pub duty: String,
    pub name: String,
    pub class_id: Option<String>,
    pub class_name: Option<String>,
    /// Percent of the base salary, after any small-class reduction; none when the norms give none.
    pub pay_percent: Option<f64>,
}

fn duty_kinds(lang: &str) -> Vec<DutyKindView> {
    standard_norms()
        .duties
        .iter()
        .map(|d| DutyKindView {
            code: d.code.clone(),
            name: d.name.get(lang).to_string(),
            per_class: d.per_class,
        })
        .collect()
}

#[derive(Serialize, ToSchema)]
pub struct TeacherLoadView {
    pub teacher_id: String,
    pub name: String,
    /// The staff position's code (`teacher`, `methodist`, …), if recorded.
    pub position: Option<String>,
    /// The subjects of the teacher's assignments, in the catalogue's order.
    pub subjects: Vec<SubjectRef>,
    /// By grade, class and subject.
    pub assignments: Vec<AssignmentView>,
    pub weekly_hours: f64,
    pub yearly_hours: f64,
    /// `weekly_hours / norm_hours_per_rate`, to 2 decimals.
    pub rates: f64,
    pub warnings: Vec<LoadWarningView>,
    pub duties: Vec<DutyView>,
}

#[derive(Serialize, ToSchema)]
pub struct LoadWarningView {
    /// `overload` or `underload`.
    pub kind: String,
    pub rates: f64,
    /// The limit in rates the teacher is beyond.
    pub limit: f64,
}

#[derive(Serialize, ToSchema)]
pub struct UncoveredView {
    pub class_id: String,
    pub class_name: String,
    pub subject: String,
    pub subject_name: String,
    /// The subgroup (1, 2) of a split class; none for the whole class.
    pub group: Option<u32>,
    /// Weekly hours.
    pub hours: f64,
}

#[derive(Serialize, ToSchema)]
pub struct LoadProblemView {
    /// `unknown_class`, `no_plan_hours` (the grade's plan does not teach the subject: counted as
    /// 0 hours), `not_split`, `group_out_of_range` or `over_assigned`.
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignment_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub teacher_id: Option<String>,
    pub class_id: String,
    pub class_name: String,
    pub subject: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<u32>,
    /// For `over_assigned`: the plan's hours and the hours assigned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assigned: Option<f64>,
}

/// The academic year that holds `today`, or the latest one before it; the first one when all
/// are still to come (the same choice as the journal's).
pub(crate) fn current_year(
    store: &Store,
    today: NaiveDate,
) -> Result<Option<AcademicYear>, StoreError> {
    let mut years = store.list::<AcademicYear>()?;
    years.sort_by_key(|y| y.starts);
    Ok(years
        .iter()
        .find(|y| y.contains(today))
        .or_else(|| years.iter().rev().find(|y| y.starts <= today))
        .or(years.first())
        .cloned())
}

/// The current year's classes and who teaches them, as the load and the timetable read them.
pub(crate) struct YearPlan {
    pub year: AcademicYear,
    /// The day the pupils were counted.
    pub day: NaiveDate,
    /// By grade, then letter.
    pub classes: Vec<Class>,
    /// Subject assignments to the year's classes (an age group's educator has none).
    pub assignments: Vec<Assignment>,
    pub plan: LoadPlan,
    /// The standard curriculum with the school's changes of the year.
    pub curriculum: Curriculum,
}

pub(crate) fn year_plan(store: &Store, today: NaiveDate) -> Result<Option<YearPlan>, StoreError> {
    let Some(year) = current_year(store, today)? else {
        return Ok(None);
    };
    // Planned in August for the year to come, the classes are counted as they start it.
    let day = today.clamp(year.starts, year.ends);
    let year_id = year.id.to_string();
    let mut classes = store.find::<Class>("year_id", &year_id)?;
    classes.sort_by_cached_key(|c| (c.grade, collation_key(&c.letter)));
    let mut pupils: HashMap<Uuid, BTreeSet<Uuid>> = HashMap::new();
    for e in store.find::<Enrolment>("year_id", &year_id)? {
        if e.covers(day) {
            pupils.entry(e.group_id).or_default().insert(e.person_id);
        }
    }
    // An age group's educator has no subject; a kindergarten has no classes, so no load.
    let assignments: Vec<Assignment> = store
        .find::<Assignment>("year_id", &year_id)?
        .into_iter()
        .filter(|a| a.subject.is_some() && classes.iter().any(|c| c.id == a.group_id))
        .collect();
    let changes = store.find::<PlanHours>("year_id", &year_id)?;
    let settings = store.find::<PlanSettings>("year_id", &year_id)?;
    let plan = LoadPlan {
        institution: Institution::School,
        split: settings.first().map(|s| s.split).unwrap_or_default(),
        classes: classes
            .iter()
            .map(|c| LoadClass {
                class_id: c.id,
                grade: c.grade,
                language: c.language,
                pupils: pupils
                    .get(&c.id)
                    .map_or(0, |p| u32::try_from(p.len()).unwrap_or(u32::MAX)),
            })
            .collect(),
        assignments: assignments.iter().filter_map(Assignment::load).collect(),
        duties: store
            .find::<TeacherDuty>("year_id", &year_id)?
            .iter()
            .map(TeacherDuty::load)
            .collect(),
    };
    Ok(Some(YearPlan {
        year,
        day,
        classes,
        assignments,
        plan,
        curriculum: school_plan::effective(curriculum::standard(), &changes),
    }))
}

/// The load of the current academic year, with names in `lang`.
pub fn load_view(store: &Store, today: NaiveDate, lang: Lang) -> Result<LoadView, StoreError> {
    let norms = standard_norms();
    let Some(YearPlan {
        year,
        day,
        classes,
        assignments,
        plan,
        curriculum,
    }) = year_plan(store, today)?
    else {
        return Ok(LoadView {
            year: None,
            counted_on: today.to_string(),
            norm_hours_per_rate: norms.hours_per_rate(Institution::School),
            teachers: Vec::new(),
            uncovered_hours: 0.0,
            uncovered: Vec::new(),
            problems: Vec::new(),
            duty_kinds: duty_kinds(lang.code()),
            staff: Vec::new(),
            can_edit: false,
        });
    };
    let report = plan.report(&curriculum, norms);
    let people: HashMap<Uuid, Person> = store
        .list::<Person>()?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    Ok(Labels {
        lang: lang.code(),
        classes: classes.iter().map(|c| (c.id, c.name())).collect(),
        names: store.names()?,
        people,
        assignments: &assignments,
        plan: &plan,
        curriculum: &curriculum,
    }
    .view(&year, day, report))
}

/// What the view shows beside the figures: names of classes, people and subjects.
struct Labels<'a> {
    lang: &'static str,
    classes: HashMap<Uuid, String>,
    names: HashMap<Uuid, String>,
    people: HashMap<Uuid, Person>,
    assignments: &'a [Assignment],
    plan: &'a LoadPlan,
    curriculum: &'a Curriculum,
}

impl Labels<'_> {
    fn class(&self, id: Uuid) -> String {
        self.classes.get(&id).cloned().unwrap_or_default()
    }

    fn subject(&self, code: &str) -> SubjectRef {
        SubjectRef {
            subject: code.to_string(),
            subject_name: subject_name(code, self.lang),
        }
    }

    fn view(&self, year: &AcademicYear, day: NaiveDate, report: LoadReport) -> LoadView {
        let mut subjects: HashMap<Uuid, BTreeSet<(usize, String)>> = HashMap::new();
        for a in self.assignments {
            if let Some(code) = &a.subject {
                subjects
                    .entry(a.teacher_id)
                    .or_default()
                    .insert(subject_order(code));
            }
        }
        let mut teachers: Vec<TeacherLoadView> = report
            .teachers
            .iter()
            .map(|t| TeacherLoadView {
                teacher_id: t.teacher_id.to_string(),
                name: self.names.get(&t.teacher_id).cloned().unwrap_or_default(),
                position: self
                    .people
                    .get(&t.teacher_id)
                    .and_then(|p| p.position.clone()),
                subjects: subjects
                    .get(&t.teacher_id)
                    .into_iter()
                    .flatten()
                    .map(|(_, code)| self.subject(code))
                    .collect(),
                assignments: self.assignments_of(t.teacher_id),
                weekly_hours: t.weekly_hours,
                yearly_hours: t.yearly_hours,
                rates: t.rates,
                warnings: t.warnings.iter().map(warning).collect(),
                duties: t
                    .duties
                    .iter()
                    .map(|d| DutyView {
                        name: standard_norms()
                            .duty(&d.duty)
                            .map_or_else(|| d.duty.clone(), |k| k.name.get(self.lang).to_string()),
                        duty: d.duty.clone(),
                        class_id: d.class_id.map(|c| c.to_string()),
                        class_name: d.class_id.map(|c| self.class(c)),
                        pay_percent: d.pay_percent,
                    })
                    .collect(),
            })
            .collect();
        teachers.sort_by_cached_key(|t| (collation_key(&t.name), t.teacher_id.clone()));
        let uncovered = report
            .uncovered
            .iter()
            .map(|u| {
                let subject = self.subject(&u.subject);
                UncoveredView {
                    class_id: u.class_id.to_string(),
                    class_name: self.class(u.class_id),
                    subject: subject.subject,
                    subject_name: subject.subject_name,
                    group: u.group,
                    hours: u.hours,
                }
            })
            .collect();
        LoadView {
            year: Some(year.name()),
            counted_on: day.to_string(),
            norm_hours_per_rate: report.norm_hours_per_rate,
            teachers,
            uncovered_hours: report.uncovered_hours,
            uncovered,
            problems: report
                .problems
                .iter()
                .filter_map(|p| self.problem(p))
                .collect(),
            duty_kinds: duty_kinds(self.lang),
            staff: self.staff(),
            can_edit: false,
        }
    }

    /// A teacher's assignments in class and catalogue order, with the hours each one counts.
    fn assignments_of(&self, teacher: Uuid) -> Vec<AssignmentView> {
        let grade_of = |class: Uuid| {
            self.plan
                .classes
                .iter()
                .find(|c| c.class_id == class)
                .map(|c| (c.grade, c.language))
        };
        let mut rows: Vec<(i64, String, usize, AssignmentView)> = self
            .assignments
            .iter()
            .filter(|a| a.teacher_id == teacher)
            .filter_map(|a| {
                let code = a.subject.as_deref()?;
                let (grade, language) = grade_of(a.group_id)?;
                let plan_hours = self
                    .curriculum
                    .plan(language)
                    .and_then(|p| p.hours(grade, code));
                let subject = self.subject(code);
                let class_name = self.class(a.group_id);
                let view = AssignmentView {
                    id: a.id.to_string(),
                    class_id: a.group_id.to_string(),
                    class_name: class_name.clone(),
                    subject: subject.subject,
                    subject_name: subject.subject_name,
                    subgroup: a.subgroup,
                    hours: a.hours,
                    plan_hours,
                };
                Some((grade, class_name, subject_order(code).0, view))
            })
            .collect();
        rows.sort_by(|a, b| (a.0, &a.1, a.2).cmp(&(b.0, &b.1, b.2)));
        rows.into_iter().map(|(.., view)| view).collect()
    }

    /// Every member of staff, by name: whom the deputy may assign.
    fn staff(&self) -> Vec<StaffRef> {
        let mut staff: Vec<StaffRef> = self
            .people
            .values()
            .filter(|p| p.kind == PersonKind::Staff)
            .map(|p| StaffRef {
                id: p.id.to_string(),
                name: self.names.get(&p.id).cloned().unwrap_or_default(),
            })
            .collect();
        staff.sort_by_cached_key(|s| (collation_key(&s.name), s.id.clone()));
        staff
    }

    fn problem(&self, problem: &LoadProblem) -> Option<LoadProblemView> {
        let of_assignment = |kind: &str, index: usize| {
            let a = self.assignments.get(index)?;
            Some(LoadProblemView {
                kind: kind.to_string(),
                assignment_id: Some(a.id.to_string()),
                teacher_id: Some(a.teacher_id.to_string()),
                class_id: a.group_id.to_string(),
                class_name: self.class(a.group_id),
                subject: a.subject.clone().unwrap_or_default(),
                group: a.subgroup,
                planned: None,
                assigned: None,
            })
        };
        match problem {
            LoadProblem::UnknownClass { assignment } => of_assignment("unknown_class", *assignment),
            LoadProblem::NoPlanHours { assignment } => of_assignment("no_plan_hours", *assignment),
            LoadProblem::NotSplit { assignment } => of_assignment("not_split", *assignment),
            LoadProblem::GroupOutOfRange { assignment, .. } => {
                of_assignment("group_out_of_range", *assignment)
            }
            // The plan holds no duties yet.
            LoadProblem::UnknownDuty { .. } => None,
            LoadProblem::OverAssigned {
                class_id,
                subject,
                group,
                planned,
                assigned,
            } => Some(LoadProblemView {
                kind: "over_assigned".into(),
                assignment_id: None,
                teacher_id: None,
                class_id: class_id.to_string(),
                class_name: self.class(*class_id),
                subject: subject.clone(),
                group: *group,
                planned: Some(*planned),
                assigned: Some(*assigned),
            }),
        }
    }
}

fn warning(w: &LoadWarning) -> LoadWarningView {
    let (kind, rates, limit) = match w {
        LoadWarning::Overload { rates, limit } => ("overload", rates, limit),
        LoadWarning::Underload { rates, limit } => ("underload", rates, limit),
    };
    LoadWarningView {
        kind: kind.into(),
        rates: *rates,
        limit: *limit,
    }
}

/// To 2 decimals: sums of figures that already are.
fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// A figure in a sentence, as the sheet prints its cells: a decimal comma, at most 2 decimals.
fn decimal(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.replace('.', ",")
}

/// The tariff list: a row per teacher with the position and subjects, the weekly and yearly
/// hours, the rates and the warnings; the totals; then, as footer rows since a report holds one
/// table, the norm per rate and the hours no one teaches, a row per class.
///
/// The official form also has the teacher's education, diploma, seniority and category. Dala
/// keeps none of them yet (the teacher's profile, R27.2, will), so those columns are left out
/// rather than printed empty.
pub fn tariff_list(
    store: &Store,
    view: &LoadView,
    today: NaiveDate,
    lang: Lang,
) -> Result<Report, StoreError> {
    let org = store
        .list::<Organisation>()?
        .into_iter()
        .next()
        .map(|o| o.name)
        .unwrap_or_default();
    let t = |id: &str| text(lang, id, &[]);
    let columns = vec![
        Column::new(t("sheet-number"), 4.0),
        Column::new(t("sheet-load-teacher"), 28.0),
        Column::new(t("sheet-load-position"), 32.0),
        Column::new(t("sheet-load-weekly"), 10.0),
        Column::new(t("sheet-load-yearly"), 10.0),
        Column::new(t("sheet-load-rates"), 10.0),
        Column::new(t("sheet-load-duties"), 30.0),
        Column::new(t("sheet-load-warnings"), 30.0),
    ];
    let rows = view
        .teachers
        .iter()
        .enumerate()
        .map(|(i, teacher)| {
            vec![
                Cell::Int(i as i64 + 1),
                Cell::Text(teacher.name.clone()),
                Cell::Text(position_text(teacher, lang)),
                Cell::Number(teacher.weekly_hours),
                Cell::Number(teacher.yearly_hours),
                Cell::Number(teacher.rates),
                Cell::Text(duties_text(&teacher.duties)),
                Cell::Text(warnings_text(&teacher.warnings, lang)),
            ]
        })
        .collect();
    let sum = |f: fn(&TeacherLoadView) -> f64| round2(view.teachers.iter().map(f).sum());
    let mut footer_rows = vec![
        vec![
            Cell::Empty,
            Cell::Text(t("sheet-total")),
            Cell::Empty,
            Cell::Number(sum(|t| t.weekly_hours)),
            Cell::Number(sum(|t| t.yearly_hours)),
            Cell::Number(sum(|t| t.rates)),
        ],
        vec![
            Cell::Empty,
            Cell::Text(text(
                lang,
                "sheet-load-norm",
                &[("hours", decimal(view.norm_hours_per_rate).as_str().into())],
            )),
        ],
        vec![
            Cell::Empty,
            Cell::Text(t("sheet-load-uncovered")),
            Cell::Empty,
            Cell::Number(view.uncovered_hours),
        ],
    ];
    footer_rows.extend(uncovered_rows(view, lang));
    let year = view.year.clone().unwrap_or_default();
    Ok(Report {
        title: text(lang, "sheet-load-title", &[("year", year.as_str().into())]),
        subtitle: Some(text(
            lang,
            "sheet-printed",
            &[
                ("org", org.as_str().into()),
                ("date", date_text(today).as_str().into()),
            ],
        )),
        columns,
        rows,
        footer_rows,
        chart: None,
        landscape: true,
    })
}

/// «Мұғалім: математика, алгебра»: the position, then the subjects taught.
fn position_text(teacher: &TeacherLoadView, lang: Lang) -> String {
    let position = teacher.position.as_deref().map(|code| {
        let id = format!("sheet-position-{}", code.replace('_', "-"));
        if has_message(lang, &id) {
            text(lang, &id, &[])
        } else {
            code.to_string()
        }
    });
    let subjects: Vec<&str> = teacher
        .subjects
        .iter()
        .map(|s| s.subject_name.as_str())
        .collect();
    match (position, subjects.is_empty()) {
        (Some(position), true) => position,
        (Some(position), false) => format!("{position}: {}", subjects.join(", ")),
        (None, _) => subjects.join(", "),
    }
}

/// "Class supervision (5 А, 25 %)", one duty a line.
fn duties_text(duties: &[DutyView]) -> String {
    duties
        .iter()
        .map(|d| {
            let details: Vec<String> = d
                .class_name
                .iter()
                .cloned()
                .chain(d.pay_percent.map(|p| format!("{} %", decimal(p))))
                .collect();
            if details.is_empty() {
                d.name.clone()
            } else {
                format!("{} ({})", d.name, details.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn warnings_text(warnings: &[LoadWarningView], lang: Lang) -> String {
    warnings
        .iter()
        .map(|w| {
            let id = match w.kind.as_str() {
                "overload" => "sheet-load-overload",
                _ => "sheet-load-underload",
            };
            let (rates, limit) = (decimal(w.rates), decimal(w.limit));
            text(
                lang,
                id,
                &[
                    ("rates", rates.as_str().into()),
                    ("limit", limit.as_str().into()),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A row per class: the class, its uncovered subjects with their hours, and their sum.
fn uncovered_rows(view: &LoadView, lang: Lang) -> Vec<Vec<Cell>> {
    // Classes in the view's order, which is the grade order.
    let mut order: Vec<&str> = Vec::new();
    let mut by_class: BTreeMap<&str, Vec<&UncoveredView>> = BTreeMap::new();
    for u in &view.uncovered {
        if !by_class.contains_key(u.class_id.as_str()) {
            order.push(&u.class_id);
        }
        by_class.entry(&u.class_id).or_default().push(u);
    }
    order
        .into_iter()
        .map(|class| {
            let items = &by_class[class];
            let subjects: Vec<String> = items
                .iter()
                .map(|u| {
                    let name = match u.group {
                        Some(group) => text(
                            lang,
                            "sheet-load-subgroup",
                            &[
                                ("subject", u.subject_name.as_str().into()),
                                ("group", group.into()),
                            ],
                        ),
                        None => u.subject_name.clone(),
                    };
                    format!("{name} — {}", decimal(u.hours))
                })
                .collect();
            vec![
                Cell::Empty,
                Cell::Text(items[0].class_name.clone()),
                Cell::Text(subjects.join("; ")),
                Cell::Number(round2(items.iter().map(|u| u.hours).sum())),
            ]
        })
        .collect()
}

/// The file forms of the tariff list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TariffFile {
    Xlsx,
    Pdf,
}

impl TariffFile {
    /// The report's bytes, for a caller that writes them itself (the CLI).
    pub fn write(self, report: &Report) -> Result<Vec<u8>, ReportError> {
        match self {
            TariffFile::Xlsx => dala_report::xlsx(report),
            TariffFile::Pdf => dala_report::pdf(report),
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LoadQuery {
    /// `json` (the default), `xlsx` or `pdf`: the tariff list as a file.
    #[param(inline)]
    pub format: Option<Format>,
}

#[utoipa::path(get, path = "/api/v1/load", operation_id = "loadReport", tag = "load",
    params(LoadQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "The teaching load, or its tariff list as a file", content(
            (LoadView = "application/json"),
            (FileBytes = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (FileBytes = "application/pdf"))),
        (status = 403, body = ErrorBody)))]
pub async fn report(
    State(state): State<ApiState>,
    caller: Caller,
    q: Result<Query<LoadQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    caller.may(Operation::LoadReport)?;
    let caller_role = caller.account.role;
    let q = school::query(q)?;
    let lang = lang_of(&caller);
    let format = q.format.unwrap_or_default();
    let (view, report) = state
        .with(move |org| {
            let today = school_date(org.now());
            let store = org.store()?;
            let view = load_view(store, today, lang)?;
            let report = match format {
                Format::Json => None,
                Format::Xlsx | Format::Pdf => Some(tariff_list(store, &view, today, lang)?),
            };
            Ok((view, report))
        })
        .await?;
    match report {
        None => Ok(Json(LoadView {
            can_edit: Operation::builds_timetable(caller_role),
            ..view
        })
        .into_response()),
        Some(report) => {
            let stem = format!("load-{}", view.year.as_deref().unwrap_or("year"));
            file(report, format, stem).await
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct DutyRequest {
    pub teacher_id: Uuid,
    /// A code of the norms' duties (`class_supervision`, `notebook_checking`, `cabinet`).
    pub duty: String,
    /// The class, for a duty held for one.
    pub class_id: Option<Uuid>,
    /// `true` gives the duty, `false` takes it back.
    pub on: bool,
}

#[utoipa::path(post, path = "/api/v1/load/duties", operation_id = "setDuty", tag = "load",
    request_body = DutyRequest, security(("bearer" = [])),
    responses((status = 200, body = LoadView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_duty(
    State(state): State<ApiState>,
    caller: Caller,
    Json(request): Json<DutyRequest>,
) -> Result<Json<LoadView>, ApiError> {
    caller.may(Operation::SetDuty)?;
    let lang = lang_of(&caller);
    state
        .with(move |org| {
            let now = org.now();
            let today = school_date(now);
            let store = org.store()?;
            let Some(year) = current_year(store, today)? else {
                return Err(StoreError::from(dala_core::CoreError::NotFound {
                    entity: "academic_year",
                })
                .into());
            };
            let stored = store
                .find::<TeacherDuty>("teacher_id", &request.teacher_id.to_string())?
                .into_iter()
                .find(|d| {
                    d.year_id == year.id && d.duty == request.duty && d.class_id == request.class_id
                });
            if stored.is_some() != request.on {
                let duty = stored.unwrap_or(TeacherDuty {
                    id: Uuid::now_v7(),
                    year_id: year.id,
                    teacher_id: request.teacher_id,
                    duty: request.duty,
                    class_id: request.class_id,
                });
                school::writing_as(store, &caller);
                store.execute(
                    &Command::SetDuty {
                        duty,
                        on: request.on,
                    },
                    now,
                )?;
            }
            Ok(Json(LoadView {
                can_edit: true,
                ..load_view(store, today, lang)?
            }))
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn teacher(position: Option<&str>, subjects: &[&str]) -> TeacherLoadView {
        TeacherLoadView {
            teacher_id: Uuid::nil().to_string(),
            name: "Әлиев Асқар".into(),
            position: position.map(Into::into),
            subjects: subjects
                .iter()
                .map(|s| SubjectRef {
                    subject: s.to_string(),
                    subject_name: subject_name(s, "kk"),
                })
                .collect(),
            assignments: Vec::new(),
            weekly_hours: 27.0,
            yearly_hours: 918.0,
            rates: 1.69,
            warnings: vec![LoadWarningView {
                kind: "overload".into(),
                rates: 1.69,
                limit: 1.5,
            }],
            duties: Vec::new(),
        }
    }

    #[test]
    fn the_position_column_names_the_position_then_the_subjects() {
        let both = teacher(Some("teacher"), &["mathematics", "informatics"]);
        let text = position_text(&both, Lang::Ru);
        assert!(text.starts_with("Учитель: "), "{text}");
        assert!(text.contains(", "), "{text}");
        assert_eq!(
            position_text(&teacher(Some("teacher"), &[]), Lang::En),
            "Teacher"
        );
        // A position the locales do not know is shown by its code rather than dropped.
        assert_eq!(
            position_text(&teacher(Some("lab_assistant"), &[]), Lang::Kk),
            "lab_assistant"
        );
    }

    #[test]
    fn warnings_print_their_figures_with_a_decimal_comma() {
        let text = warnings_text(&teacher(None, &[]).warnings, Lang::Kk);
        assert!(text.contains("1,69") && text.contains("1,5"), "{text}");
        assert_eq!(decimal(16.0), "16");
        assert_eq!(decimal(0.5), "0,5");
    }

    #[test]
    fn uncovered_hours_make_a_row_per_class_in_the_views_order() {
        let item = |class: &str, subject: &str, group, hours| UncoveredView {
            class_id: class.into(),
            class_name: format!("{class} А"),
            subject: subject.into(),
            subject_name: subject_name(subject, "en"),
            group,
            hours,
        };
        let view = LoadView {
            year: Some("2025-2026".into()),
            counted_on: "2025-09-01".into(),
            norm_hours_per_rate: 16.0,
            teachers: vec![teacher(Some("teacher"), &["mathematics"])],
            uncovered_hours: 7.0,
            uncovered: vec![
                item("9", "english", Some(2), 3.0),
                item("9", "music", None, 1.0),
                item("10", "physics", None, 3.0),
            ],
            problems: Vec::new(),
            duty_kinds: Vec::new(),
            staff: Vec::new(),
            can_edit: false,
        };
        let rows = uncovered_rows(&view, Lang::En);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][1], Cell::Text("9 А".into()));
        assert_eq!(rows[0][3], Cell::Number(4.0));
        let Cell::Text(subjects) = &rows[0][2] else {
            panic!("the subjects are text")
        };
        assert!(subjects.contains("(group 2) — 3"), "{subjects}");
        assert_eq!(rows[1][1], Cell::Text("10 А".into()));
    }

    #[test]
    fn duties_print_with_their_class_and_pay() {
        let duty = |name: &str, class: Option<&str>, pay: Option<f64>| DutyView {
            duty: String::new(),
            name: name.into(),
            class_id: None,
            class_name: class.map(Into::into),
            pay_percent: pay,
        };
        assert_eq!(duties_text(&[]), "");
        assert_eq!(
            duties_text(&[
                duty("Сынып жетекшілігі", Some("5 А"), Some(25.0)),
                duty("Кабинет меңгерушілігі", None, None),
            ]),
            "Сынып жетекшілігі (5 А, 25 %)\nКабинет меңгерушілігі"
        );
    }
}
