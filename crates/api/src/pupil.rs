//! A pupil's own journal (R27.1), for the student and for their parents: the class, each subject's
//! term grade and marks, the homework set and the lessons missed. A student sees themselves; a
//! parent sees each child a `Guardianship` links them to, and nobody else — the people shown
//! come from the caller's account and its links, never from the request.

use std::cmp::Reverse;
use std::collections::BTreeSet;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use chrono::NaiveDate;
use dala_core::CoreError;
use dala_core::account::Role;
use dala_core::assessment::rule_set_for;
use dala_core::assignment::Guardianship;
use dala_core::enrolment::Enrolment;
use dala_core::group::{AgeGroup, Class};
use dala_core::journal::{self, Attendance, Lesson};
use dala_core::register::{self, Presence};
use dala_core::year::{AcademicYear, Term, school_date};
use dala_store::Store;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::ApiState;
use crate::attendance::Month;
use crate::error::{ApiError, ErrorBody};
use crate::journal::TermGradeView;
use crate::oversight::{marks_of, subject_name, subject_order};
use crate::permission::Operation;
use crate::school::{self, TermView};
use crate::session::Caller;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MyJournalQuery {
    /// A term of the current year; by default the current term.
    pub term_id: Option<Uuid>,
}

#[derive(Serialize, ToSchema)]
pub struct OwnMark {
    pub date: String,
    pub kind: String,
    pub attendance: Option<String>,
    pub score: Option<i64>,
    pub max_score: Option<i64>,
    pub topic: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct OwnSubject {
    pub subject: String,
    pub subject_name: String,
    pub grade: TermGradeView,
    /// The pupil's cells on the subject's lessons, by date.
    pub marks: Vec<OwnMark>,
}

#[derive(Serialize, ToSchema)]
pub struct Homework {
    pub date: String,
    pub subject_name: String,
    pub homework: String,
}

#[derive(Serialize, ToSchema, Default)]
pub struct AttendanceTotals {
    /// Lessons of the term up to today while the pupil was in the class. For a kindergarten child:
    /// the days of this month whose register was kept.
    pub lessons: usize,
    pub absent: usize,
    pub ill: usize,
    /// For a kindergarten child also the parents' vacation.
    pub excused: usize,
    pub late: usize,
}

#[derive(Serialize, ToSchema)]
pub struct OwnJournal {
    pub student_id: String,
    pub name: String,
    /// The class (or kindergarten group) of the current year; empty when there is none.
    pub class_name: String,
    pub subjects: Vec<OwnSubject>,
    /// Lessons with homework, newest first.
    pub homework: Vec<Homework>,
    pub attendance: AttendanceTotals,
}

#[derive(Serialize, ToSchema)]
pub struct MyJournalView {
    pub terms: Vec<TermView>,
    /// The term shown; `null` where the year has no terms (a kindergarten).
    pub term_id: Option<String>,
    pub children: Vec<OwnJournal>,
}

/// The pupils the caller may see: themselves, or a parent's linked children.
fn whose(caller: &Caller, store: &Store) -> Result<Vec<Uuid>, ApiError> {
    let Some(me) = caller.account.person_id else {
        return Ok(Vec::new());
    };
    if caller.account.role != Role::Parent {
        return Ok(vec![me]);
    }
    let mut children: Vec<Uuid> = store
        .find::<Guardianship>("parent_id", &me.to_string())?
        .into_iter()
        .map(|g| g.child_id)
        .collect();
    children.sort();
    children.dedup();
    Ok(children)
}

/// Where the pupil is this year: today's group, or the one of the term shown, or the latest.
fn placement<'a>(
    enrolments: &'a [Enrolment],
    term: Option<&Term>,
    today: NaiveDate,
) -> Option<&'a Enrolment> {
    enrolments
        .iter()
        .find(|e| e.covers(today))
        .or_else(|| {
            let term = term?;
            enrolments
                .iter()
                .find(|e| e.from <= term.ends && e.to.is_none_or(|to| to >= term.starts))
        })
        .or_else(|| enrolments.iter().max_by_key(|e| e.from))
}

struct Asked<'a> {
    year: Option<&'a AcademicYear>,
    term: Option<&'a Term>,
    today: NaiveDate,
    lang: &'a str,
}

fn own_journal(
    store: &Store,
    pupil: Uuid,
    name: String,
    asked: &Asked,
) -> Result<OwnJournal, ApiError> {
    let mut own = OwnJournal {
        student_id: pupil.to_string(),
        name,
        class_name: String::new(),
        subjects: Vec::new(),
        homework: Vec::new(),
        attendance: AttendanceTotals::default(),
    };
    let Some(year) = asked.year else {
        return Ok(own);
    };
    let enrolments: Vec<Enrolment> = store
        .find::<Enrolment>("person_id", &pupil.to_string())?
        .into_iter()
        .filter(|e| e.year_id == year.id)
        .collect();
    let Some(placed) = placement(&enrolments, asked.term, asked.today) else {
        return Ok(own);
    };
    if let Some(class) = store.get::<Class>(placed.group_id)? {
        own.class_name = class.name();
        if let Some(term) = asked.term {
            let in_class = |day: NaiveDate| {
                enrolments
                    .iter()
                    .any(|e| e.group_id == class.id && e.covers(day))
            };
            class_journal(store, &class, term, pupil, in_class, asked, &mut own)?;
        }
    } else if let Some(group) = store.get::<AgeGroup>(placed.group_id)? {
        own.class_name = group.name.clone();
        own.attendance = register_totals(store, group.id, pupil, asked.today)?;
    }
    Ok(own)
}

fn class_journal(
    store: &Store,
    class: &Class,
    term: &Term,
    pupil: Uuid,
    in_class: impl Fn(NaiveDate) -> bool,
    asked: &Asked,
    own: &mut OwnJournal,
) -> Result<(), ApiError> {
    let lessons: Vec<Lesson> = store
        .lessons_of(class.id, term.id)?
        .into_iter()
        .filter(|l| in_class(l.date))
        .collect();
    let marks = marks_of(store, class.id, term.id)?;
    let rules = rule_set_for(term.starts);
    let mut codes: Vec<String> = lessons
        .iter()
        .map(|l| l.subject.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    codes.sort_by_key(|c| subject_order(c));
    for code in codes {
        let of_subject: Vec<&Lesson> = lessons.iter().filter(|l| l.subject == code).collect();
        let grades = journal::term_grades(rules, &of_subject, &marks, &[pupil]);
        let Some((_, grade)) = grades.first() else {
            continue;
        };
        own.subjects.push(OwnSubject {
            subject_name: subject_name(&code, asked.lang),
            grade: TermGradeView::new(pupil, grade),
            marks: of_subject
                .iter()
                .filter_map(|l| {
                    let mark = marks.get(&(l.id, pupil))?;
                    Some(OwnMark {
                        date: l.date.to_string(),
                        kind: l.kind.code().to_string(),
                        attendance: mark.attendance.map(|a| a.code().to_string()),
                        score: mark.score,
                        max_score: l.max_score,
                        topic: l.topic.clone(),
                    })
                })
                .collect(),
            subject: code,
        });
    }
    let mut set: Vec<&Lesson> = lessons.iter().filter(|l| l.homework.is_some()).collect();
    set.sort_by_key(|l| Reverse((l.date, l.period)));
    own.homework = set
        .into_iter()
        .map(|l| Homework {
            date: l.date.to_string(),
            subject_name: subject_name(&l.subject, asked.lang),
            homework: l.homework.clone().unwrap_or_default(),
        })
        .collect();
    let totals = &mut own.attendance;
    for lesson in lessons.iter().filter(|l| l.date <= asked.today) {
        totals.lessons += 1;
        match marks.get(&(lesson.id, pupil)).and_then(|m| m.attendance) {
            Some(Attendance::Absent) => totals.absent += 1,
            Some(Attendance::Ill) => totals.ill += 1,
            Some(Attendance::Excused) => totals.excused += 1,
            Some(Attendance::Late) => totals.late += 1,
            None => {}
        }
    }
    Ok(())
}

/// A kindergarten child has no lessons: their parent sees this month's register instead.
fn register_totals(
    store: &Store,
    group: Uuid,
    child: Uuid,
    today: NaiveDate,
) -> Result<AttendanceTotals, ApiError> {
    let month = Month::read(store, group, register::month_of(today), today)?;
    let mut totals = AttendanceTotals::default();
    for day in month.kept_days() {
        if day > today || !month.enrolled(child, day) {
            continue;
        }
        totals.lessons += 1;
        match month.cells.get(&(day, child)).map(|c| c.0) {
            Some(Presence::Absent) => totals.absent += 1,
            Some(Presence::Ill) => totals.ill += 1,
            Some(Presence::Excused | Presence::Vacation) => totals.excused += 1,
            None => {}
        }
    }
    Ok(totals)
}

#[utoipa::path(get, path = "/api/v1/me/journal", operation_id = "myJournal", tag = "journal",
    params(MyJournalQuery), security(("bearer" = [])),
    responses((status = 200, body = MyJournalView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn my_journal(
    State(state): State<ApiState>,
    caller: Caller,
    q: Result<Query<MyJournalQuery>, QueryRejection>,
) -> Result<Json<MyJournalView>, ApiError> {
    caller.may(Operation::MyJournal)?;
    let q = school::query(q)?;
    state
        .with(move |org| {
            let today = school_date(org.now());
            let store = org.store()?;
            let year = school::current_year(store, today)?;
            let terms = match &year {
                Some(year) => school::terms_of(store, year.id)?,
                None => Vec::new(),
            };
            let term = match q.term_id {
                Some(id) => Some(
                    terms
                        .iter()
                        .find(|t| t.id == id)
                        .ok_or(CoreError::NotFound { entity: "term" })?,
                ),
                None => school::current_term(&terms, today),
            };
            let asked = Asked {
                year: year.as_ref(),
                term,
                today,
                lang: school::lang(&caller),
            };
            let names = school::names(store)?;
            let children = whose(&caller, store)?
                .into_iter()
                .filter_map(|id| Some((id, names.get(&id)?.clone())))
                .map(|(id, name)| own_journal(store, id, name, &asked))
                .collect::<Result<_, _>>()?;
            Ok(Json(MyJournalView {
                terms: terms.iter().map(TermView::from).collect(),
                term_id: term.map(|t| t.id.to_string()),
                children,
            }))
        })
        .await
}
