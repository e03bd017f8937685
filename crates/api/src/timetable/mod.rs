//! The school timetable (R27.8) as the deputy builds it: the week's lessons of every class, the
//! lessons not placed yet, every rule the week breaks in words, a hand move checked at once
//! (refused when it breaks a hard rule, with the rule named), pins, the generator run in the
//! background with its progress and a stop, and the timetable as xlsx or PDF by class, teacher or
//! room. `dala timetable …` calls the same functions.
//!
//! The instance is rebuilt from the year's classes, curriculum and assignments on every read
//! (a few milliseconds for a large school), so a changed assignment is in the next view.

mod export;
mod run;
mod view;
mod week;

pub use export::*;
pub(crate) use run::Run;
pub use run::*;
pub use view::*;
pub use week::*;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use dala_core::Command;
use dala_core::generator::Timetable;
use dala_core::school_timetable::{DayOff, standard_week};
use dala_core::year::school_date;
use uuid::Uuid;

use crate::error::{ApiError, ErrorBody};
use crate::oversight::lang_of;
use crate::permission::Operation;
use crate::school;
use crate::session::Caller;
use crate::{ApiState, Org};

/// Whether the caller may change the timetable (the API checks every write again).
fn can_edit(caller: &Caller) -> bool {
    Operation::builds_timetable(caller.account.role)
}

fn empty_view(can_edit: bool) -> TimetableView {
    let norms = standard_week();
    TimetableView {
        year: None,
        days: (1..=norms.days).collect(),
        periods: Vec::new(),
        classes: Vec::new(),
        teachers: Vec::new(),
        rooms: Vec::new(),
        lessons: Vec::new(),
        days_off: Vec::new(),
        unplaced: Vec::new(),
        violations: Vec::new(),
        soft_score: 0.0,
        can_edit,
    }
}

fn view_now(org: &mut Org, caller: &Caller) -> Result<TimetableView, ApiError> {
    let today = school_date(org.now());
    let lang = lang_of(caller);
    let edit = can_edit(caller);
    Ok(match read_week(org.store()?, today)? {
        Some(week) => week.view(lang, edit),
        None => empty_view(edit),
    })
}

fn week_of(org: &mut Org) -> Result<Week, ApiError> {
    let today = school_date(org.now());
    read_week(org.store()?, today)?.ok_or_else(|| school::not_found("academic_year"))
}

fn not_while_running(org: &Org) -> Result<(), ApiError> {
    if org.timetable_run.as_ref().is_some_and(Run::running) {
        return Err(ApiError::new(StatusCode::CONFLICT, "timetable.running"));
    }
    Ok(())
}

/// Saves `timetable` over `week` and brings the changed classes' journals into line.
fn save(
    org: &mut Org,
    caller: &Caller,
    week: &Week,
    timetable: &Timetable,
) -> Result<(), ApiError> {
    let now = org.now();
    let store = org.store()?;
    school::writing_as(store, caller);
    let terms = school::terms_of(store, week.year.id)?;
    let commands = week.save(timetable, &terms, school_date(now));
    store
        .execute_batch(&commands, now)
        .map_err(|mut refusals| ApiError::from(refusals.remove(0).1))?;
    Ok(())
}

#[utoipa::path(get, path = "/api/v1/timetable", operation_id = "getTimetable", tag = "timetable",
    security(("bearer" = [])), responses((status = 200, body = TimetableView), (status = 403, body = ErrorBody)))]
pub async fn get_timetable(
    State(state): State<ApiState>,
    caller: Caller,
) -> Result<Json<TimetableView>, ApiError> {
    caller.may(Operation::GetTimetable)?;
    state
        .with(move |org| Ok(Json(view_now(org, &caller)?)))
        .await
}

#[utoipa::path(post, path = "/api/v1/timetable/check", operation_id = "checkTimetableMove", tag = "timetable",
    request_body = MoveRequest, security(("bearer" = [])),
    responses((status = 200, body = CheckView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn check_move(
    State(state): State<ApiState>,
    caller: Caller,
    Json(request): Json<MoveRequest>,
) -> Result<Json<CheckView>, ApiError> {
    caller.may(Operation::CheckTimetableMove)?;
    state
        .with(move |org| {
            let week = week_of(org)?;
            let (_, new) = week.try_move(&request.what()?, request.day, request.period)?;
            let lang = lang_of(&caller);
            Ok(Json(CheckView {
                violations: new.iter().map(|v| week.violation_view(v, lang)).collect(),
            }))
        })
        .await
}

#[utoipa::path(post, path = "/api/v1/timetable/move", operation_id = "moveTimetableLesson", tag = "timetable",
    request_body = MoveRequest, security(("bearer" = [])),
    responses((status = 200, body = TimetableView), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn move_lesson(
    State(state): State<ApiState>,
    caller: Caller,
    Json(request): Json<MoveRequest>,
) -> Result<Json<TimetableView>, ApiError> {
    caller.may(Operation::MoveTimetableLesson)?;
    state
        .with(move |org| {
            not_while_running(org)?;
            let week = week_of(org)?;
            let (moved, new) = week.try_move(&request.what()?, request.day, request.period)?;
            if let Some(hard) = new.iter().find(|v| v.hard) {
                return Err(week.refusal(hard, lang_of(&caller)));
            }
            save(org, &caller, &week, &moved)?;
            Ok(Json(view_now(org, &caller)?))
        })
        .await
}

#[utoipa::path(post, path = "/api/v1/timetable/pin", operation_id = "pinTimetableLesson", tag = "timetable",
    request_body = PinRequest, security(("bearer" = [])),
    responses((status = 200, body = TimetableView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn pin_lesson(
    State(state): State<ApiState>,
    caller: Caller,
    Json(request): Json<PinRequest>,
) -> Result<Json<TimetableView>, ApiError> {
    caller.may(Operation::PinTimetableLesson)?;
    state
        .with(move |org| {
            not_while_running(org)?;
            let week = week_of(org)?;
            let activity = week.activity_of(request.lesson_id)?;
            let mut pinned = week.placed.timetable.clone();
            if let Some(p) = pinned.placements[activity].as_mut() {
                p.pinned = request.pinned;
            }
            save(org, &caller, &week, &pinned)?;
            Ok(Json(view_now(org, &caller)?))
        })
        .await
}

#[utoipa::path(post, path = "/api/v1/timetable/day-off", operation_id = "setDayOff", tag = "timetable",
    request_body = DayOffRequest, security(("bearer" = [])),
    responses((status = 200, body = TimetableView), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_day_off(
    State(state): State<ApiState>,
    caller: Caller,
    Json(request): Json<DayOffRequest>,
) -> Result<Json<TimetableView>, ApiError> {
    caller.may(Operation::SetDayOff)?;
    state
        .with(move |org| {
            not_while_running(org)?;
            let week = week_of(org)?;
            let stored = week
                .days_off
                .iter()
                .find(|d| d.teacher_id == request.teacher_id && d.day == request.day);
            if stored.is_some() != request.off {
                let day_off = stored.cloned().unwrap_or(DayOff {
                    id: Uuid::now_v7(),
                    year_id: week.year.id,
                    teacher_id: request.teacher_id,
                    day: request.day,
                });
                let now = org.now();
                let store = org.store()?;
                school::writing_as(store, &caller);
                store.execute(
                    &Command::SetDayOff {
                        day_off,
                        off: request.off,
                    },
                    now,
                )?;
            }
            Ok(Json(view_now(org, &caller)?))
        })
        .await
}
