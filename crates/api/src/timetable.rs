//! The school timetable (R27.8) as the deputy builds it: the week's lessons of every class, the
//! lessons not placed yet, every rule the week breaks in words, a hand move checked at once
//! (refused when it breaks a hard rule, with the rule named), pins, the generator run in the
//! background with its progress and a stop, and the timetable as xlsx or PDF by class, teacher or
//! room. `dala timetable …` calls the same functions.
//!
//! The instance is rebuilt from the year's classes, curriculum and assignments on every read
//! (a few milliseconds for a large school), so a changed assignment is in the next view.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveDate;
use dala_core::Command;
use dala_core::curriculum;
use dala_core::generator::{self, Kind, Options, Phase, Placement, Timetable, Violation, Who};
use dala_core::group::Class;
use dala_core::journal_plan;
use dala_core::room::Room;
use dala_core::school_timetable::{
    DayOff, Placed, Problem, TimetableLesson, WeekClass, WeekNorms, WeekPlan, slot, standard_week,
};
use dala_core::timetable::{Rule, Slot};
use dala_core::year::{AcademicYear, Term, school_date};
use dala_i18n::{Arg, Lang, error_message};
use dala_report::{Cell, Column, Report};
use dala_store::{Author, Store, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::error::{ApiError, ErrorBody};
use crate::load::{YearPlan, year_plan};
use crate::oversight::{Format, file, lang_of, organisation_name, printed, subject_name, text};
use crate::permission::Operation;
use crate::school;
use crate::session::Caller;
use crate::{ApiState, Org};

/// The year's week as the store holds it, laid over the instance built from its plan.
pub struct Week {
    pub year: AcademicYear,
    pub problem: Problem,
    pub stored: Vec<TimetableLesson>,
    pub placed: Placed,
    pub classes: Vec<Class>,
    pub rooms: Vec<Room>,
    pub days_off: Vec<DayOff>,
    names: HashMap<Uuid, String>,
    norms: &'static WeekNorms,
}

/// The current year's week; `None` while the store has no year.
pub fn read_week(store: &Store, today: NaiveDate) -> Result<Option<Week>, StoreError> {
    let Some(YearPlan {
        year,
        classes,
        plan,
        ..
    }) = year_plan(store, today)?
    else {
        return Ok(None);
    };
    let names = store.names()?;
    let mut teachers: Vec<(Uuid, String)> = Vec::new();
    for a in &plan.assignments {
        if !teachers.iter().any(|(id, _)| *id == a.teacher_id) {
            let name = names.get(&a.teacher_id).cloned().unwrap_or_default();
            teachers.push((a.teacher_id, name));
        }
    }
    let week_classes: Vec<WeekClass> = plan
        .classes
        .iter()
        .zip(&classes)
        .map(|(l, c)| WeekClass {
            class_id: c.id,
            name: c.name(),
            grade: c.grade,
            language: c.language,
            pupils: l.pupils,
        })
        .collect();
    let year_id = year.id.to_string();
    let rooms = store.find::<Room>("year_id", &year_id)?;
    let days_off = store.find::<DayOff>("year_id", &year_id)?;
    let norms = standard_week();
    let problem = Problem::build(&WeekPlan {
        classes: &week_classes,
        assignments: &plan.assignments,
        teachers: &teachers,
        rooms: &rooms,
        days_off: &days_off,
        curriculum: curriculum::standard(),
        split: plan.split,
        week: norms,
    });
    let stored = store.find::<TimetableLesson>("year_id", &year_id)?;
    let placed = problem.place(&stored);
    Ok(Some(Week {
        year,
        problem,
        stored,
        placed,
        classes,
        rooms,
        days_off,
        names,
        norms,
    }))
}

impl Week {
    /// The commands that make the store hold `timetable`: the lessons that changed or are new,
    /// the stored ones it no longer has (moved out of the plan, or left unplaced), and the
    /// journals of the classes whose week changed, from `today` to the end of the term.
    pub fn save(&self, timetable: &Timetable, terms: &[Term], today: NaiveDate) -> Vec<Command> {
        let lessons = self
            .problem
            .lessons(timetable, &self.placed.ids, self.year.id, Uuid::now_v7);
        let mut commands = vec![self.changes(&lessons)];
        let moved: BTreeSet<Uuid> = lessons
            .iter()
            .filter(|l| {
                !self
                    .stored
                    .iter()
                    .any(|s| s.id == l.id && (s.day, s.period) == (l.day, l.period))
            })
            .map(|l| l.class_id)
            .chain(
                self.stored
                    .iter()
                    .filter(|s| !lessons.iter().any(|l| l.id == s.id))
                    .map(|s| s.class_id),
            )
            .collect();
        // In the holidays the next term is the one to plan.
        let term = terms
            .iter()
            .find(|t| t.starts <= today && today <= t.ends)
            .or_else(|| terms.iter().find(|t| t.starts > today));
        if let Some(term) = term {
            for class in moved {
                let week: Vec<TimetableLesson> = lessons
                    .iter()
                    .filter(|l| l.class_id == class)
                    .cloned()
                    .collect();
                let from = today.max(term.starts);
                let planned = if week.is_empty() {
                    Vec::new()
                } else {
                    journal_plan::planned(&week, term, from, self.norms.days, &mut Uuid::now_v7)
                };
                commands.push(Command::FollowTimetable {
                    class_id: class,
                    term_id: term.id,
                    from,
                    planned,
                });
            }
        }
        commands
    }

    fn changes(&self, lessons: &[TimetableLesson]) -> Command {
        let before: HashMap<Uuid, &TimetableLesson> =
            self.stored.iter().map(|l| (l.id, l)).collect();
        let kept: std::collections::HashSet<Uuid> = lessons.iter().map(|l| l.id).collect();
        Command::SaveTimetable {
            year_id: self.year.id,
            remove: self
                .stored
                .iter()
                .map(|l| l.id)
                .filter(|id| !kept.contains(id))
                .collect(),
            put: lessons
                .iter()
                .filter(|l| before.get(&l.id) != Some(l))
                .cloned()
                .collect(),
        }
    }

    /// The activity a stored lesson is.
    fn activity_of(&self, lesson: Uuid) -> Result<usize, ApiError> {
        self.placed
            .ids
            .iter()
            .position(|id| *id == Some(lesson))
            .ok_or_else(|| ApiError {
                args: vec![("entity", "timetable_lesson".into())],
                ..ApiError::new(StatusCode::NOT_FOUND, "store.not_found")
            })
    }

    /// The timetable with one lesson moved (and pinned there), and what the move breaks that
    /// was not broken before.
    pub fn try_move(
        &self,
        moved: &Moved,
        day: u32,
        period: u32,
    ) -> Result<(Timetable, Vec<Violation>), ApiError> {
        let activity = match moved {
            Moved::Lesson(id) => self.activity_of(*id)?,
            Moved::Unplaced {
                class_id,
                subject,
                subgroup,
            } => self
                .problem
                .keys
                .iter()
                .enumerate()
                .position(|(i, k)| {
                    self.placed.timetable.placements[i].is_none()
                        && k.class_id == *class_id
                        && k.subject == *subject
                        && k.subgroup == *subgroup
                })
                .ok_or_else(|| ApiError {
                    args: vec![("entity", "timetable_lesson".into())],
                    ..ApiError::new(StatusCode::NOT_FOUND, "store.not_found")
                })?,
        };
        if !(1..=self.norms.days).contains(&day) {
            return Err(core(dala_core::CoreError::WeekdayInvalid {
                max: self.norms.days,
            }));
        }
        if !(1..=self.norms.periods()).contains(&period) {
            return Err(core(dala_core::CoreError::PeriodInvalid {
                max: i64::from(self.norms.periods()),
            }));
        }
        let before = generator::check(&self.problem.instance, &self.placed.timetable);
        let mut moved = self.placed.timetable.clone();
        let start = slot(day, period);
        let room = self.room_for(&moved, activity, start);
        moved.placements[activity] = Some(Placement {
            start,
            room,
            pinned: true,
        });
        let after = generator::check(&self.problem.instance, &moved);
        let new = after
            .into_iter()
            .filter(|v| v.activities.contains(&activity) && !before.contains(v))
            .collect();
        Ok((moved, new))
    }

    /// The room a lesson takes at `start`: the one it has if that is free then, else the first
    /// free room it may use, else the one it had (and the check says the room is busy).
    fn room_for(&self, timetable: &Timetable, activity: usize, start: Slot) -> Option<usize> {
        let had = timetable.placements[activity].and_then(|p| p.room);
        let allowed: Vec<usize> = self
            .problem
            .instance
            .constraints
            .iter()
            .find_map(|c| match &c.rule {
                Rule::PreferredRooms {
                    activity: a, rooms, ..
                } if *a == activity => Some(rooms.clone()),
                _ => None,
            })
            .unwrap_or_default();
        let busy = |room: usize| {
            timetable.placements.iter().enumerate().any(|(i, p)| {
                i != activity && p.is_some_and(|p| p.room == Some(room) && p.start == start)
            })
        };
        had.filter(|&r| !busy(r))
            .or_else(|| allowed.iter().copied().find(|&r| !busy(r)))
            .or(had)
            .or(allowed.first().copied())
    }

    /// The deputy's view of the week, with names and messages in `lang`.
    pub fn view(&self, lang: Lang, can_edit: bool) -> TimetableView {
        let l = lang.code();
        let lessons = self
            .stored
            .iter()
            .map(|x| TimetableLessonView {
                id: x.id.to_string(),
                class_id: x.class_id.to_string(),
                subject: x.subject.clone(),
                subject_name: subject_name(&x.subject, l),
                subgroup: x.subgroup,
                teacher_id: x.teacher_id.to_string(),
                day: x.day,
                period: x.period,
                room_id: x.room_id.map(|r| r.to_string()),
                pinned: x.pinned,
            })
            .collect();
        let mut unplaced: BTreeMap<_, u32> = BTreeMap::new();
        for (i, p) in self.placed.timetable.placements.iter().enumerate() {
            if p.is_none() {
                *unplaced.entry(&self.problem.keys[i]).or_default() += 1;
            }
        }
        let violations = generator::check(&self.problem.instance, &self.placed.timetable);
        TimetableView {
            year: Some(self.year.name()),
            days: (1..=self.norms.days).collect(),
            periods: self
                .norms
                .bells
                .iter()
                .zip(1..)
                .map(|(b, period)| PeriodView {
                    period,
                    starts: b.starts.clone(),
                    ends: b.ends.clone(),
                })
                .collect(),
            classes: self
                .classes
                .iter()
                .map(|c| ClassRef {
                    class_id: c.id.to_string(),
                    name: c.name(),
                    grade: c.grade,
                })
                .collect(),
            teachers: self
                .problem
                .teachers
                .iter()
                .map(|t| TeacherRef {
                    teacher_id: t.to_string(),
                    name: self.names.get(t).cloned().unwrap_or_default(),
                })
                .collect(),
            rooms: self
                .rooms
                .iter()
                .map(|r| RoomRef {
                    room_id: r.id.to_string(),
                    name: r.name.clone(),
                    kind: r.kind.code().to_string(),
                })
                .collect(),
            lessons,
            days_off: self
                .days_off
                .iter()
                .map(|d| DayOffView {
                    teacher_id: d.teacher_id.to_string(),
                    day: d.day,
                })
                .collect(),
            unplaced: unplaced
                .into_iter()
                .map(|(key, count)| UnplacedView {
                    class_id: key.class_id.to_string(),
                    subject: key.subject.clone(),
                    subject_name: subject_name(&key.subject, l),
                    subgroup: key.subgroup,
                    teacher_id: Some(key.teacher_id.to_string()),
                    count,
                })
                .collect(),
            soft_score: (generator::soft_score(&violations) * 10.0).round() / 10.0,
            violations: violations
                .iter()
                .filter(|v| !matches!(v.kind, Kind::Unplaced))
                .map(|v| self.violation_view(v, lang))
                .collect(),
            can_edit,
        }
    }

    pub fn violation_view(&self, v: &Violation, lang: Lang) -> ViolationView {
        ViolationView {
            code: v.code.to_string(),
            hard: v.hard,
            message: {
                let args = self.args(v, lang);
                let args: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (*k, Arg::Str(v))).collect();
                error_message(lang, v.code, &args)
            },
            lesson_ids: v
                .activities
                .iter()
                .filter_map(|&a| self.placed.ids.get(a).copied().flatten())
                .map(|id| id.to_string())
                .collect(),
        }
    }

    /// The refusal of a move that breaks `v`.
    fn refusal(&self, v: &Violation, lang: Lang) -> ApiError {
        ApiError {
            args: self.args(v, lang),
            ..ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, v.code)
        }
    }

    /// The names a violation's message needs, in `lang`.
    fn args(&self, v: &Violation, lang: Lang) -> Vec<(&'static str, String)> {
        let instance = &self.problem.instance;
        let who = |w: Who| match w {
            Who::Teacher(t) => instance.teachers.get(t).cloned().unwrap_or_default(),
            Who::Students(s) => instance
                .students
                .get(s)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
            Who::Room(r) => instance
                .rooms
                .get(r)
                .map(|r| r.name.clone())
                .unwrap_or_default(),
        };
        let day = |d: usize| text(lang, &format!("timetable-weekday-{}", d + 1), &[]);
        let when = |s: dala_core::timetable::Slot| {
            let d = day(s.day);
            text(
                lang,
                "timetable-when",
                &[
                    ("day", d.as_str().into()),
                    ("period", Arg::Num(s.hour as i64 + 1)),
                ],
            )
        };
        let subject = v
            .activities
            .first()
            .and_then(|&a| instance.activities.get(a))
            .and_then(|a| instance.subjects.get(a.subject))
            .map(|code| subject_name(code, lang.code()))
            .unwrap_or_default();
        let mut args = vec![("subject", subject), ("amount", v.amount.to_string())];
        match v.kind {
            Kind::TeacherBusy { teacher, slot } => {
                args.push(("who", who(Who::Teacher(teacher))));
                args.push(("when", when(slot)));
            }
            Kind::StudentsBusy { students, slot } => {
                args.push(("who", who(Who::Students(students))));
                args.push(("when", when(slot)));
            }
            Kind::RoomBusy { room, slot } => {
                args.push(("who", who(Who::Room(room))));
                args.push(("when", when(slot)));
            }
            Kind::NotAvailable { who: w, slot } => {
                args.push(("who", who(w)));
                args.push(("when", when(slot)));
            }
            Kind::Break { slot } => args.push(("when", when(slot))),
            Kind::MaxHoursDaily {
                who: w,
                day: d,
                hours,
                max,
            } => {
                args.push(("who", who(w)));
                args.push(("day", day(d)));
                args[1] = ("amount", hours.to_string());
                args.push(("max", max.to_string()));
            }
            Kind::MaxGapsPerDay {
                who: w,
                gaps,
                max,
                day: d,
            } => {
                args.push(("who", who(w)));
                args.push(("day", day(d)));
                args[1] = ("amount", gaps.to_string());
                args.push(("max", max.to_string()));
            }
            Kind::MaxGapsPerWeek { who: w, gaps, max } => {
                args.push(("who", who(w)));
                args[1] = ("amount", gaps.to_string());
                args.push(("max", max.to_string()));
            }
            Kind::Gaps {
                who: w,
                day: d,
                gaps,
            } => {
                args.push(("who", who(w)));
                args.push(("day", day(d)));
                args[1] = ("amount", gaps.to_string());
            }
            Kind::RoomCapacity {
                room,
                students,
                capacity,
            } => {
                args.push(("who", who(Who::Room(room))));
                args[1] = ("amount", students.to_string());
                args.push(("max", capacity.to_string()));
            }
            _ => {}
        }
        args
    }
}

fn core(e: dala_core::CoreError) -> ApiError {
    ApiError::from(StoreError::from(e))
}

#[derive(Serialize, ToSchema)]
pub struct TimetableView {
    pub year: Option<String>,
    /// 1 is Monday.
    pub days: Vec<u32>,
    pub periods: Vec<PeriodView>,
    pub classes: Vec<ClassRef>,
    pub teachers: Vec<TeacherRef>,
    pub rooms: Vec<RoomRef>,
    pub lessons: Vec<TimetableLessonView>,
    /// Teachers' days without lessons.
    pub days_off: Vec<DayOffView>,
    /// Lessons of the plan not in the timetable yet, counted per class, subject and subgroup.
    pub unplaced: Vec<UnplacedView>,
    /// Every rule the week breaks, hard ones first in importance; unplaced lessons are above.
    pub violations: Vec<ViolationView>,
    /// The sum of the soft rules' costs; lower is better.
    pub soft_score: f64,
    pub can_edit: bool,
}

#[derive(Serialize, ToSchema)]
pub struct PeriodView {
    pub period: u32,
    pub starts: String,
    pub ends: String,
}

#[derive(Serialize, ToSchema)]
pub struct ClassRef {
    pub class_id: String,
    pub name: String,
    pub grade: i64,
}

#[derive(Serialize, ToSchema)]
pub struct TeacherRef {
    pub teacher_id: String,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct RoomRef {
    pub room_id: String,
    pub name: String,
    pub kind: String,
}

#[derive(Serialize, ToSchema)]
pub struct TimetableLessonView {
    pub id: String,
    pub class_id: String,
    pub subject: String,
    pub subject_name: String,
    pub subgroup: Option<u32>,
    pub teacher_id: String,
    pub day: u32,
    pub period: u32,
    pub room_id: Option<String>,
    pub pinned: bool,
}

#[derive(Serialize, ToSchema)]
pub struct DayOffView {
    pub teacher_id: String,
    pub day: u32,
}

#[derive(Deserialize, ToSchema)]
pub struct DayOffRequest {
    pub teacher_id: Uuid,
    pub day: u32,
    /// `true` gives the day off, `false` takes it back.
    pub off: bool,
}

#[derive(Serialize, ToSchema)]
pub struct UnplacedView {
    pub class_id: String,
    pub subject: String,
    pub subject_name: String,
    pub subgroup: Option<u32>,
    pub teacher_id: Option<String>,
    pub count: u32,
}

#[derive(Serialize, ToSchema)]
pub struct ViolationView {
    /// `timetable.teacher_busy`, `timetable.gaps`…
    pub code: String,
    pub hard: bool,
    pub message: String,
    pub lesson_ids: Vec<String>,
}

/// A stored lesson by its id, or a lesson of the plan not placed yet by what it is.
#[derive(Deserialize, ToSchema)]
pub struct MoveRequest {
    pub lesson_id: Option<Uuid>,
    pub class_id: Option<Uuid>,
    pub subject: Option<String>,
    pub subgroup: Option<u32>,
    pub day: u32,
    pub period: u32,
}

impl MoveRequest {
    fn what(&self) -> Result<Moved, ApiError> {
        match (self.lesson_id, self.class_id, &self.subject) {
            (Some(id), _, _) => Ok(Moved::Lesson(id)),
            (None, Some(class_id), Some(subject)) => Ok(Moved::Unplaced {
                class_id,
                subject: subject.clone(),
                subgroup: self.subgroup,
            }),
            _ => Err(ApiError::bad_request("lesson_id")),
        }
    }
}

/// What a move takes: a lesson of the week, or one of the plan's lessons not placed yet.
pub enum Moved {
    Lesson(Uuid),
    Unplaced {
        class_id: Uuid,
        subject: String,
        subgroup: Option<u32>,
    },
}

#[derive(Deserialize, ToSchema)]
pub struct PinRequest {
    pub lesson_id: Uuid,
    pub pinned: bool,
}

#[derive(Serialize, ToSchema)]
pub struct CheckView {
    pub violations: Vec<ViolationView>,
}

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
    read_week(org.store()?, today)?.ok_or_else(|| ApiError {
        args: vec![("entity", "academic_year".into())],
        ..ApiError::new(StatusCode::NOT_FOUND, "store.not_found")
    })
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
    store.act_as(Author {
        account_id: Some(caller.account.id),
        login: caller.account.login.clone(),
    });
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
                store.act_as(Author {
                    account_id: Some(caller.account.id),
                    login: caller.account.login.clone(),
                });
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

/// A generator run in the background, shared between its thread and the requests that ask
/// after it or stop it.
#[derive(Clone, Default)]
pub(crate) struct Run {
    stop: Arc<AtomicBool>,
    status: Arc<Mutex<RunStatus>>,
}

impl Run {
    fn running(&self) -> bool {
        self.status.lock().map(|s| s.running).unwrap_or(false)
    }

    fn status(&self) -> RunStatus {
        self.status.lock().map(|s| s.clone()).unwrap_or_default()
    }

    fn update(&self, f: impl FnOnce(&mut RunStatus)) {
        if let Ok(mut s) = self.status.lock() {
            f(&mut s);
        }
    }
}

#[derive(Serialize, ToSchema, Clone, Default)]
pub struct RunStatus {
    pub running: bool,
    /// `construct`, `repair` or `improve` while running.
    pub phase: Option<String>,
    pub elapsed_ms: u64,
    pub steps: u64,
    /// The best timetable's hard-rule breaches and soft score so far.
    pub hard: u32,
    pub soft: f64,
    pub finished: Option<Finished>,
}

#[derive(Serialize, ToSchema, Clone)]
pub struct Finished {
    /// Hard rules the saved timetable still breaks (lessons not placed among them).
    pub hard_left: usize,
    pub soft_score: f64,
    /// The run was stopped before its time was up.
    pub stopped: bool,
    /// The save was refused: its error code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct GenerateRequest {
    /// The time budget; 30 when not given, at most 600.
    pub seconds: Option<u64>,
}

fn phase_code(phase: Phase) -> &'static str {
    match phase {
        Phase::Construct => "construct",
        Phase::Repair => "repair",
        Phase::Improve => "improve",
    }
}

/// Runs the generator on `week` and returns the timetable to save: used by the API's background
/// run and by `dala timetable generate`.
pub fn generate(
    week: &Week,
    seconds: u64,
    stop: &AtomicBool,
    progress: &dyn Fn(generator::Progress),
) -> generator::Outcome {
    let mut options = Options::new(Duration::from_secs(seconds), 1, stop);
    options.progress = progress;
    generator::generate(&week.problem.instance, &week.placed.timetable, options)
}

#[utoipa::path(post, path = "/api/v1/timetable/generate", operation_id = "generateTimetable", tag = "timetable",
    request_body = GenerateRequest, security(("bearer" = [])),
    responses((status = 200, body = RunStatus), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn start_generate(
    State(state): State<ApiState>,
    caller: Caller,
    Json(request): Json<GenerateRequest>,
) -> Result<Json<RunStatus>, ApiError> {
    caller.may(Operation::GenerateTimetable)?;
    let seconds = request.seconds.unwrap_or(30).clamp(1, 600);
    let shared = state.0.clone();
    state
        .with(move |org| {
            not_while_running(org)?;
            let week = week_of(org)?;
            let run = Run::default();
            run.update(|s| s.running = true);
            org.timetable_run = Some(run.clone());
            let thread_run = run.clone();
            std::thread::spawn(move || {
                let progress = |p: generator::Progress| {
                    thread_run.update(|s| {
                        s.phase = Some(phase_code(p.phase).into());
                        s.elapsed_ms = p.elapsed.as_millis() as u64;
                        s.steps = p.steps;
                        s.hard = p.hard;
                        s.soft = p.soft;
                    });
                };
                let outcome = generate(&week, seconds, &thread_run.stop, &progress);
                let saved = shared
                    .lock()
                    .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "store.database"))
                    .and_then(|mut org| save(&mut org, &caller, &week, &outcome.timetable));
                thread_run.update(|s| {
                    s.running = false;
                    s.phase = None;
                    s.elapsed_ms = outcome.stats.elapsed.as_millis() as u64;
                    s.steps = outcome.stats.steps;
                    s.hard = outcome.hard_violations.len() as u32;
                    s.soft = outcome.soft_score;
                    s.finished = Some(Finished {
                        hard_left: outcome.hard_violations.len(),
                        soft_score: (outcome.soft_score * 10.0).round() / 10.0,
                        stopped: outcome.stats.stopped,
                        error: saved.err().map(|e| e.code.to_string()),
                    });
                });
            });
            Ok(Json(run.status()))
        })
        .await
}

#[utoipa::path(get, path = "/api/v1/timetable/generate", operation_id = "generateStatus", tag = "timetable",
    security(("bearer" = [])), responses((status = 200, body = RunStatus), (status = 403, body = ErrorBody)))]
pub async fn generate_status(
    State(state): State<ApiState>,
    caller: Caller,
) -> Result<Json<RunStatus>, ApiError> {
    caller.may(Operation::GenerateStatus)?;
    state
        .with(move |org| {
            Ok(Json(
                org.timetable_run
                    .as_ref()
                    .map(Run::status)
                    .unwrap_or_default(),
            ))
        })
        .await
}

#[utoipa::path(delete, path = "/api/v1/timetable/generate", operation_id = "stopGenerate", tag = "timetable",
    security(("bearer" = [])), responses((status = 200, body = RunStatus), (status = 403, body = ErrorBody)))]
pub async fn stop_generate(
    State(state): State<ApiState>,
    caller: Caller,
) -> Result<Json<RunStatus>, ApiError> {
    caller.may(Operation::StopGenerate)?;
    let run = state.with(move |org| Ok(org.timetable_run.clone())).await?;
    let Some(run) = run else {
        return Ok(Json(RunStatus::default()));
    };
    run.stop.store(true, Ordering::Relaxed);
    // The run saves the best timetable so far and says so; wait for it, briefly.
    let waited = tokio::task::spawn_blocking(move || {
        for _ in 0..100 {
            if !run.running() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        run.status()
    })
    .await
    .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "store.database"))?;
    Ok(Json(waited))
}

#[derive(Deserialize, IntoParams, ToSchema)]
pub struct ExportQuery {
    /// `xlsx` or `pdf`.
    pub format: Format,
    /// `class` (the default), `teacher` or `room`.
    pub by: Option<By>,
}

#[derive(Deserialize, ToSchema, Clone, Copy, Default, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum By {
    #[default]
    Class,
    Teacher,
    Room,
}

/// The week as one table: a row per day and period, a column per class (teacher, room); each
/// cell says what happens there.
pub fn sheet(week: &Week, by: By, lang: Lang, org: &str, today: NaiveDate) -> Report {
    let l = lang.code();
    let columns: Vec<(Uuid, String)> = match by {
        By::Class => week.classes.iter().map(|c| (c.id, c.name())).collect(),
        By::Teacher => week
            .problem
            .teachers
            .iter()
            .map(|t| (*t, week.names.get(t).cloned().unwrap_or_default()))
            .collect(),
        By::Room => week.rooms.iter().map(|r| (r.id, r.name.clone())).collect(),
    };
    let class_name: HashMap<Uuid, String> = week.classes.iter().map(|c| (c.id, c.name())).collect();
    let room_name: HashMap<Uuid, String> =
        week.rooms.iter().map(|r| (r.id, r.name.clone())).collect();
    let mut cells: HashMap<(u32, u32, Uuid), Vec<String>> = HashMap::new();
    for x in &week.stored {
        let column = match by {
            By::Class => Some(x.class_id),
            By::Teacher => Some(x.teacher_id),
            By::Room => x.room_id,
        };
        let Some(column) = column else { continue };
        let mut what = subject_name(&x.subject, l);
        if let Some(g) = x.subgroup {
            what.push_str(&format!(" ({g})"));
        }
        let other = match by {
            By::Class => week.names.get(&x.teacher_id).cloned(),
            By::Teacher | By::Room => class_name.get(&x.class_id).cloned(),
        };
        if let Some(other) = other {
            what.push_str(&format!(", {other}"));
        }
        if by != By::Room
            && let Some(room) = x.room_id.and_then(|r| room_name.get(&r))
        {
            what.push_str(&format!(", {room}"));
        }
        cells
            .entry((x.day, x.period, column))
            .or_default()
            .push(what);
    }
    let mut rows = Vec::new();
    for day in 1..=week.norms.days {
        for (period, bell) in (1..).zip(&week.norms.bells) {
            let mut row = vec![
                Cell::from(if period == 1 {
                    weekday(lang, day)
                } else {
                    String::new()
                }),
                Cell::from(format!("{period}. {}–{}", bell.starts, bell.ends)),
            ];
            for (id, _) in &columns {
                row.push(
                    cells
                        .get(&(day, period, *id))
                        .map_or(Cell::Empty, |w| Cell::from(w.join("; "))),
                );
            }
            rows.push(row);
        }
    }
    let mut header = vec![
        Column::new(text(lang, "sheet-timetable-day", &[]), 12.0),
        Column::new(text(lang, "sheet-timetable-lesson", &[]), 14.0),
    ];
    header.extend(
        columns
            .iter()
            .map(|(_, name)| Column::new(name.clone(), 22.0)),
    );
    Report {
        title: text(
            lang,
            "sheet-timetable-title",
            &[("year", week.year.name().as_str().into())],
        ),
        subtitle: Some(printed(lang, org, today)),
        columns: header,
        rows,
        footer_rows: Vec::new(),
        chart: None,
        landscape: true,
    }
}

/// The day's name as a heading: "Дүйсенбі", "Понедельник".
pub fn weekday(lang: Lang, day: u32) -> String {
    let name = text(lang, &format!("timetable-weekday-{day}"), &[]);
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[utoipa::path(get, path = "/api/v1/timetable/export", operation_id = "exportTimetable", tag = "timetable",
    params(ExportQuery), security(("bearer" = [])),
    responses((status = 200, body = crate::oversight::FileBytes), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn export(
    State(state): State<ApiState>,
    caller: Caller,
    q: Result<Query<ExportQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    caller.may(Operation::ExportTimetable)?;
    let q = school::query(q)?;
    if q.format == Format::Json {
        return Err(ApiError::bad_request("format"));
    }
    let lang = lang_of(&caller);
    let by = q.by.unwrap_or_default();
    let (report, year) = state
        .with(move |org| {
            let today = school_date(org.now());
            let week = week_of(org)?;
            let name = organisation_name(org.store()?)?;
            Ok((sheet(&week, by, lang, &name, today), week.year.name()))
        })
        .await?;
    file(report, q.format, format!("timetable-{year}")).await
}
