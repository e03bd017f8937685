//! The school's curriculum of the current year as the methodist reads and changes it (R27.6–
//! R27.7): for each language the school teaches in, the weekly hours of every subject in every
//! grade, which part of the plan each is in, whether the class is taught it in subgroups, and
//! where the school departs from the standard plan; the year's split options. A change is one
//! cell; giving a cell back to the standard removes the school's record of it. The load and the
//! timetable read the same curriculum (`load::year_plan`).

use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use dala_core::Command;
use dala_core::curriculum::{self, Curriculum, Part, SplitOptions};
use dala_core::org::{Language, Organisation};
use dala_core::school_plan::{self, PlanHours, PlanSettings, part_code, part_from_code};
use dala_core::subject::SUBJECTS;
use dala_core::year::{AcademicYear, school_date};
use dala_store::Store;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::ApiState;
use crate::error::{ApiError, ErrorBody};
use crate::load::current_year;
use crate::oversight::{lang_of, subject_name};
use crate::permission::Operation;
use crate::school;
use crate::session::Caller;

#[derive(Serialize, ToSchema)]
pub struct CurriculumView {
    /// The academic year, e.g. "2025-2026"; none while the store has no year.
    pub year: Option<String>,
    /// The legal act the standard plan reproduces, and the day it applies from.
    pub source: String,
    pub valid_from: String,
    /// A plan per language of instruction of the school.
    pub plans: Vec<PlanView>,
    /// A class of at least this many pupils splits for the subjects that split (at least
    /// `min_pupils_small_school` in a small ungraded school).
    pub min_pupils: u32,
    pub min_pupils_small_school: u32,
    pub small_school: bool,
    pub local_splits: bool,
    /// Every subject of the catalogue, to add one to a grade.
    pub catalogue: Vec<CatalogueSubject>,
    /// Whether the caller may change the plan.
    pub can_edit: bool,
}

#[derive(Serialize, ToSchema)]
pub struct CatalogueSubject {
    pub subject: String,
    pub subject_name: String,
}

#[derive(Serialize, ToSchema)]
pub struct PlanView {
    /// `kk` or `ru`.
    pub language: String,
    pub name: String,
    /// How sure the standard figures are ([H], [M], [L]) and what to check them against.
    pub confidence: String,
    pub grades: Vec<GradeView>,
    /// Every subject some grade teaches, in the catalogue's order.
    pub subjects: Vec<SubjectRow>,
}

#[derive(Serialize, ToSchema)]
pub struct GradeView {
    pub grade: i64,
    /// The school's weekly lessons in the grade, a split subject counted once.
    pub total: f64,
    /// The most the plan allows; the timetable keeps to it.
    pub max_weekly_hours: f64,
}

#[derive(Serialize, ToSchema)]
pub struct SubjectRow {
    pub subject: String,
    pub subject_name: String,
    /// A cell per grade of the plan, in grade order.
    pub cells: Vec<CellView>,
}

#[derive(Serialize, ToSchema)]
pub struct CellView {
    pub grade: i64,
    /// The school's weekly hours (each subgroup's, when the class splits); 0 when not taught.
    pub hours: f64,
    /// The standard plan's.
    pub standard_hours: f64,
    /// `invariant` or `variative`.
    pub part: String,
    /// Whether a class large enough is taught it in subgroups.
    pub splits: bool,
    /// The school's own decision on splitting, when it made one.
    pub split: Option<bool>,
    /// Whether the school changed this cell.
    pub changed: bool,
}

/// What the view is made of, read in one go.
struct Year {
    year: Option<AcademicYear>,
    languages: Vec<Language>,
    changes: Vec<PlanHours>,
    split: SplitOptions,
}

fn read_year(store: &Store, today: NaiveDate) -> Result<Year, ApiError> {
    let year = current_year(store, today)?;
    let languages = store
        .list::<Organisation>()?
        .first()
        .map(|o| o.languages.clone())
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| vec![Language::Kazakh]);
    let (changes, split) = match &year {
        Some(y) => {
            let id = y.id.to_string();
            let settings = store.find::<PlanSettings>("year_id", &id)?;
            (
                store.find::<PlanHours>("year_id", &id)?,
                settings.first().map(|s| s.split).unwrap_or_default(),
            )
        }
        None => (Vec::new(), SplitOptions::default()),
    };
    Ok(Year {
        year,
        languages,
        changes,
        split,
    })
}

fn view(year: &Year, lang: &str) -> CurriculumView {
    let standard = curriculum::standard();
    let school = school_plan::effective(standard, &year.changes);
    CurriculumView {
        year: year.year.as_ref().map(AcademicYear::name),
        source: standard.source.clone(),
        valid_from: standard.valid_from.to_string(),
        plans: year
            .languages
            .iter()
            .filter_map(|&language| plan_view(standard, &school, year, language, lang))
            .collect(),
        min_pupils: standard.splits.min_pupils,
        min_pupils_small_school: standard.splits.min_pupils_small_school,
        small_school: year.split.small_school,
        local_splits: year.split.local_splits,
        catalogue: SUBJECTS
            .iter()
            .map(|s| CatalogueSubject {
                subject: s.code.to_string(),
                subject_name: s.name(lang).to_string(),
            })
            .collect(),
        can_edit: false,
    }
}

fn plan_view(
    standard: &Curriculum,
    school: &Curriculum,
    year: &Year,
    language: Language,
    lang: &str,
) -> Option<PlanView> {
    let (base, plan) = (standard.plan(language)?, school.plan(language)?);
    let taught = |code: &str| {
        plan.grades
            .iter()
            .any(|g| plan.hours(g.grade, code).is_some())
    };
    let subjects = SUBJECTS
        .iter()
        .filter(|s| taught(s.code))
        .map(|s| SubjectRow {
            subject: s.code.to_string(),
            subject_name: subject_name(s.code, lang),
            cells: plan
                .grades
                .iter()
                .map(|g| {
                    let change = year.changes.iter().find(|c| {
                        c.language == language && c.grade == g.grade && c.subject == s.code
                    });
                    let part = plan
                        .subjects(g.grade)
                        .iter()
                        .find(|p| p.subject == s.code)
                        .map_or(Part::Invariant, |p| p.part);
                    CellView {
                        grade: g.grade,
                        hours: plan.hours(g.grade, s.code).unwrap_or(0.0),
                        standard_hours: base.hours(g.grade, s.code).unwrap_or(0.0),
                        part: part_code(part).to_string(),
                        // Asked of a class as large as any: whether the subject splits at all.
                        splits: curriculum::splits(
                            s.code,
                            g.grade,
                            language,
                            u32::MAX,
                            &school.splits,
                            year.split,
                        ),
                        split: change.and_then(|c| c.split),
                        changed: change.is_some(),
                    }
                })
                .collect(),
        })
        .collect();
    Some(PlanView {
        language: language.code().to_string(),
        name: plan.name.clone(),
        confidence: plan.confidence.clone(),
        grades: plan
            .grades
            .iter()
            .map(|g| GradeView {
                grade: g.grade,
                total: plan.weekly_hours(g.grade),
                max_weekly_hours: g.max_weekly_hours,
            })
            .collect(),
        subjects,
    })
}

#[utoipa::path(get, path = "/api/v1/curriculum", operation_id = "getCurriculum", tag = "load",
    security(("bearer" = [])),
    responses((status = 200, body = CurriculumView), (status = 403, body = ErrorBody)))]
pub async fn get_curriculum(
    State(state): State<ApiState>,
    caller: Caller,
) -> Result<Json<CurriculumView>, ApiError> {
    caller.may(Operation::GetCurriculum)?;
    let lang = lang_of(&caller);
    let can_edit = Operation::SetPlanHours.allowed(caller.account.role);
    state
        .with(move |org| {
            let today = school_date(org.now());
            let year = read_year(org.store()?, today)?;
            Ok(Json(CurriculumView {
                can_edit,
                ..view(&year, lang.code())
            }))
        })
        .await
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanHoursRequest {
    /// `kk` or `ru`: the plan of the classes taught in that language.
    pub language: String,
    pub grade: i64,
    pub subject: String,
    /// Weekly hours, whole or half; 0 takes the subject out of the grade.
    pub hours: f64,
    /// `invariant` or `variative`.
    pub part: String,
    /// `true` in subgroups, `false` whole, none as the standard split rules say.
    pub split: Option<bool>,
    /// Gives the cell back to the standard plan; the other fields name the cell.
    #[serde(default)]
    pub reset: bool,
}

#[utoipa::path(post, path = "/api/v1/curriculum/hours", operation_id = "setPlanHours", tag = "load",
    request_body = PlanHoursRequest, security(("bearer" = [])),
    responses((status = 200, body = CurriculumView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_plan_hours(
    State(state): State<ApiState>,
    caller: Caller,
    Json(request): Json<PlanHoursRequest>,
) -> Result<Json<CurriculumView>, ApiError> {
    caller.may(Operation::SetPlanHours)?;
    let lang = lang_of(&caller);
    let invalid = |field: &str| dala_core::CoreError::FieldInvalid {
        collection: "plan_hours",
        field: field.to_string(),
    };
    let language = Language::from_code(&request.language).ok_or_else(|| invalid("language"))?;
    let part = part_from_code(&request.part).ok_or_else(|| invalid("part"))?;
    state
        .with(move |org| {
            let now = org.now();
            let store = org.store()?;
            let year =
                current_year(store, school_date(now))?.ok_or(school::not_found("academic_year"))?;
            let hours = PlanHours {
                year_id: year.id,
                language,
                grade: request.grade,
                subject: request.subject,
                hours: request.hours,
                part,
                split: request.split,
            };
            let command = Command::SetPlanHours {
                hours,
                on: !request.reset,
            };
            school::writing_as(store, &caller).execute(&command, now)?;
            Ok(Json(CurriculumView {
                can_edit: true,
                ..view(&read_year(store, school_date(now))?, lang.code())
            }))
        })
        .await
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanSettingsRequest {
    /// A small ungraded school: classes split from the lower size.
    pub small_school: bool,
    /// The local authority decided to split Russian in non-Russian classes.
    pub local_splits: bool,
}

#[utoipa::path(post, path = "/api/v1/curriculum/settings", operation_id = "setPlanSettings", tag = "load",
    request_body = PlanSettingsRequest, security(("bearer" = [])),
    responses((status = 200, body = CurriculumView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn set_plan_settings(
    State(state): State<ApiState>,
    caller: Caller,
    Json(request): Json<PlanSettingsRequest>,
) -> Result<Json<CurriculumView>, ApiError> {
    caller.may(Operation::SetPlanSettings)?;
    let lang = lang_of(&caller);
    state
        .with(move |org| {
            let now = org.now();
            let store = org.store()?;
            let year =
                current_year(store, school_date(now))?.ok_or(school::not_found("academic_year"))?;
            let settings = PlanSettings {
                year_id: year.id,
                split: SplitOptions {
                    small_school: request.small_school,
                    local_splits: request.local_splits,
                },
            };
            school::writing_as(store, &caller).execute(&Command::SetPlanSettings(settings), now)?;
            Ok(Json(CurriculumView {
                can_edit: true,
                ..view(&read_year(store, school_date(now))?, lang.code())
            }))
        })
        .await
}
