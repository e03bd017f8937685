//! The timetable's JSON: the deputy's view of the week with every broken rule in words, and the
//! requests that change it.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use dala_core::generator::{self, Kind, Violation, Who};
use dala_core::room::Room;
use dala_i18n::{Arg, Lang, error_message};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::Week;
use crate::error::ApiError;
use crate::oversight::{subject_name, text};

impl Week {
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
            rooms: self.rooms.iter().map(RoomRef::from).collect(),
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
    pub(super) fn refusal(&self, v: &Violation, lang: Lang) -> ApiError {
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
            Kind::HardLast { who: w, slot } => {
                args.push(("who", who(w)));
                args.push(("when", when(slot)));
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

impl From<&Room> for RoomRef {
    fn from(r: &Room) -> RoomRef {
        RoomRef {
            room_id: r.id.to_string(),
            name: r.name.clone(),
            kind: r.kind.code().to_string(),
        }
    }
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
    pub(super) fn what(&self) -> Result<Moved, ApiError> {
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
