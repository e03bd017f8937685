//! The year's week as the store holds it, laid over the timetabling instance built from its plan,
//! and what a change of it means: the commands that save it, and what a hand move would break.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use dala_core::Command;
use dala_core::generator::{self, Placement, Timetable, Violation};
use dala_core::group::Class;
use dala_core::journal_plan;
use dala_core::room::Room;
use dala_core::school_timetable::{
    DayOff, Placed, Problem, TimetableLesson, WeekClass, WeekNorms, WeekPlan, slot, standard_week,
};
use dala_core::timetable::{Rule, Slot};
use dala_core::year::{AcademicYear, Term};
use dala_store::{Store, StoreError};
use uuid::Uuid;

use super::Moved;
use crate::error::ApiError;
use crate::load::{YearPlan, year_plan};
use crate::school;

/// The year's week as the store holds it, laid over the instance built from its plan.
pub struct Week {
    pub year: AcademicYear,
    pub problem: Problem,
    pub stored: Vec<TimetableLesson>,
    pub placed: Placed,
    pub classes: Vec<Class>,
    pub rooms: Vec<Room>,
    pub days_off: Vec<DayOff>,
    pub(super) names: HashMap<Uuid, String>,
    pub(super) norms: &'static WeekNorms,
}

/// The current year's week; `None` while the store has no year.
pub fn read_week(store: &Store, today: NaiveDate) -> Result<Option<Week>, StoreError> {
    let Some(YearPlan {
        year,
        classes,
        plan,
        curriculum,
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
        curriculum: &curriculum,
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
        // The classes whose week changed: a lesson new or moved, or one no longer there.
        let was: HashMap<Uuid, (u32, u32)> = self
            .stored
            .iter()
            .map(|s| (s.id, (s.day, s.period)))
            .collect();
        let now: HashMap<Uuid, (u32, u32)> =
            lessons.iter().map(|l| (l.id, (l.day, l.period))).collect();
        let moved: BTreeSet<Uuid> = lessons
            .iter()
            .filter(|l| was.get(&l.id) != Some(&(l.day, l.period)))
            .map(|l| l.class_id)
            .chain(
                self.stored
                    .iter()
                    .filter(|s| !now.contains_key(&s.id))
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
    pub(super) fn activity_of(&self, lesson: Uuid) -> Result<usize, ApiError> {
        self.placed
            .ids
            .iter()
            .position(|id| *id == Some(lesson))
            .ok_or_else(|| school::not_found("timetable_lesson"))
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
                .ok_or_else(|| school::not_found("timetable_lesson"))?,
        };
        if !(1..=self.norms.days).contains(&day) {
            return Err(dala_core::CoreError::WeekdayInvalid {
                max: self.norms.days,
            }
            .into());
        }
        if !(1..=self.norms.periods()).contains(&period) {
            return Err(dala_core::CoreError::PeriodInvalid {
                max: i64::from(self.norms.periods()),
            }
            .into());
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
}
