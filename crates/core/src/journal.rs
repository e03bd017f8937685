//! The school journal: lessons of a class in a term, and the marks of its pupils on them —
//! attendance, formative marks, СОр and СОч scores — with every rule a saved mark must keep.
//! Lessons are entities of the class's term journal; a mark is one short scalar in that
//! document's `marks` grid (lesson → student → `"l8"`), so a whole register is one small change
//! and two devices editing the same cell are kept as a conflict, not overwritten.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

use crate::assessment::{RuleSet, Scores, TermGrade};
use crate::assignment::Assignment;
use crate::error::CoreError;
use crate::group::Class;
use crate::record::{Collection, DocKey, Entity, Fields, Value};
use crate::subject;
use crate::year::Term;

/// The longest topic, homework or comment kept, in characters.
pub const MAX_TEXT: usize = 2000;
/// Lessons a day are numbered from 1; no school day has more than this.
pub const MAX_PERIOD: i64 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LessonKind {
    /// An ordinary lesson: formative marks (ФО) on the 10-point scale.
    Ordinary,
    /// Summative assessment for a section (СОр): points out of the lesson's max.
    Sor,
    /// Summative assessment for the quarter (СОч): points out of the lesson's max.
    Soch,
}

impl LessonKind {
    pub fn code(self) -> &'static str {
        match self {
            LessonKind::Ordinary => "ordinary",
            LessonKind::Sor => "sor",
            LessonKind::Soch => "soch",
        }
    }

    pub fn from_code(code: &str) -> Option<LessonKind> {
        [LessonKind::Ordinary, LessonKind::Sor, LessonKind::Soch]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    pub id: Uuid,
    pub class_id: Uuid,
    pub term_id: Uuid,
    pub subject: String,
    pub date: NaiveDate,
    pub period: i64,
    pub topic: Option<String>,
    pub homework: Option<String>,
    pub kind: LessonKind,
    /// СОр and СОч only.
    pub max_score: Option<i64>,
    /// The teacher who gave it, when a teacher added it.
    pub teacher_id: Option<Uuid>,
    /// Attendance was taken: set by the first save of the lesson's register.
    pub taken: bool,
}

/// Who asks: a teacher is held to the classes and subjects assigned to them; a deputy or the
/// director (decided by the API from the role) keeps any journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acting {
    Teacher(Uuid),
    Supervisor,
}

impl Acting {
    /// Whether the actor may keep the group's journal (or register) for the subject.
    pub fn may_keep(
        self,
        assignments: &[Assignment],
        group: Uuid,
        subject: Option<&str>,
    ) -> Result<(), CoreError> {
        match self {
            Acting::Supervisor => Ok(()),
            Acting::Teacher(person)
                if assignments.iter().any(|a| a.covers(person, group, subject)) =>
            {
                Ok(())
            }
            Acting::Teacher(_) => Err(CoreError::NotYourClass),
        }
    }

    pub fn teacher(self) -> Option<Uuid> {
        match self {
            Acting::Teacher(id) => Some(id),
            Acting::Supervisor => None,
        }
    }
}

fn check_text(text: &Option<String>) -> Result<(), CoreError> {
    match text {
        Some(t) if t.chars().count() > MAX_TEXT => Err(CoreError::TextTooLong { max: MAX_TEXT }),
        _ => Ok(()),
    }
}

impl Lesson {
    pub fn doc_key(&self) -> DocKey {
        DocKey::Journal {
            class: self.class_id,
            term: self.term_id,
        }
    }

    /// `others` are the lessons already in the class's journal for the term.
    pub fn validate(
        &self,
        class: &Class,
        term: &Term,
        others: &[Lesson],
        rules: &RuleSet,
    ) -> Result<(), CoreError> {
        if subject::subject(&self.subject).is_none() {
            return Err(CoreError::SubjectUnknown {
                code: self.subject.clone(),
            });
        }
        if term.year_id != class.year_id || self.date < term.starts || self.date > term.ends {
            return Err(CoreError::LessonOutsideTerm);
        }
        if !(1..=MAX_PERIOD).contains(&self.period) {
            return Err(CoreError::PeriodInvalid { max: MAX_PERIOD });
        }
        let max_fits = match self.kind {
            LessonKind::Ordinary => self.max_score.is_none(),
            LessonKind::Sor | LessonKind::Soch => {
                self.max_score.is_some_and(|m| (1..=100).contains(&m))
            }
        };
        if !max_fits {
            return Err(CoreError::MaxScoreInvalid);
        }
        check_text(&self.topic)?;
        check_text(&self.homework)?;
        let others = || others.iter().filter(|l| l.id != self.id);
        // Two subjects may share a period when the class is split (English for one half,
        // informatics for the other); one subject may not.
        let same = |l: &&Lesson| l.subject == self.subject;
        if others()
            .filter(same)
            .any(|l| l.date == self.date && l.period == self.period)
        {
            return Err(CoreError::PeriodTaken);
        }
        let limits = rules.limits;
        match self.kind {
            LessonKind::Soch if self.date == term.ends && !limits.soch_on_last_day => {
                Err(CoreError::SochLastDay)
            }
            LessonKind::Soch
                if others()
                    .filter(|l| l.kind == LessonKind::Soch && l.date == self.date)
                    .count()
                    >= limits.soch_per_day =>
            {
                Err(CoreError::TooManySoch {
                    max: limits.soch_per_day,
                })
            }
            LessonKind::Sor
                if others()
                    .filter(|l| l.kind == LessonKind::Sor && l.subject == self.subject)
                    .count()
                    >= limits.sor_per_term =>
            {
                Err(CoreError::TooManySor {
                    max: limits.sor_per_term,
                })
            }
            _ => Ok(()),
        }
    }
}

impl Entity for Lesson {
    const COLLECTION: Collection = Collection::Lessons;

    fn id(&self) -> Uuid {
        self.id
    }

    fn doc(&self) -> DocKey {
        self.doc_key()
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("class_id", self.class_id.into()),
            ("term_id", self.term_id.into()),
            ("subject", self.subject.clone().into()),
            ("date", self.date.into()),
            ("period", self.period.into()),
            ("topic", self.topic.clone().into()),
            ("homework", self.homework.clone().into()),
            ("kind", self.kind.code().into()),
            ("max_score", self.max_score.into()),
            ("teacher_id", self.teacher_id.into()),
            ("taken", i64::from(self.taken).into()),
        ]
    }

    fn from_fields(id: Uuid, fields: &Fields) -> Result<Self, CoreError> {
        let r = Self::reader(fields);
        Ok(Lesson {
            id,
            class_id: r.parse("class_id")?,
            term_id: r.parse("term_id")?,
            subject: r.text("subject")?,
            date: r.parse("date")?,
            period: r.int("period")?,
            topic: r.opt_text("topic")?,
            homework: r.opt_text("homework")?,
            kind: r.code("kind", LessonKind::from_code)?,
            max_score: match fields.get("max_score") {
                Some(Value::Int(n)) => Some(*n),
                None | Some(Value::Null) => None,
                Some(Value::Text(_)) => return Err(r.invalid("max_score")),
            },
            teacher_id: r.opt_parse("teacher_id")?,
            taken: matches!(fields.get("taken"), Some(Value::Int(1))),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    Absent,
    /// Absent for illness.
    Ill,
    /// Absent for another good reason (a certificate, the school's permission).
    Excused,
    Late,
}

impl Attendance {
    pub const ALL: [Attendance; 4] = [
        Attendance::Absent,
        Attendance::Ill,
        Attendance::Excused,
        Attendance::Late,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Attendance::Absent => "absent",
            Attendance::Ill => "ill",
            Attendance::Excused => "excused",
            Attendance::Late => "late",
        }
    }

    pub fn from_code(code: &str) -> Option<Attendance> {
        Attendance::ALL.into_iter().find(|a| a.code() == code)
    }

    /// The letter a cell keeps: short, because a term journal holds thousands of cells.
    fn letter(self) -> char {
        match self {
            Attendance::Absent => 'a',
            Attendance::Ill => 'i',
            Attendance::Excused => 'e',
            Attendance::Late => 'l',
        }
    }

    /// Missed the lesson (late is present).
    pub fn missed(self) -> bool {
        self != Attendance::Late
    }
}

/// One cell of the journal: attendance and a score, either or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Mark {
    pub attendance: Option<Attendance>,
    pub score: Option<i64>,
}

impl Mark {
    pub fn is_empty(&self) -> bool {
        self.attendance.is_none() && self.score.is_none()
    }

    /// `"l8"`: the attendance letter, then the score; `None` for an empty cell.
    pub fn encode(&self) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let mut out = String::new();
        if let Some(a) = self.attendance {
            out.push(a.letter());
        }
        if let Some(s) = self.score {
            out.push_str(&s.to_string());
        }
        Some(out)
    }

    /// Reads a cell back; `None` for text no version of Dala writes.
    pub fn decode(cell: &str) -> Option<Mark> {
        let mut chars = cell.chars();
        let attendance = match cell.chars().next()? {
            c if c.is_ascii_digit() => None,
            c => {
                chars.next();
                Some(Attendance::ALL.into_iter().find(|a| a.letter() == c)?)
            }
        };
        let rest = chars.as_str();
        let score = match rest {
            "" => None,
            digits if digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()) => {
                Some(digits.parse().ok()?)
            }
            _ => return None,
        };
        Some(Mark { attendance, score })
    }
}

/// One cell a teacher saves. A comment of `None` leaves the comment as it is; `Some("")` clears it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellEdit {
    pub lesson_id: Uuid,
    pub student_id: Uuid,
    pub mark: Mark,
    pub comment: Option<String>,
}

impl CellEdit {
    /// The rules of one mark on its lesson; `enrolled` says whether the student was in the class
    /// on the lesson's day.
    pub fn check(
        &self,
        lesson: &Lesson,
        class: &Class,
        enrolled: bool,
        rules: &RuleSet,
        today: NaiveDate,
    ) -> Result<(), CoreError> {
        if lesson.date > today {
            return Err(CoreError::LessonInFuture);
        }
        if !enrolled {
            return Err(CoreError::NotEnrolled);
        }
        check_text(&self.comment)?;
        let Some(score) = self.mark.score else {
            return Ok(());
        };
        if class.grade < rules.limits.first_graded_grade {
            return Err(CoreError::NoMarksForGrade);
        }
        if self.mark.attendance.is_some_and(Attendance::missed) {
            return Err(CoreError::AbsentWithScore);
        }
        let (min, max) = match lesson.kind {
            LessonKind::Ordinary => (1, rules.formative_scale_max),
            LessonKind::Sor | LessonKind::Soch => (0, lesson.max_score.unwrap_or(0)),
        };
        if !(min..=max).contains(&score) {
            return Err(CoreError::ScoreOutOfRange { min, max });
        }
        Ok(())
    }
}

/// The term grade of each student from the marks of one subject's lessons.
pub fn term_grades(
    rules: &RuleSet,
    lessons: &[&Lesson],
    marks: &HashMap<(Uuid, Uuid), Mark>,
    students: &[Uuid],
) -> Vec<(Uuid, TermGrade)> {
    students
        .iter()
        .map(|&student| {
            let mut scores = Scores::default();
            let mut soch: Option<(i64, i64)> = None;
            for lesson in lessons {
                let Some(score) = marks.get(&(lesson.id, student)).and_then(|m| m.score) else {
                    continue;
                };
                let max = lesson.max_score.unwrap_or(0);
                match lesson.kind {
                    LessonKind::Ordinary => scores.formative.push(score),
                    LessonKind::Sor => scores.sor.push((score, max)),
                    LessonKind::Soch => {
                        let (p, m) = soch.unwrap_or((0, 0));
                        soch = Some((p + score, m + max));
                    }
                }
            }
            scores.soch = soch;
            (student, rules.term_grade(&scores))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::rule_set_for;
    use crate::org::Language;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn class(grade: i64) -> Class {
        Class {
            id: Uuid::from_u128(1),
            year_id: Uuid::from_u128(2),
            grade,
            letter: "А".into(),
            language: Language::Kazakh,
        }
    }

    fn term() -> Term {
        Term {
            id: Uuid::from_u128(3),
            year_id: Uuid::from_u128(2),
            number: 2,
            starts: date(11, 3),
            ends: date(12, 28),
        }
    }

    fn lesson(n: u128, kind: LessonKind, day: u32, period: i64) -> Lesson {
        Lesson {
            id: Uuid::from_u128(100 + n),
            class_id: Uuid::from_u128(1),
            term_id: Uuid::from_u128(3),
            subject: "mathematics".into(),
            date: date(11, day),
            period,
            topic: None,
            homework: None,
            kind,
            max_score: (kind != LessonKind::Ordinary).then_some(20),
            teacher_id: None,
            taken: false,
        }
    }

    fn rules() -> &'static RuleSet {
        rule_set_for(date(9, 1))
    }

    #[test]
    fn a_cell_keeps_attendance_and_score_in_a_few_bytes() {
        let cases = [
            (
                Mark {
                    attendance: Some(Attendance::Late),
                    score: Some(8),
                },
                "l8",
            ),
            (
                Mark {
                    attendance: Some(Attendance::Absent),
                    score: None,
                },
                "a",
            ),
            (
                Mark {
                    attendance: None,
                    score: Some(10),
                },
                "10",
            ),
            (
                Mark {
                    attendance: Some(Attendance::Ill),
                    score: None,
                },
                "i",
            ),
        ];
        for (mark, cell) in cases {
            assert_eq!(mark.encode().as_deref(), Some(cell));
            assert_eq!(Mark::decode(cell), Some(mark));
        }
        assert_eq!(Mark::default().encode(), None);
        for bad in ["", "x", "a-1", "8a", "l 8"] {
            assert_eq!(Mark::decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_lesson_lies_inside_its_term_in_a_free_period() {
        let (c, t) = (class(5), term());
        assert_eq!(
            lesson(1, LessonKind::Ordinary, 23, 2).validate(&c, &t, &[], rules()),
            Ok(())
        );
        let mut early = lesson(1, LessonKind::Ordinary, 2, 2);
        early.date = date(11, 2);
        assert_eq!(
            early.validate(&c, &t, &[], rules()),
            Err(CoreError::LessonOutsideTerm)
        );
        let taken = [lesson(2, LessonKind::Ordinary, 23, 2)];
        assert_eq!(
            lesson(1, LessonKind::Ordinary, 23, 2).validate(&c, &t, &taken, rules()),
            Err(CoreError::PeriodTaken)
        );
        assert_eq!(
            lesson(1, LessonKind::Ordinary, 23, 13).validate(&c, &t, &[], rules()),
            Err(CoreError::PeriodInvalid { max: 12 })
        );
        let mut unknown = lesson(1, LessonKind::Ordinary, 23, 1);
        unknown.subject = "alchemy".into();
        assert!(matches!(
            unknown.validate(&c, &t, &[], rules()),
            Err(CoreError::SubjectUnknown { .. })
        ));
    }

    #[test]
    fn summative_work_has_a_max_and_keeps_to_the_limits() {
        let (c, t) = (class(5), term());
        let mut no_max = lesson(1, LessonKind::Sor, 23, 1);
        no_max.max_score = None;
        assert_eq!(
            no_max.validate(&c, &t, &[], rules()),
            Err(CoreError::MaxScoreInvalid)
        );
        let mut ordinary_with_max = lesson(1, LessonKind::Ordinary, 23, 1);
        ordinary_with_max.max_score = Some(10);
        assert_eq!(
            ordinary_with_max.validate(&c, &t, &[], rules()),
            Err(CoreError::MaxScoreInvalid)
        );
        // Three СОч a day at most, whatever their subjects.
        let three: Vec<_> = (1..=3)
            .map(|p| lesson(10 + p as u128, LessonKind::Soch, 24, p))
            .collect();
        assert_eq!(
            lesson(1, LessonKind::Soch, 24, 4).validate(&c, &t, &three, rules()),
            Err(CoreError::TooManySoch { max: 3 })
        );
        assert_eq!(
            lesson(1, LessonKind::Soch, 25, 4).validate(&c, &t, &three, rules()),
            Ok(())
        );
        // None on the quarter's last day.
        let mut last = lesson(1, LessonKind::Soch, 23, 1);
        last.date = t.ends;
        assert_eq!(
            last.validate(&c, &t, &[], rules()),
            Err(CoreError::SochLastDay)
        );
        // Three СОр a quarter per subject.
        let sors: Vec<_> = (1..=3)
            .map(|d| lesson(20 + d as u128, LessonKind::Sor, 10 + d as u32, 1))
            .collect();
        assert_eq!(
            lesson(1, LessonKind::Sor, 25, 1).validate(&c, &t, &sors, rules()),
            Err(CoreError::TooManySor { max: 3 })
        );
        let mut other_subject = lesson(1, LessonKind::Sor, 25, 1);
        other_subject.subject = "physics".into();
        assert_eq!(other_subject.validate(&c, &t, &sors, rules()), Ok(()));
    }

    fn edit(attendance: Option<Attendance>, score: Option<i64>) -> CellEdit {
        CellEdit {
            lesson_id: Uuid::from_u128(101),
            student_id: Uuid::from_u128(9),
            mark: Mark { attendance, score },
            comment: None,
        }
    }

    #[test]
    fn every_mark_rule_names_its_error() {
        let today = date(11, 23);
        let (c, ord, sor) = (
            class(5),
            lesson(1, LessonKind::Ordinary, 20, 1),
            lesson(2, LessonKind::Sor, 20, 2),
        );
        let check =
            |e: &CellEdit, l: &Lesson, c: &Class, enrolled| e.check(l, c, enrolled, rules(), today);
        assert_eq!(check(&edit(None, Some(10)), &ord, &c, true), Ok(()));
        assert_eq!(
            check(&edit(Some(Attendance::Late), Some(7)), &ord, &c, true),
            Ok(())
        );
        assert_eq!(check(&edit(None, Some(20)), &sor, &c, true), Ok(()));
        assert_eq!(check(&edit(None, Some(0)), &sor, &c, true), Ok(()));
        assert_eq!(
            check(&edit(None, Some(11)), &ord, &c, true),
            Err(CoreError::ScoreOutOfRange { min: 1, max: 10 })
        );
        assert_eq!(
            check(&edit(None, Some(0)), &ord, &c, true),
            Err(CoreError::ScoreOutOfRange { min: 1, max: 10 })
        );
        assert_eq!(
            check(&edit(None, Some(21)), &sor, &c, true),
            Err(CoreError::ScoreOutOfRange { min: 0, max: 20 })
        );
        assert_eq!(
            check(&edit(Some(Attendance::Absent), Some(5)), &ord, &c, true),
            Err(CoreError::AbsentWithScore)
        );
        assert_eq!(
            check(&edit(Some(Attendance::Absent), None), &ord, &c, false),
            Err(CoreError::NotEnrolled)
        );
        assert_eq!(
            check(&edit(None, Some(5)), &ord, &class(1), true),
            Err(CoreError::NoMarksForGrade)
        );
        assert_eq!(
            check(&edit(Some(Attendance::Ill), None), &ord, &class(1), true),
            Ok(())
        );
        let tomorrow = lesson(3, LessonKind::Ordinary, 24, 1);
        assert_eq!(
            check(&edit(Some(Attendance::Absent), None), &tomorrow, &c, true),
            Err(CoreError::LessonInFuture)
        );
        let mut long = edit(None, Some(5));
        long.comment = Some("ы".repeat(MAX_TEXT + 1));
        assert_eq!(
            check(&long, &ord, &c, true),
            Err(CoreError::TextTooLong { max: MAX_TEXT })
        );
    }

    #[test]
    fn a_teacher_keeps_only_the_journals_assigned() {
        let teacher = Uuid::from_u128(50);
        let assigned = [Assignment {
            id: Uuid::from_u128(60),
            year_id: Uuid::from_u128(2),
            group_id: Uuid::from_u128(1),
            subject: Some("mathematics".into()),
            teacher_id: teacher,
            subgroup: None,
            hours: None,
        }];
        let class = Uuid::from_u128(1);
        assert_eq!(
            Acting::Teacher(teacher).may_keep(&assigned, class, Some("mathematics")),
            Ok(())
        );
        assert_eq!(
            Acting::Teacher(teacher).may_keep(&assigned, class, Some("physics")),
            Err(CoreError::NotYourClass)
        );
        assert_eq!(
            Acting::Teacher(Uuid::from_u128(51)).may_keep(&assigned, class, Some("mathematics")),
            Err(CoreError::NotYourClass)
        );
        assert_eq!(
            Acting::Supervisor.may_keep(&[], class, Some("physics")),
            Ok(())
        );
    }

    #[test]
    fn term_grades_gather_each_kind_of_work() {
        // ФО 8 and 10 → 90 %; СОр 15/20 → 75 %; СОч 16/20 → 80 %;
        // total = 0.25·90 + 0.25·75 + 0.5·80 = 81.25 → «4».
        let lessons = [
            lesson(1, LessonKind::Ordinary, 10, 1),
            lesson(2, LessonKind::Ordinary, 11, 1),
            lesson(3, LessonKind::Sor, 12, 1),
            lesson(4, LessonKind::Soch, 13, 1),
        ];
        let (a, b) = (Uuid::from_u128(9), Uuid::from_u128(10));
        let m = |score| Mark {
            attendance: None,
            score: Some(score),
        };
        let marks = HashMap::from([
            ((lessons[0].id, a), m(8)),
            ((lessons[1].id, a), m(10)),
            ((lessons[2].id, a), m(15)),
            ((lessons[3].id, a), m(16)),
            (
                (lessons[0].id, b),
                Mark {
                    attendance: Some(Attendance::Absent),
                    score: None,
                },
            ),
        ]);
        let refs: Vec<&Lesson> = lessons.iter().collect();
        let grades = term_grades(rules(), &refs, &marks, &[a, b]);
        let first = &grades[0].1;
        assert_eq!(first.formative_percent, Some(90.0));
        assert_eq!(first.sor_percent, Some(75.0));
        assert_eq!(first.soch_percent, Some(80.0));
        assert_eq!(first.total_percent, Some(81.25));
        assert_eq!(first.grade, Some(4));
        assert_eq!(grades[1].1.grade, None);
    }
}
