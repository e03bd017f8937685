//! The kindergarten's week of organised activities (R25.3–R25.4) as the methodist plans it:
//! each age group's places, its activities by day, the age norms and every warning where the
//! plan breaks one, naming the norm; one activity saved or removed at a time, a group's week
//! copied onto others, and the standard week applied to every group of an age.
//! `dala activities check` reads the same warnings.

use std::collections::{BTreeSet, HashMap};

use axum::Json;
use axum::extract::{Path, State};
use chrono::{NaiveDate, NaiveTime};
use dala_core::Command;
use dala_core::activities::{
    Breach, GroupWeek, NormViolation, PlannedActivity, check, copy_week, standard_norms,
    template_for,
};
use dala_core::assignment::Assignment;
use dala_core::enrolment::Enrolment;
use dala_core::group::AgeGroup;
use dala_core::room::Room;
use dala_core::year::{AcademicYear, school_date};
use dala_i18n::{Arg, Lang};
use dala_store::{Store, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::{ApiError, ErrorBody};
use crate::load::current_year;
use crate::oversight::{lang_of, text};
use crate::permission::Operation;
use crate::school;
use crate::session::Caller;
use crate::timetable::RoomRef;
use crate::{ApiState, Org};

/// A kindergarten plans Monday to Friday.
const DAYS: u32 = 5;

/// The current year's plan as the store holds it.
pub struct Plan {
    pub year: AcademicYear,
    pub groups: Vec<AgeGroup>,
    pub activities: Vec<PlannedActivity>,
    pub rooms: Vec<Room>,
    enrolled: HashMap<Uuid, usize>,
    educators: Vec<Uuid>,
    names: HashMap<Uuid, String>,
}

/// The current year's plan; `None` while the store has no year.
pub fn read_plan(store: &Store, today: NaiveDate) -> Result<Option<Plan>, StoreError> {
    let Some(year) = current_year(store, today)? else {
        return Ok(None);
    };
    let year_id = year.id.to_string();
    let mut groups = store.find::<AgeGroup>("year_id", &year_id)?;
    groups.sort_by(|a, b| (a.age_from, &a.name).cmp(&(b.age_from, &b.name)));
    let mut enrolled: HashMap<Uuid, BTreeSet<Uuid>> = HashMap::new();
    for e in store.find::<Enrolment>("year_id", &year_id)? {
        if e.covers(today) {
            enrolled.entry(e.group_id).or_default().insert(e.person_id);
        }
    }
    let mut educators = Vec::new();
    for a in store.find::<Assignment>("year_id", &year_id)? {
        if a.subject.is_none() && !educators.contains(&a.teacher_id) {
            educators.push(a.teacher_id);
        }
    }
    let mut activities = store.find::<PlannedActivity>("year_id", &year_id)?;
    activities.sort_by_key(|a| (a.day, a.starts, a.id));
    Ok(Some(Plan {
        rooms: store.find::<Room>("year_id", &year_id)?,
        activities,
        enrolled: enrolled.into_iter().map(|(g, p)| (g, p.len())).collect(),
        educators,
        names: store.names()?,
        groups,
        year,
    }))
}

impl Plan {
    /// Every norm the plan breaks.
    pub fn violations(&self) -> Vec<NormViolation> {
        let weeks: Vec<GroupWeek> = self
            .groups
            .iter()
            .map(|g| GroupWeek {
                group_id: g.id,
                age_from: g.age_from,
                age_to: g.age_to,
                activities: self
                    .activities
                    .iter()
                    .filter(|a| a.group_id == g.id)
                    .cloned()
                    .collect(),
            })
            .collect();
        check(&weeks, standard_norms())
    }

    /// A warning in words, naming the norm and the figures.
    pub fn message(&self, v: &NormViolation, lang: Lang) -> String {
        let day = v
            .day
            .map(|d| text(lang, &format!("timetable-weekday-{d}"), &[]))
            .unwrap_or_default();
        let activity = v
            .activity_ids
            .first()
            .and_then(|id| self.activities.iter().find(|a| a.id == *id))
            .map(|a| activity_name(&a.activity, lang))
            .unwrap_or_default();
        let group = self
            .groups
            .iter()
            .find(|g| g.id == v.group_id)
            .map(|g| g.name.clone())
            .unwrap_or_default();
        let mut args: Vec<(&str, String)> =
            vec![("day", day), ("activity", activity), ("group", group)];
        match &v.breach {
            Breach::DurationOutOfRange { min, max, actual } => {
                args.extend([
                    ("min", min.to_string()),
                    ("max", max.to_string()),
                    ("actual", actual.to_string()),
                ]);
            }
            Breach::TooManyPerDay { limit, actual }
            | Breach::TooManyPerWeek { limit, actual }
            | Breach::BreakTooShort { limit, actual } => {
                args.extend([("limit", limit.to_string()), ("actual", actual.to_string())]);
            }
            Breach::EndsTooLate { limit, actual } => {
                args.extend([("limit", limit.clone()), ("actual", actual.clone())]);
            }
            Breach::NoNorm { age_from, age_to } => {
                args.extend([("min", age_from.to_string()), ("max", age_to.to_string())]);
            }
            Breach::RoomShared {
                room_id,
                other_group_id,
            } => {
                let room = self.rooms.iter().find(|r| r.id == *room_id);
                let other = self.groups.iter().find(|g| g.id == *other_group_id);
                args.push(("room", room.map(|r| r.name.clone()).unwrap_or_default()));
                args.push(("other", other.map(|g| g.name.clone()).unwrap_or_default()));
            }
        }
        let args: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (*k, Arg::Str(v))).collect();
        text(lang, &format!("norm-{}", v.code().replace('_', "-")), &args)
    }

    pub fn view(&self, lang: Lang, can_edit: bool) -> ActivitiesView {
        let norms = standard_norms();
        ActivitiesView {
            year: Some(self.year.name()),
            days: (1..=DAYS).collect(),
            groups: self
                .groups
                .iter()
                .map(|g| {
                    let enrolled = self.enrolled.get(&g.id).copied().unwrap_or(0);
                    GroupRef {
                        group_id: g.id.to_string(),
                        name: g.name.clone(),
                        age_from: g.age_from,
                        age_to: g.age_to,
                        norm_places: g.norm_places,
                        enrolled,
                        free_places: g.free_places(enrolled),
                    }
                })
                .collect(),
            catalogue: norms
                .catalogue
                .activities
                .iter()
                .map(|k| CatalogueItem {
                    code: k.code.clone(),
                    name: k.name.get(lang.code()).to_string(),
                })
                .collect(),
            rooms: self.rooms.iter().map(RoomRef::from).collect(),
            educators: self
                .educators
                .iter()
                .map(|id| EducatorRef {
                    person_id: id.to_string(),
                    name: self.names.get(id).cloned().unwrap_or_default(),
                })
                .collect(),
            activities: self
                .activities
                .iter()
                .map(|a| ActivityView {
                    id: a.id.to_string(),
                    group_id: a.group_id.to_string(),
                    day: a.day,
                    starts: a.starts.format("%H:%M").to_string(),
                    minutes: a.minutes,
                    activity: a.activity.clone(),
                    activity_name: activity_name(&a.activity, lang),
                    educator_id: a.educator_id.map(|e| e.to_string()),
                    room_id: a.room_id.map(|r| r.to_string()),
                })
                .collect(),
            norms: norms
                .bands
                .iter()
                .map(|b| NormView {
                    age_from: b.age_from,
                    age_to: b.age_to,
                    min_minutes: b.minutes.min,
                    max_minutes: b.minutes.max,
                    max_per_day: b.max_per_day,
                    max_per_week: b.max_per_week,
                    min_break_minutes: b.min_break,
                })
                .collect(),
            violations: self
                .violations()
                .iter()
                .map(|v| ViolationView {
                    code: v.code().to_string(),
                    group_id: v.group_id.to_string(),
                    day: v.day,
                    activity_ids: v.activity_ids.iter().map(Uuid::to_string).collect(),
                    message: self.message(v, lang),
                })
                .collect(),
            can_edit,
        }
    }
}

fn activity_name(code: &str, lang: Lang) -> String {
    standard_norms()
        .activity(code)
        .map_or_else(|| code.to_string(), |k| k.name.get(lang.code()).to_string())
}

#[derive(Serialize, ToSchema)]
pub struct ActivitiesView {
    pub year: Option<String>,
    pub days: Vec<u32>,
    pub groups: Vec<GroupRef>,
    pub catalogue: Vec<CatalogueItem>,
    pub rooms: Vec<RoomRef>,
    pub educators: Vec<EducatorRef>,
    pub activities: Vec<ActivityView>,
    pub norms: Vec<NormView>,
    pub violations: Vec<ViolationView>,
    pub can_edit: bool,
}

#[derive(Serialize, ToSchema)]
pub struct GroupRef {
    pub group_id: String,
    pub name: String,
    pub age_from: i64,
    pub age_to: i64,
    pub norm_places: i64,
    pub enrolled: usize,
    pub free_places: i64,
}

#[derive(Serialize, ToSchema)]
pub struct CatalogueItem {
    pub code: String,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct EducatorRef {
    pub person_id: String,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct ActivityView {
    pub id: String,
    pub group_id: String,
    pub day: u32,
    /// `HH:MM`.
    pub starts: String,
    pub minutes: u32,
    pub activity: String,
    pub activity_name: String,
    pub educator_id: Option<String>,
    pub room_id: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct NormView {
    pub age_from: i64,
    pub age_to: i64,
    pub min_minutes: u32,
    pub max_minutes: u32,
    pub max_per_day: u32,
    pub max_per_week: u32,
    pub min_break_minutes: u32,
}

#[derive(Serialize, ToSchema)]
pub struct ViolationView {
    /// `duration_out_of_range`, `too_many_per_day`, `room_shared`…
    pub code: String,
    pub group_id: String,
    pub day: Option<u32>,
    pub activity_ids: Vec<String>,
    pub message: String,
}

#[derive(Deserialize, ToSchema)]
pub struct ActivityInput {
    /// None adds a new activity.
    pub id: Option<Uuid>,
    pub group_id: Uuid,
    pub day: u32,
    /// `HH:MM`.
    pub starts: String,
    pub minutes: u32,
    pub activity: String,
    pub educator_id: Option<Uuid>,
    pub room_id: Option<Uuid>,
}

#[derive(Deserialize, ToSchema)]
pub struct CopyRequest {
    pub from_group_id: Uuid,
    pub to_group_ids: Vec<Uuid>,
}

#[derive(Deserialize, ToSchema)]
pub struct TemplateRequest {
    pub age_from: i64,
}

fn plan_of(org: &mut Org) -> Result<Plan, ApiError> {
    let today = school_date(org.now());
    read_plan(org.store()?, today)?.ok_or_else(|| school::not_found("academic_year"))
}

fn view_now(org: &mut Org, caller: &Caller) -> Result<ActivitiesView, ApiError> {
    let lang = lang_of(caller);
    let edit = Operation::plans_activities(caller.account.role);
    let today = school_date(org.now());
    Ok(match read_plan(org.store()?, today)? {
        Some(plan) => plan.view(lang, edit),
        None => ActivitiesView {
            year: None,
            days: (1..=DAYS).collect(),
            groups: Vec::new(),
            catalogue: Vec::new(),
            rooms: Vec::new(),
            educators: Vec::new(),
            activities: Vec::new(),
            norms: Vec::new(),
            violations: Vec::new(),
            can_edit: edit,
        },
    })
}

fn save(
    org: &mut Org,
    caller: &Caller,
    year_id: Uuid,
    put: Vec<PlannedActivity>,
    remove: Vec<Uuid>,
) -> Result<ActivitiesView, ApiError> {
    let now = org.now();
    let store = org.store()?;
    school::writing_as(store, caller);
    store.execute(
        &Command::SaveActivities {
            year_id,
            put,
            remove,
        },
        now,
    )?;
    view_now(org, caller)
}

#[utoipa::path(get, path = "/api/v1/activities", operation_id = "getActivities", tag = "activities",
    security(("bearer" = [])), responses((status = 200, body = ActivitiesView), (status = 403, body = ErrorBody)))]
pub async fn get_activities(
    State(state): State<ApiState>,
    caller: Caller,
) -> Result<Json<ActivitiesView>, ApiError> {
    caller.may(Operation::GetActivities)?;
    state
        .with(move |org| Ok(Json(view_now(org, &caller)?)))
        .await
}

#[utoipa::path(post, path = "/api/v1/activities", operation_id = "saveActivity", tag = "activities",
    request_body = ActivityInput, security(("bearer" = [])),
    responses((status = 200, body = ActivitiesView), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn save_activity(
    State(state): State<ApiState>,
    caller: Caller,
    Json(input): Json<ActivityInput>,
) -> Result<Json<ActivitiesView>, ApiError> {
    caller.may(Operation::SaveActivity)?;
    let starts = NaiveTime::parse_from_str(&input.starts, "%H:%M").map_err(|_| {
        ApiError::from(StoreError::from(
            dala_core::CoreError::ActivityTimeInvalid { min: 5, max: 60 },
        ))
    })?;
    state
        .with(move |org| {
            let plan = plan_of(org)?;
            let activity = PlannedActivity {
                id: input.id.unwrap_or_else(Uuid::now_v7),
                year_id: plan.year.id,
                group_id: input.group_id,
                day: input.day,
                starts,
                minutes: input.minutes,
                activity: input.activity,
                educator_id: input.educator_id,
                room_id: input.room_id,
            };
            if let Some(room) = activity.room_id
                && !plan.rooms.iter().any(|r| r.id == room)
            {
                return Err(dala_core::CoreError::RoomUnknown.into());
            }
            Ok(Json(save(
                org,
                &caller,
                plan.year.id,
                vec![activity],
                Vec::new(),
            )?))
        })
        .await
}

#[utoipa::path(delete, path = "/api/v1/activities/{id}", operation_id = "deleteActivity", tag = "activities",
    params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = ActivitiesView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_activity(
    State(state): State<ApiState>,
    caller: Caller,
    Path(id): Path<Uuid>,
) -> Result<Json<ActivitiesView>, ApiError> {
    caller.may(Operation::DeleteActivity)?;
    state
        .with(move |org| {
            let plan = plan_of(org)?;
            if !plan.activities.iter().any(|a| a.id == id) {
                return Err(school::not_found("activity"));
            }
            Ok(Json(save(
                org,
                &caller,
                plan.year.id,
                Vec::new(),
                vec![id],
            )?))
        })
        .await
}

#[utoipa::path(post, path = "/api/v1/activities/copy", operation_id = "copyActivities", tag = "activities",
    request_body = CopyRequest, security(("bearer" = [])),
    responses((status = 200, body = ActivitiesView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn copy_activities(
    State(state): State<ApiState>,
    caller: Caller,
    Json(request): Json<CopyRequest>,
) -> Result<Json<ActivitiesView>, ApiError> {
    caller.may(Operation::CopyActivities)?;
    state
        .with(move |org| {
            let plan = plan_of(org)?;
            let from: Vec<PlannedActivity> = plan
                .activities
                .iter()
                .filter(|a| a.group_id == request.from_group_id)
                .cloned()
                .collect();
            let targets: Vec<Uuid> = request
                .to_group_ids
                .into_iter()
                .filter(|g| *g != request.from_group_id)
                .collect();
            let mut put = Vec::new();
            for &group in &targets {
                put.extend(copy_week(&from, group, Uuid::now_v7));
            }
            let remove = replaced(&plan, &targets);
            Ok(Json(save(org, &caller, plan.year.id, put, remove)?))
        })
        .await
}

#[utoipa::path(post, path = "/api/v1/activities/template", operation_id = "applyActivityTemplate", tag = "activities",
    request_body = TemplateRequest, security(("bearer" = [])),
    responses((status = 200, body = ActivitiesView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn apply_template(
    State(state): State<ApiState>,
    caller: Caller,
    Json(request): Json<TemplateRequest>,
) -> Result<Json<ActivitiesView>, ApiError> {
    caller.may(Operation::ApplyActivityTemplate)?;
    state
        .with(move |org| {
            let plan = plan_of(org)?;
            let targets: Vec<Uuid> = plan
                .groups
                .iter()
                .filter(|g| g.age_from == request.age_from)
                .map(|g| g.id)
                .collect();
            let put = standard_week(plan.year.id, &targets, request.age_from);
            if put.is_empty() {
                return Err(school::not_found("age_group"));
            }
            let remove = replaced(&plan, &targets);
            Ok(Json(save(org, &caller, plan.year.id, put, remove)?))
        })
        .await
}

/// The stored activities of the groups whose week is replaced.
fn replaced(plan: &Plan, groups: &[Uuid]) -> Vec<Uuid> {
    plan.activities
        .iter()
        .filter(|a| groups.contains(&a.group_id))
        .map(|a| a.id)
        .collect()
}

/// The standard week of an age for each of `groups`.
pub fn standard_week(year_id: Uuid, groups: &[Uuid], age_from: i64) -> Vec<PlannedActivity> {
    let template = template_for(standard_norms(), age_from);
    groups
        .iter()
        .flat_map(|&group_id| {
            template
                .iter()
                .map(move |(day, starts, minutes, activity)| PlannedActivity {
                    id: Uuid::now_v7(),
                    year_id,
                    group_id,
                    day: *day,
                    starts: *starts,
                    minutes: *minutes,
                    activity: activity.clone(),
                    educator_id: None,
                    room_id: None,
                })
        })
        .collect()
}

/// What `dala activities check --format json` prints for each warning.
#[derive(Serialize)]
pub struct CheckedViolation {
    #[serde(flatten)]
    pub violation: NormViolation,
    pub group: String,
    pub message: String,
}

/// Every warning of the current year's plan, with the group's name and the message in `lang`.
pub fn check_plan(
    store: &Store,
    today: NaiveDate,
    lang: Lang,
) -> Result<Vec<CheckedViolation>, StoreError> {
    let Some(plan) = read_plan(store, today)? else {
        return Ok(Vec::new());
    };
    Ok(plan
        .violations()
        .into_iter()
        .map(|v| CheckedViolation {
            group: plan
                .groups
                .iter()
                .find(|g| g.id == v.group_id)
                .map(|g| g.name.clone())
                .unwrap_or_default(),
            message: plan.message(&v, lang),
            violation: v,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_week_fills_every_group_given() {
        let year = Uuid::now_v7();
        let groups = [Uuid::now_v7(), Uuid::now_v7()];
        let week = standard_week(year, &groups, 5);
        assert!(!week.is_empty());
        let per_group = week.len() / 2;
        assert_eq!(
            week.iter().filter(|a| a.group_id == groups[0]).count(),
            per_group
        );
        assert!(
            week.iter()
                .all(|a| a.year_id == year && (1..=DAYS).contains(&a.day))
        );
        assert!(standard_week(year, &groups, 40).is_empty());
    }
}
