//! The teacher's journal over HTTP: the caller's classes and subjects, one register (students ×
//! lessons with their marks and term grades), saving a batch of marks in one command, lessons, and
//! the term and year grades. Rules live in `dala_core::journal`; this turns JSON into commands.

use std::collections::{BTreeSet, HashMap};

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::NaiveDate;
use dala_core::assessment::{TermGrade, rule_set_for};
use dala_core::assignment::Assignment;
use dala_core::enrolment::Enrolment;
use dala_core::group::Class;
use dala_core::journal::{self, Acting, Attendance, CellEdit, Lesson, LessonKind, Mark};
use dala_core::person::collation_key;
use dala_core::subject;
use dala_core::year::{Term, school_date};
use dala_core::{Command, CoreError, DocKey, Grid};
use dala_store::Store;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::error::{ApiError, ErrorBody};
use crate::permission::Operation;
use crate::school::{self, TermView, not_found};
use crate::session::Caller;
use crate::{ApiState, Org};

#[derive(Serialize, ToSchema)]
pub struct SubjectView {
    pub subject: String,
    pub subject_name: String,
    pub teacher_name: Option<String>,
    pub editable: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ClassView {
    pub class_id: String,
    pub name: String,
    pub grade: i64,
    pub language: String,
    /// Grades 0 and 1 get no marks: their journal is attendance only.
    pub graded: bool,
    pub subjects: Vec<SubjectView>,
}

#[derive(Serialize, ToSchema)]
pub struct ClassList {
    pub terms: Vec<TermView>,
    pub current_term_id: Option<String>,
    pub classes: Vec<ClassView>,
}

#[derive(Serialize, ToSchema)]
pub struct StudentView {
    pub id: String,
    pub name: String,
    pub number: usize,
}

#[derive(Serialize, ToSchema)]
pub struct LessonView {
    pub id: String,
    pub date: String,
    pub period: i64,
    pub topic: Option<String>,
    pub homework: Option<String>,
    pub kind: String,
    pub max_score: Option<i64>,
    pub taken: bool,
}

impl From<&Lesson> for LessonView {
    fn from(l: &Lesson) -> LessonView {
        LessonView {
            id: l.id.to_string(),
            date: l.date.to_string(),
            period: l.period,
            topic: l.topic.clone(),
            homework: l.homework.clone(),
            kind: l.kind.code().to_string(),
            max_score: l.max_score,
            taken: l.taken,
        }
    }
}

#[derive(Serialize, ToSchema, Clone, PartialEq)]
pub struct MarkValue {
    pub attendance: Option<String>,
    pub score: Option<i64>,
}

impl From<Mark> for MarkValue {
    fn from(m: Mark) -> MarkValue {
        MarkValue {
            attendance: m.attendance.map(|a| a.code().to_string()),
            score: m.score,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MarkView {
    pub lesson_id: String,
    pub student_id: String,
    pub attendance: Option<String>,
    pub score: Option<i64>,
    pub comment: Option<String>,
    /// Values another device left in the same cell by a concurrent edit; empty normally.
    pub conflicts: Vec<MarkValue>,
}

#[derive(Serialize, ToSchema)]
pub struct TermGradeView {
    pub student_id: String,
    pub formative_percent: Option<f64>,
    pub sor_percent: Option<f64>,
    pub soch_percent: Option<f64>,
    pub total_percent: Option<f64>,
    pub grade: Option<i64>,
}

fn one_decimal(p: Option<f64>) -> Option<f64> {
    p.map(|p| (p * 10.0).round() / 10.0)
}

impl TermGradeView {
    pub fn new(student: Uuid, g: &TermGrade) -> TermGradeView {
        TermGradeView {
            student_id: student.to_string(),
            formative_percent: one_decimal(g.formative_percent),
            sor_percent: one_decimal(g.sor_percent),
            soch_percent: one_decimal(g.soch_percent),
            total_percent: one_decimal(g.total_percent),
            grade: g.grade,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct JournalView {
    pub class_id: String,
    pub class_name: String,
    pub subject: String,
    pub subject_name: String,
    pub term: TermView,
    pub graded: bool,
    pub editable: bool,
    pub students: Vec<StudentView>,
    pub lessons: Vec<LessonView>,
    pub marks: Vec<MarkView>,
    pub grades: Vec<TermGradeView>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JournalQuery {
    pub class_id: Uuid,
    pub subject: String,
    pub term_id: Uuid,
}

#[derive(Deserialize, ToSchema)]
pub struct MarkInput {
    pub lesson_id: Uuid,
    pub student_id: Uuid,
    pub attendance: Option<String>,
    pub score: Option<i64>,
    /// `null` leaves the comment as it is; an empty text clears it.
    pub comment: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct SaveMarksRequest {
    pub class_id: Uuid,
    pub subject: String,
    pub term_id: Uuid,
    pub marks: Vec<MarkInput>,
    /// Lessons whose attendance was taken with everyone present.
    #[serde(default)]
    pub taken: Vec<Uuid>,
}

#[derive(Serialize, ToSchema)]
pub struct SavedMarks {
    pub marks: Vec<MarkView>,
    pub lessons: Vec<LessonView>,
    pub grades: Vec<TermGradeView>,
}

#[derive(Deserialize, ToSchema)]
pub struct NewLesson {
    pub class_id: Uuid,
    pub subject: String,
    pub term_id: Uuid,
    pub date: NaiveDate,
    pub period: i64,
    pub topic: Option<String>,
    pub homework: Option<String>,
    pub kind: String,
    pub max_score: Option<i64>,
}

#[derive(Deserialize, ToSchema)]
pub struct LessonChange {
    pub topic: Option<String>,
    pub homework: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct YearGradeView {
    pub student_id: String,
    /// The grade of each quarter, in order; `null` where there is none.
    pub terms: Vec<Option<i64>>,
    pub year: Option<i64>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClassSubjectQuery {
    pub class_id: Uuid,
    pub subject: String,
}

fn subject_name(code: &str, lang: &str) -> String {
    subject::subject(code).map_or_else(|| code.to_string(), |s| s.name(lang).to_string())
}

/// Whether the caller may read this class's journal of the subject: a teacher their own only.
fn may_read(acting: Acting, store: &Store, class: Uuid, subject: &str) -> Result<(), ApiError> {
    store
        .get::<Class>(class)?
        .ok_or_else(|| not_found("class"))?;
    let assignments = store.find::<Assignment>("group_id", &class.to_string())?;
    Ok(acting.may_keep(&assignments, class, Some(subject))?)
}

#[utoipa::path(get, path = "/api/v1/journal/classes", operation_id = "listClasses", tag = "journal",
    security(("bearer" = [])), responses((status = 200, body = ClassList), (status = 403, body = ErrorBody)))]
pub async fn list_classes(
    State(state): State<ApiState>,
    caller: Caller,
) -> Result<Json<ClassList>, ApiError> {
    caller.may(Operation::ListClasses)?;
    state
        .with(move |org| {
            let today = school_date(org.now());
            let store = org.store()?;
            let Some(year) = school::current_year(store, today)? else {
                return Ok(Json(ClassList {
                    terms: Vec::new(),
                    current_term_id: None,
                    classes: Vec::new(),
                }));
            };
            let terms = school::terms_of(store, year.id)?;
            let names = school::names(store)?;
            let assignments = store.find::<Assignment>("year_id", &year.id.to_string())?;
            let acting = school::acting(&caller);
            let writes = Operation::SaveMarks.allowed(caller.account.role);
            let lang = school::lang(&caller);
            let mut classes = store.find::<Class>("year_id", &year.id.to_string())?;
            classes.sort_by(|a, b| (a.grade, &a.letter).cmp(&(b.grade, &b.letter)));
            let classes = classes
                .into_iter()
                .filter_map(|class| {
                    let mut seen = BTreeSet::new();
                    let subjects: Vec<SubjectView> = assignments
                        .iter()
                        .filter(|a| a.group_id == class.id)
                        .filter(|a| acting.teacher().is_none_or(|t| a.teacher_id == t))
                        .filter_map(|a| {
                            let code = a.subject.clone()?;
                            seen.insert(code.clone()).then(|| SubjectView {
                                subject_name: subject_name(&code, lang),
                                teacher_name: names.get(&a.teacher_id).cloned(),
                                editable: writes,
                                subject: code,
                            })
                        })
                        .collect();
                    (!subjects.is_empty()).then(|| ClassView {
                        class_id: class.id.to_string(),
                        name: class.name(),
                        grade: class.grade,
                        language: class.language.code().to_string(),
                        graded: class.grade >= rule_set_for(year.starts).limits.first_graded_grade,
                        subjects,
                    })
                })
                .collect();
            Ok(Json(ClassList {
                current_term_id: school::current_term(&terms, today).map(|t| t.id.to_string()),
                terms: terms.iter().map(TermView::from).collect(),
                classes,
            }))
        })
        .await
}

/// The registers opened lately, as they were read and then kept current by each save through
/// this API, so a save answers with the new grades without reading 1 800 cells back (the save's
/// budget is a few milliseconds). Any other change to a journal's lessons forgets its registers;
/// nothing else writes journals while the API holds the store.
#[derive(Default)]
pub(crate) struct OpenRegisters(HashMap<(Uuid, String, Uuid), Register>);

/// Enough for every register a teacher's day opens; beyond it, the oldest reads are dropped.
const OPEN_REGISTERS: usize = 16;

impl OpenRegisters {
    fn keep(&mut self, subject: &str, register: Register) {
        if self.0.len() >= OPEN_REGISTERS {
            self.0.clear();
        }
        let key = (register.class.id, subject.to_string(), register.term.id);
        self.0.insert(key, register);
    }

    fn take(&mut self, class: Uuid, subject: &str, term: Uuid) -> Option<Register> {
        self.0.remove(&(class, subject.to_string(), term))
    }

    /// After a lesson of the journal was added, changed or removed.
    fn forget_journal(&mut self, class: Uuid, term: Uuid) {
        self.0.retain(|(c, _, t), _| (*c, *t) != (class, term));
    }
}

/// One register as its view shows it: students of the term, the subject's lessons, the cells.
struct Register {
    class: Class,
    term: Term,
    students: Vec<(Uuid, String)>,
    lessons: Vec<Lesson>,
    marks: HashMap<(Uuid, Uuid), (Mark, Vec<Mark>)>,
    notes: HashMap<(Uuid, Uuid), String>,
}

impl Register {
    fn read(
        store: &Store,
        class_id: Uuid,
        subject: &str,
        term_id: Uuid,
    ) -> Result<Register, ApiError> {
        let class = store
            .get::<Class>(class_id)?
            .ok_or_else(|| not_found("class"))?;
        let term = store
            .get::<Term>(term_id)?
            .ok_or_else(|| not_found("term"))?;
        let names = school::names(store)?;
        let mut students: Vec<(Uuid, String)> = store
            .find::<Enrolment>("group_id", &class.id.to_string())?
            .into_iter()
            .filter(|e| e.from <= term.ends && e.to.is_none_or(|to| to >= term.starts))
            .map(|e| {
                (
                    e.person_id,
                    names.get(&e.person_id).cloned().unwrap_or_default(),
                )
            })
            .collect();
        students.sort_by_cached_key(|s| collation_key(&s.1));
        students.dedup_by_key(|s| s.0);
        let lessons: Vec<Lesson> = store
            .lessons_of(class.id, term.id)?
            .into_iter()
            .filter(|l| l.subject == subject)
            .collect();
        let ids: BTreeSet<String> = lessons.iter().map(|l| l.id.to_string()).collect();
        let doc = DocKey::Journal {
            class: class.id,
            term: term.id,
        };
        let key = |row: &str, col: &str| -> Option<(Uuid, Uuid)> {
            Some((row.parse().ok()?, col.parse().ok()?))
        };
        let mut marks = HashMap::new();
        for cell in store.cells(doc, Grid::Marks)? {
            if !ids.contains(&cell.row) {
                continue;
            }
            let (Some(at), Some(mark)) = (key(&cell.row, &cell.col), Mark::decode(&cell.value))
            else {
                continue;
            };
            let others = cell
                .conflicts
                .iter()
                .filter_map(|c| Mark::decode(c))
                .collect();
            marks.insert(at, (mark, others));
        }
        let mut notes = HashMap::new();
        for cell in store.cells(doc, Grid::Notes)? {
            if let (true, Some(at)) = (ids.contains(&cell.row), key(&cell.row, &cell.col)) {
                notes.insert(at, cell.value);
            }
        }
        Ok(Register {
            class,
            term,
            students,
            lessons,
            marks,
            notes,
        })
    }

    /// What a successful save wrote, as the store now holds it: a written cell has no
    /// conflicts any more, a comment is kept trimmed, and the touched lessons are taken.
    fn apply(&mut self, cells: &[CellEdit], taken: &[Uuid]) {
        for edit in cells {
            let at = (edit.lesson_id, edit.student_id);
            if edit.mark.is_empty() {
                self.marks.remove(&at);
            } else {
                self.marks.insert(at, (edit.mark, Vec::new()));
            }
            match edit.comment.as_deref().map(str::trim) {
                None => {}
                Some("") => {
                    self.notes.remove(&at);
                }
                Some(comment) => {
                    self.notes.insert(at, comment.to_string());
                }
            }
        }
        let touched: BTreeSet<Uuid> = cells
            .iter()
            .map(|c| c.lesson_id)
            .chain(taken.iter().copied())
            .collect();
        for lesson in self.lessons.iter_mut().filter(|l| touched.contains(&l.id)) {
            lesson.taken = true;
        }
    }

    fn mark_view(&self, at: (Uuid, Uuid)) -> MarkView {
        let (mark, conflicts) = self.marks.get(&at).cloned().unwrap_or_default();
        MarkView {
            lesson_id: at.0.to_string(),
            student_id: at.1.to_string(),
            attendance: mark.attendance.map(|a| a.code().to_string()),
            score: mark.score,
            comment: self.notes.get(&at).cloned(),
            conflicts: conflicts.into_iter().map(MarkValue::from).collect(),
        }
    }

    fn grades(&self) -> Vec<TermGradeView> {
        let plain: HashMap<(Uuid, Uuid), Mark> =
            self.marks.iter().map(|(k, (m, _))| (*k, *m)).collect();
        let lessons: Vec<&Lesson> = self.lessons.iter().collect();
        let ids: Vec<Uuid> = self.students.iter().map(|s| s.0).collect();
        journal::term_grades(rule_set_for(self.term.starts), &lessons, &plain, &ids)
            .iter()
            .map(|(id, g)| TermGradeView::new(*id, g))
            .collect()
    }

    fn graded(&self) -> bool {
        self.class.grade >= rule_set_for(self.term.starts).limits.first_graded_grade
    }
}

#[utoipa::path(get, path = "/api/v1/journal", operation_id = "getJournal", tag = "journal",
    params(JournalQuery), security(("bearer" = [])),
    responses((status = 200, body = JournalView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_journal(
    State(state): State<ApiState>,
    caller: Caller,
    q: Result<Query<JournalQuery>, QueryRejection>,
) -> Result<Json<JournalView>, ApiError> {
    caller.may(Operation::GetJournal)?;
    let q = school::query(q)?;
    state
        .with(move |org| {
            let store = org.store()?;
            let acting = school::acting(&caller);
            may_read(acting, store, q.class_id, &q.subject)?;
            let register = Register::read(store, q.class_id, &q.subject, q.term_id)?;
            let view = journal_view(&register, &q.subject, &caller);
            org.registers.keep(&q.subject, register);
            Ok(Json(view))
        })
        .await
}

fn journal_view(register: &Register, subject: &str, caller: &Caller) -> JournalView {
    let mut cells: Vec<(Uuid, Uuid)> = register
        .marks
        .keys()
        .chain(register.notes.keys())
        .copied()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    cells.sort();
    JournalView {
        class_id: register.class.id.to_string(),
        class_name: register.class.name(),
        subject_name: subject_name(subject, school::lang(caller)),
        subject: subject.to_string(),
        term: TermView::from(&register.term),
        graded: register.graded(),
        editable: Operation::SaveMarks.allowed(caller.account.role),
        students: register
            .students
            .iter()
            .enumerate()
            .map(|(i, (id, name))| StudentView {
                id: id.to_string(),
                name: name.clone(),
                number: i + 1,
            })
            .collect(),
        lessons: register.lessons.iter().map(LessonView::from).collect(),
        marks: cells.into_iter().map(|at| register.mark_view(at)).collect(),
        grades: register.grades(),
    }
}

fn mark_of(input: &MarkInput, index: usize) -> Result<Mark, ApiError> {
    let attendance = match input.attendance.as_deref() {
        None | Some("present") => None,
        Some(code) => Some(Attendance::from_code(code).ok_or_else(|| {
            ApiError::from(CoreError::at(index)(CoreError::FieldInvalid {
                collection: "marks",
                field: "attendance".into(),
            }))
        })?),
    };
    Ok(Mark {
        attendance,
        score: input.score,
    })
}

#[utoipa::path(post, path = "/api/v1/journal/marks", operation_id = "saveMarks", tag = "journal",
    request_body = SaveMarksRequest, security(("bearer" = [])),
    responses((status = 200, body = SavedMarks), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn save_marks(
    State(state): State<ApiState>,
    caller: Caller,
    Json(request): Json<SaveMarksRequest>,
) -> Result<Json<SavedMarks>, ApiError> {
    caller.may(Operation::SaveMarks)?;
    let cells = request
        .marks
        .iter()
        .enumerate()
        .map(|(i, m)| {
            Ok(CellEdit {
                lesson_id: m.lesson_id,
                student_id: m.student_id,
                mark: mark_of(m, i)?,
                comment: m.comment.clone(),
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    state
        .with(move |org: &mut Org| {
            let now = org.now();
            let command = Command::SaveMarks {
                class_id: request.class_id,
                term_id: request.term_id,
                subject: request.subject.clone(),
                cells: cells.clone(),
                taken: request.taken.clone(),
                by: school::acting(&caller),
            };
            school::writing_as(org.store()?, &caller).execute(&command, now)?;
            let (class, subject, term) = (request.class_id, &request.subject, request.term_id);
            let register = match org.registers.take(class, subject, term) {
                Some(mut open) => {
                    open.apply(&cells, &request.taken);
                    open
                }
                None => Register::read(org.store()?, class, subject, term)?,
            };
            let touched: BTreeSet<Uuid> = request
                .marks
                .iter()
                .map(|m| m.lesson_id)
                .chain(request.taken.iter().copied())
                .collect();
            let saved = SavedMarks {
                marks: request
                    .marks
                    .iter()
                    .map(|m| register.mark_view((m.lesson_id, m.student_id)))
                    .collect(),
                lessons: register
                    .lessons
                    .iter()
                    .filter(|l| touched.contains(&l.id))
                    .map(LessonView::from)
                    .collect(),
                grades: register.grades(),
            };
            org.registers.keep(subject, register);
            Ok(Json(saved))
        })
        .await
}

#[utoipa::path(get, path = "/api/v1/journal/grades", operation_id = "termGrades", tag = "journal",
    params(JournalQuery), security(("bearer" = [])),
    responses((status = 200, body = [TermGradeView]), (status = 403, body = ErrorBody)))]
pub async fn term_grades(
    State(state): State<ApiState>,
    caller: Caller,
    q: Result<Query<JournalQuery>, QueryRejection>,
) -> Result<Json<Vec<TermGradeView>>, ApiError> {
    caller.may(Operation::TermGrades)?;
    let q = school::query(q)?;
    state
        .with(move |org| {
            let store = org.store()?;
            may_read(school::acting(&caller), store, q.class_id, &q.subject)?;
            Ok(Json(
                Register::read(store, q.class_id, &q.subject, q.term_id)?.grades(),
            ))
        })
        .await
}

#[utoipa::path(get, path = "/api/v1/journal/year-grades", operation_id = "yearGrades", tag = "journal",
    params(ClassSubjectQuery), security(("bearer" = [])),
    responses((status = 200, body = [YearGradeView]), (status = 403, body = ErrorBody)))]
pub async fn year_grades(
    State(state): State<ApiState>,
    caller: Caller,
    q: Result<Query<ClassSubjectQuery>, QueryRejection>,
) -> Result<Json<Vec<YearGradeView>>, ApiError> {
    caller.may(Operation::YearGrades)?;
    let q = school::query(q)?;
    state
        .with(move |org| {
            let store = org.store()?;
            may_read(school::acting(&caller), store, q.class_id, &q.subject)?;
            let class = store
                .get::<Class>(q.class_id)?
                .ok_or_else(|| not_found("class"))?;
            let terms = school::terms_of(store, class.year_id)?;
            let mut by_student: Vec<(Uuid, Vec<Option<i64>>)> = Vec::new();
            for (i, term) in terms.iter().enumerate() {
                for grade in Register::read(store, class.id, &q.subject, term.id)?.grades() {
                    let id: Uuid = grade.student_id.parse().unwrap_or_default();
                    let at = match by_student.iter().position(|(s, _)| *s == id) {
                        Some(at) => at,
                        None => {
                            by_student.push((id, vec![None; terms.len()]));
                            by_student.len() - 1
                        }
                    };
                    by_student[at].1[i] = grade.grade;
                }
            }
            let rules = terms.first().map(|t| rule_set_for(t.starts));
            Ok(Json(
                by_student
                    .into_iter()
                    .map(|(id, terms)| YearGradeView {
                        student_id: id.to_string(),
                        year: rules.and_then(|r| r.year_grade(&terms)),
                        terms,
                    })
                    .collect(),
            ))
        })
        .await
}

#[utoipa::path(post, path = "/api/v1/journal/lessons", operation_id = "addLesson", tag = "journal",
    request_body = NewLesson, security(("bearer" = [])),
    responses((status = 200, body = LessonView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_lesson(
    State(state): State<ApiState>,
    caller: Caller,
    Json(new): Json<NewLesson>,
) -> Result<Json<LessonView>, ApiError> {
    caller.may(Operation::AddLesson)?;
    let kind = LessonKind::from_code(&new.kind).ok_or_else(|| {
        ApiError::from(CoreError::FieldInvalid {
            collection: "lessons",
            field: "kind".into(),
        })
    })?;
    let blank = |t: Option<String>| t.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
    state
        .with(move |org: &mut Org| {
            let now = org.now();
            let by = school::acting(&caller);
            let lesson = Lesson {
                id: Uuid::now_v7(),
                class_id: new.class_id,
                term_id: new.term_id,
                subject: new.subject,
                date: new.date,
                period: new.period,
                topic: blank(new.topic),
                homework: blank(new.homework),
                kind,
                max_score: new.max_score,
                teacher_id: by.teacher(),
                taken: false,
            };
            school::writing_as(org.store()?, &caller).execute(
                &Command::SaveLesson {
                    lesson: lesson.clone(),
                    by,
                },
                now,
            )?;
            org.registers
                .forget_journal(lesson.class_id, lesson.term_id);
            Ok(Json(LessonView::from(&lesson)))
        })
        .await
}

#[utoipa::path(patch, path = "/api/v1/journal/lessons/{id}", operation_id = "updateLesson", tag = "journal",
    request_body = LessonChange, security(("bearer" = [])),
    responses((status = 200, body = LessonView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn update_lesson(
    State(state): State<ApiState>,
    caller: Caller,
    Path(id): Path<Uuid>,
    Json(change): Json<LessonChange>,
) -> Result<Json<LessonView>, ApiError> {
    caller.may(Operation::UpdateLesson)?;
    state
        .with(move |org: &mut Org| {
            let now = org.now();
            let store = org.store()?;
            let mut lesson = store
                .get::<Lesson>(id)?
                .ok_or_else(|| not_found("lesson"))?;
            let blank = |t: String| Some(t.trim().to_string()).filter(|t| !t.is_empty());
            if let Some(topic) = change.topic {
                lesson.topic = blank(topic);
            }
            if let Some(homework) = change.homework {
                lesson.homework = blank(homework);
            }
            let by = school::acting(&caller);
            school::writing_as(store, &caller).execute(
                &Command::SaveLesson {
                    lesson: lesson.clone(),
                    by,
                },
                now,
            )?;
            org.registers
                .forget_journal(lesson.class_id, lesson.term_id);
            Ok(Json(LessonView::from(&lesson)))
        })
        .await
}

#[utoipa::path(delete, path = "/api/v1/journal/lessons/{id}", operation_id = "deleteLesson", tag = "journal",
    security(("bearer" = [])),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn delete_lesson(
    State(state): State<ApiState>,
    caller: Caller,
    Path(id): Path<Uuid>,
) -> Result<StatusCode, ApiError> {
    caller.may(Operation::DeleteLesson)?;
    state
        .with(move |org: &mut Org| {
            let now = org.now();
            let by = school::acting(&caller);
            let store = org.store()?;
            let lesson = store.get::<Lesson>(id)?;
            school::writing_as(store, &caller).execute(&Command::RemoveLesson { id, by }, now)?;
            if let Some(lesson) = lesson {
                org.registers
                    .forget_journal(lesson.class_id, lesson.term_id);
            }
            Ok(StatusCode::NO_CONTENT)
        })
        .await
}
