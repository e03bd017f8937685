//! The journal's lessons from the timetable and the calendar: a class's lessons of a term are its
//! week's lessons on every school day of the term, public holidays left out. The timetable
//! changing changes the lessons still to come, never the past ones or those a teacher has
//! already written in (marks, comments, a topic or homework, a СОр or СОч).

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use uuid::Uuid;

use crate::journal::{Lesson, LessonKind};
use crate::school_timetable::TimetableLesson;
use crate::year::Term;

const HOLIDAYS_JSON: &str = include_str!("../data/holidays.json");

/// The days off by law, as data: a change of the law is an edit of the file, not of the code.
#[derive(Debug, Clone, Deserialize)]
pub struct Holidays {
    pub source: String,
    pub confidence: String,
    /// `MM-DD`, every year.
    pub every_year: Vec<String>,
    /// The movable ones, by date.
    pub dated: Vec<NaiveDate>,
}

pub fn holidays() -> &'static Holidays {
    static HOLIDAYS: OnceLock<Holidays> = OnceLock::new();
    HOLIDAYS.get_or_init(|| {
        serde_json::from_str(HOLIDAYS_JSON)
            .expect("data/holidays.json is compiled in and checked by its tests")
    })
}

impl Holidays {
    pub fn contains(&self, day: NaiveDate) -> bool {
        let month_day = day.format("%m-%d").to_string();
        self.every_year.contains(&month_day) || self.dated.contains(&day)
    }
}

/// The class's lessons of the term from `from` on, by its week (`week` holds the class's
/// timetable lessons; `days` is 5 or 6). Subgroups taught at the same period are one lesson of
/// the journal.
pub fn planned(
    week: &[TimetableLesson],
    term: &Term,
    from: NaiveDate,
    days: u32,
    new_id: &mut dyn FnMut() -> Uuid,
) -> Vec<Lesson> {
    let slots: BTreeSet<(u32, u32, &str, Uuid)> = week
        .iter()
        .map(|l| (l.day, l.period, l.subject.as_str(), l.teacher_id))
        .collect();
    let mut lessons: Vec<Lesson> = Vec::new();
    let mut day = from.max(term.starts);
    while day <= term.ends {
        let weekday = day.weekday().number_from_monday();
        if weekday <= days && !holidays().contains(day) {
            for &(_, period, subject, teacher) in slots.iter().filter(|s| s.0 == weekday) {
                let taken = lessons.iter().any(|l| {
                    l.date == day && l.period == i64::from(period) && l.subject == subject
                });
                if taken {
                    continue;
                }
                lessons.push(Lesson {
                    id: new_id(),
                    class_id: week[0].class_id,
                    term_id: term.id,
                    subject: subject.to_string(),
                    date: day,
                    period: i64::from(period),
                    topic: None,
                    homework: None,
                    kind: LessonKind::Ordinary,
                    max_score: None,
                    teacher_id: Some(teacher),
                    taken: false,
                });
            }
        }
        day = day.succ_opt().expect("a calendar date");
    }
    lessons
}

/// Whether a lesson still to come may be taken away when the timetable no longer has it: only
/// when nobody has written anything in it.
pub fn untouched(lesson: &Lesson, has_cells: bool) -> bool {
    lesson.kind == LessonKind::Ordinary
        && lesson.topic.is_none()
        && lesson.homework.is_none()
        && !lesson.taken
        && !has_cells
}
