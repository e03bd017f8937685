//! Oversight of the teaching process (R27.5) for the tutor, the deputy, the director and the
//! methodist: which journals are behind (lessons not taken, lessons without a topic, marks changed
//! after the lesson's day), which pupils have been away for days, and a class's attendance and
//! grades reports as JSON, xlsx or PDF. Everything here reads; nothing is written.
//!
//! A tutor sees every class for now: there is no link yet between a class and its class teacher.
//!
//! The printable files of the kindergarten's sheet are written with the same helpers (`file`,
//! `text`), so every report the API hands out is named, typed and translated the same way.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use dala_core::assessment::rule_set_for;
use dala_core::assignment::Assignment;
use dala_core::enrolment::Enrolment;
use dala_core::group::Class;
use dala_core::journal::{self, Attendance, Lesson, Mark};
use dala_core::org::Organisation;
use dala_core::person::collation_key;
use dala_core::subject;
use dala_core::year::{Term, school_date};
use dala_core::{CoreError, DocKey, Grid};
use dala_i18n::{Arg, Lang};
use dala_report::{Cell, Chart, Column, Report, Series};
use dala_store::Store;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::ApiState;
use crate::error::{ApiError, ErrorBody};
use crate::permission::Operation;
use crate::school::{self, TermView};
use crate::session::Caller;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// How a report is wanted: JSON for the screen, xlsx or PDF as a file.
#[derive(Deserialize, ToSchema, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Json,
    Xlsx,
    Pdf,
}

/// A file's bytes: OpenAPI shows them as a binary string.
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct FileBytes(Vec<u8>);

impl IntoResponse for FileBytes {
    fn into_response(self) -> Response {
        self.0.into_response()
    }
}

/// The caller's interface language, in which reports write their titles and headers.
pub(crate) fn lang_of(caller: &Caller) -> Lang {
    caller.account.lang.parse().unwrap_or_default()
}

/// A message of `locales/<lang>/reports.ftl`.
pub(crate) fn text(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    dala_i18n::text(lang, id, args)
}

/// A date as Kazakh and Russian paper writes it.
pub(crate) fn date_text(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// Writes the report as a file to download. The writing runs off the async threads and outside
/// the store's lock: a PDF subsets and embeds a font, which takes longer than reading the data.
pub(crate) async fn file(
    report: Report,
    format: Format,
    stem: String,
) -> Result<Response, ApiError> {
    let (mime, extension) = match format {
        Format::Xlsx => (XLSX, "xlsx"),
        Format::Pdf => ("application/pdf", "pdf"),
        Format::Json => return Err(ApiError::bad_request("format")),
    };
    let failed = |code| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, code);
    let bytes = tokio::task::spawn_blocking(move || match format {
        Format::Pdf => dala_report::pdf(&report),
        _ => dala_report::xlsx(&report),
    })
    .await
    .map_err(|_| failed("report.write"))?
    .map_err(|e| failed(e.code()))?;
    // Browsers and the desktop shell take a plain ASCII name without trouble.
    let stem: String = stem
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    let disposition =
        HeaderValue::from_str(&format!("attachment; filename=\"{stem}.{extension}\""))
            .map_err(|_| failed("report.write"))?;
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static(mime)),
        (header::CONTENT_DISPOSITION, disposition),
    ];
    Ok((headers, FileBytes(bytes)).into_response())
}

pub(crate) fn organisation_name(store: &Store) -> Result<String, ApiError> {
    Ok(store
        .list::<Organisation>()?
        .into_iter()
        .next()
        .map(|o| o.name)
        .unwrap_or_default())
}

pub(crate) fn printed(lang: Lang, org: &str, today: NaiveDate) -> String {
    text(
        lang,
        "sheet-printed",
        &[
            ("org", org.into()),
            ("date", date_text(today).as_str().into()),
        ],
    )
}

pub(crate) fn subject_name(code: &str, lang: &str) -> String {
    subject::subject(code).map_or_else(|| code.to_string(), |s| s.name(lang).to_string())
}

/// Subjects in the catalogue's order, the one timetables and report cards use.
pub(crate) fn subject_order(code: &str) -> (usize, String) {
    let at = subject::SUBJECTS.iter().position(|s| s.code == code);
    (at.unwrap_or(usize::MAX), code.to_string())
}

/// The cells of one term journal's marks grid, by (lesson, student).
pub(crate) fn marks_of(
    store: &Store,
    class: Uuid,
    term: Uuid,
) -> Result<HashMap<(Uuid, Uuid), Mark>, ApiError> {
    let mut marks = HashMap::new();
    for cell in store.cells(DocKey::Journal { class, term }, Grid::Marks)? {
        if let (Ok(lesson), Ok(student), Some(mark)) = (
            cell.row.parse::<Uuid>(),
            cell.col.parse::<Uuid>(),
            Mark::decode(&cell.value),
        ) {
            marks.insert((lesson, student), mark);
        }
    }
    Ok(marks)
}

/// The marks of every term journal these lessons belong to.
fn marks_of_lessons<'a>(
    store: &Store,
    lessons: impl IntoIterator<Item = &'a Lesson>,
) -> Result<HashMap<(Uuid, Uuid), Mark>, ApiError> {
    let journals: BTreeSet<(Uuid, Uuid)> = lessons
        .into_iter()
        .map(|l| (l.class_id, l.term_id))
        .collect();
    let mut marks = HashMap::new();
    for (class, term) in journals {
        marks.extend(marks_of(store, class, term)?);
    }
    Ok(marks)
}

fn missed(marks: &HashMap<(Uuid, Uuid), Mark>, lesson: Uuid, student: Uuid) -> bool {
    marks
        .get(&(lesson, student))
        .and_then(|m| m.attendance)
        .is_some_and(Attendance::missed)
}

/// The pupils of a class on any day of a period, by name, and when each was in it.
struct Pupils {
    list: Vec<(Uuid, String)>,
    enrolments: Vec<Enrolment>,
}

impl Pupils {
    fn of(
        store: &Store,
        names: &HashMap<Uuid, String>,
        class: Uuid,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Pupils, ApiError> {
        let enrolments: Vec<Enrolment> = store
            .find::<Enrolment>("group_id", &class.to_string())?
            .into_iter()
            .filter(|e| e.from <= to && e.to.is_none_or(|end| end >= from))
            .collect();
        let mut list: Vec<(Uuid, String)> = enrolments
            .iter()
            .map(|e| {
                let name = names.get(&e.person_id).cloned().unwrap_or_default();
                (e.person_id, name)
            })
            .collect();
        list.sort_by_cached_key(|p| (collation_key(&p.1), p.0));
        list.dedup_by_key(|p| p.0);
        Ok(Pupils { list, enrolments })
    }

    fn enrolled(&self, pupil: Uuid, day: NaiveDate) -> bool {
        self.enrolments
            .iter()
            .any(|e| e.person_id == pupil && e.covers(day))
    }
}

fn one_decimal(p: f64) -> f64 {
    (p * 10.0).round() / 10.0
}

/// The share of lessons attended; a pupil with no lessons missed none.
fn percent_present(lessons: usize, missed: usize) -> f64 {
    if lessons == 0 {
        return 100.0;
    }
    one_decimal((lessons - missed.min(lessons)) as f64 * 100.0 / lessons as f64)
}

#[derive(Serialize, ToSchema, Clone)]
pub struct OverLesson {
    pub lesson_id: String,
    /// Where the register is: the class, subject code and term, for a link to it.
    pub class_id: String,
    pub subject: String,
    pub term_id: String,
    pub class_name: String,
    pub subject_name: String,
    pub teacher_name: Option<String>,
    pub date: String,
    pub period: i64,
}

#[derive(Serialize, ToSchema)]
pub struct LateChange {
    #[serde(flatten)]
    pub lesson: OverLesson,
    /// When the marks were saved (RFC 3339, UTC).
    pub changed_at: String,
    pub login: String,
}

#[derive(Serialize, ToSchema)]
pub struct AbsentStreak {
    pub student_id: String,
    pub student_name: String,
    pub class_name: String,
    /// Three or more of the class's school days running.
    pub dates: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct OversightView {
    /// Lessons before today whose attendance was never taken.
    pub unfilled: Vec<OverLesson>,
    /// Lessons before today with no topic written.
    pub without_topic: Vec<OverLesson>,
    /// Marks saved in the period on a day after their lesson's, newest first.
    pub late_changes: Vec<LateChange>,
    pub absent_streaks: Vec<AbsentStreak>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// The first day; by default 13 days before `to`.
    pub from: Option<NaiveDate>,
    /// The last day; by default today.
    pub to: Option<NaiveDate>,
}

/// The period asked for: by default the last 14 days up to today.
fn period(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(NaiveDate, NaiveDate), ApiError> {
    let to = to.unwrap_or(today);
    let from = from.unwrap_or_else(|| to.checked_sub_days(Days::new(13)).unwrap_or(to));
    if from > to {
        return Err(ApiError::bad_request("from"));
    }
    Ok((from, to))
}

/// What a list of lessons shows beside each: its class, subject and teacher.
struct Labels {
    classes: HashMap<Uuid, Class>,
    names: HashMap<Uuid, String>,
    /// The teacher assigned to a class and subject, for lessons a supervisor added.
    assigned: HashMap<(Uuid, String), Uuid>,
    lang: String,
}

impl Labels {
    fn read(store: &Store, names: HashMap<Uuid, String>, lang: &str) -> Result<Labels, ApiError> {
        let mut assigned = HashMap::new();
        for a in store.list::<Assignment>()? {
            if let Some(subject) = a.subject {
                assigned
                    .entry((a.group_id, subject))
                    .or_insert(a.teacher_id);
            }
        }
        Ok(Labels {
            classes: store
                .list::<Class>()?
                .into_iter()
                .map(|c| (c.id, c))
                .collect(),
            names,
            assigned,
            lang: lang.to_string(),
        })
    }

    fn class_name(&self, class: Uuid) -> String {
        self.classes
            .get(&class)
            .map(Class::name)
            .unwrap_or_default()
    }

    fn lesson(&self, l: &Lesson) -> OverLesson {
        let teacher = l
            .teacher_id
            .or_else(|| self.assigned.get(&(l.class_id, l.subject.clone())).copied());
        OverLesson {
            lesson_id: l.id.to_string(),
            class_id: l.class_id.to_string(),
            subject: l.subject.clone(),
            term_id: l.term_id.to_string(),
            class_name: self.class_name(l.class_id),
            subject_name: subject_name(&l.subject, &self.lang),
            teacher_name: teacher.and_then(|t| self.names.get(&t).cloned()),
            date: l.date.to_string(),
            period: l.period,
        }
    }
}

/// Marks saved on a school day after their lesson's. The audit entry of a save lists the cells it
/// wrote as `marks/<lesson>/<student>`; each lesson is reported once per entry.
fn late_changes(
    store: &Store,
    labels: &Labels,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<LateChange>, ApiError> {
    let mut lessons: HashMap<Uuid, Option<Lesson>> = HashMap::new();
    let mut changes = Vec::new();
    for entry in store.audit_of("marks.save")? {
        let Ok(at) = DateTime::parse_from_rfc3339(&entry.at) else {
            continue;
        };
        let changed = school_date(at.with_timezone(&Utc));
        if changed < from || changed > to {
            continue;
        }
        let Some(Ok(cells)) = entry
            .after
            .as_deref()
            .map(serde_json::from_str::<serde_json::Map<String, serde_json::Value>>)
        else {
            continue;
        };
        let touched: BTreeSet<Uuid> = cells
            .keys()
            .filter_map(|key| key.strip_prefix("marks/")?.split('/').next()?.parse().ok())
            .collect();
        for id in touched {
            let lesson = match lessons.get(&id) {
                Some(known) => known.clone(),
                None => {
                    let found = store.get::<Lesson>(id)?;
                    lessons.insert(id, found.clone());
                    found
                }
            };
            if let Some(lesson) = lesson.filter(|l| changed > l.date) {
                changes.push(LateChange {
                    lesson: labels.lesson(&lesson),
                    changed_at: entry.at.clone(),
                    login: entry.login.clone(),
                });
            }
        }
    }
    changes.sort_by(|a, b| b.changed_at.cmp(&a.changed_at));
    Ok(changes)
}

/// Pupils away on three or more school days running. A school day of a class is a day on which
/// it had a lesson. A pupil is absent on it when marked missed (absent, ill or excused; late is
/// present) in at least one of the day's lessons and present in none, where present means the
/// lesson's attendance was taken with no missed mark for them. A day with nothing recorded for
/// the pupil is not an absence, so it ends a streak.
fn absent_streaks(
    store: &Store,
    labels: &Labels,
    lessons: &[Lesson],
) -> Result<Vec<AbsentStreak>, ApiError> {
    let mut by_class: BTreeMap<Uuid, BTreeMap<NaiveDate, Vec<&Lesson>>> = BTreeMap::new();
    for l in lessons {
        by_class
            .entry(l.class_id)
            .or_default()
            .entry(l.date)
            .or_default()
            .push(l);
    }
    let mut streaks = Vec::new();
    for (class, days) in by_class {
        let marks = marks_of_lessons(store, days.values().flatten().copied())?;
        let pupils: BTreeSet<Uuid> = store
            .find::<Enrolment>("group_id", &class.to_string())?
            .into_iter()
            .map(|e| e.person_id)
            .collect();
        for pupil in pupils {
            let mut run: Vec<NaiveDate> = Vec::new();
            let mut flush = |run: &mut Vec<NaiveDate>| {
                if run.len() >= 3 {
                    streaks.push(AbsentStreak {
                        student_id: pupil.to_string(),
                        student_name: labels.names.get(&pupil).cloned().unwrap_or_default(),
                        class_name: labels.class_name(class),
                        dates: run.iter().map(NaiveDate::to_string).collect(),
                    });
                }
                run.clear();
            };
            for (day, day_lessons) in &days {
                let away = day_lessons.iter().any(|l| missed(&marks, l.id, pupil));
                let here = day_lessons
                    .iter()
                    .any(|l| l.taken && !missed(&marks, l.id, pupil));
                if away && !here {
                    run.push(*day);
                } else {
                    flush(&mut run);
                }
            }
            flush(&mut run);
        }
    }
    streaks.sort_by(|a, b| (&a.class_name, &a.student_name).cmp(&(&b.class_name, &b.student_name)));
    Ok(streaks)
}

#[utoipa::path(get, path = "/api/v1/oversight", operation_id = "oversight", tag = "oversight",
    params(PeriodQuery), security(("bearer" = [])),
    responses((status = 200, body = OversightView), (status = 403, body = ErrorBody)))]
pub async fn oversight(
    State(state): State<ApiState>,
    caller: Caller,
    q: Result<Query<PeriodQuery>, QueryRejection>,
) -> Result<Json<OversightView>, ApiError> {
    caller.may(Operation::Oversight)?;
    let q = school::query(q)?;
    state
        .with(move |org| {
            let today = school_date(org.now());
            let (from, to) = period(q.from, q.to, today)?;
            let store = org.store()?;
            let labels = Labels::read(store, school::names(store)?, school::lang(&caller))?;
            let mut lessons = store.lessons_between(from, to.min(today))?;
            lessons.sort_by(|a, b| {
                (a.date, labels.class_name(a.class_id), a.period).cmp(&(
                    b.date,
                    labels.class_name(b.class_id),
                    b.period,
                ))
            });
            let past = || lessons.iter().filter(|l| l.date < today);
            Ok(Json(OversightView {
                unfilled: past()
                    .filter(|l| !l.taken)
                    .map(|l| labels.lesson(l))
                    .collect(),
                without_topic: past()
                    .filter(|l| l.topic.is_none())
                    .map(|l| labels.lesson(l))
                    .collect(),
                late_changes: late_changes(store, &labels, from, to)?,
                absent_streaks: absent_streaks(store, &labels, &lessons)?,
            }))
        })
        .await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AttendanceReportQuery {
    pub class_id: Uuid,
    /// By default 13 days before `to`.
    pub from: Option<NaiveDate>,
    /// By default today.
    pub to: Option<NaiveDate>,
    /// `json` (the default), `xlsx` or `pdf`.
    #[param(inline)]
    pub format: Option<Format>,
}

#[derive(Serialize, ToSchema)]
pub struct AttendanceRow {
    pub student_id: String,
    pub name: String,
    /// Lessons of the class in the period, up to today, while the pupil was in it.
    pub lessons: usize,
    pub absent: usize,
    pub ill: usize,
    pub excused: usize,
    pub late: usize,
    /// Lessons not missed (late counts as present), 0–100 with one decimal.
    pub percent_present: f64,
}

#[derive(Serialize, ToSchema)]
pub struct WeekAttendance {
    /// The Monday of the week.
    pub week_start: String,
    pub percent_present: f64,
}

#[derive(Serialize, ToSchema)]
pub struct AttendanceReportView {
    pub class_name: String,
    pub from: String,
    pub to: String,
    pub rows: Vec<AttendanceRow>,
    /// Weeks that had lessons, in order.
    pub by_week: Vec<WeekAttendance>,
}

fn read_attendance(
    store: &Store,
    class_id: Uuid,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<AttendanceReportView, ApiError> {
    let class = store
        .get::<Class>(class_id)?
        .ok_or(CoreError::NotFound { entity: "class" })?;
    let all: Vec<Lesson> = store
        .lessons_between(from, to.min(today))?
        .into_iter()
        .filter(|l| l.class_id == class.id)
        .collect();
    let marks = marks_of_lessons(store, &all)?;
    // Today's lessons come from the timetable before they happen: one counts once its register
    // is taken (or holds a mark), a past one always.
    let marked: HashSet<Uuid> = marks.keys().map(|(lesson, _)| *lesson).collect();
    let lessons: Vec<Lesson> = all
        .into_iter()
        .filter(|l| l.date < today || l.taken || marked.contains(&l.id))
        .collect();
    let pupils = Pupils::of(store, &school::names(store)?, class.id, from, to)?;
    let mut weeks: BTreeMap<NaiveDate, (usize, usize)> = BTreeMap::new();
    let rows = pupils
        .list
        .iter()
        .map(|(id, name)| {
            let mut row = AttendanceRow {
                student_id: id.to_string(),
                name: name.clone(),
                lessons: 0,
                absent: 0,
                ill: 0,
                excused: 0,
                late: 0,
                percent_present: 100.0,
            };
            for lesson in lessons.iter().filter(|l| pupils.enrolled(*id, l.date)) {
                row.lessons += 1;
                let monday = lesson.date
                    - Days::new(u64::from(lesson.date.weekday().num_days_from_monday()));
                let week = weeks.entry(monday).or_default();
                week.0 += 1;
                match marks.get(&(lesson.id, *id)).and_then(|m| m.attendance) {
                    Some(Attendance::Absent) => row.absent += 1,
                    Some(Attendance::Ill) => row.ill += 1,
                    Some(Attendance::Excused) => row.excused += 1,
                    Some(Attendance::Late) => row.late += 1,
                    None => {}
                }
                if missed(&marks, lesson.id, *id) {
                    week.1 += 1;
                }
            }
            row.percent_present = percent_present(row.lessons, row.absent + row.ill + row.excused);
            row
        })
        .collect();
    Ok(AttendanceReportView {
        class_name: class.name(),
        from: from.to_string(),
        to: to.to_string(),
        rows,
        by_week: weeks
            .into_iter()
            .map(|(monday, (lessons, missed))| WeekAttendance {
                week_start: monday.to_string(),
                percent_present: percent_present(lessons, missed),
            })
            .collect(),
    })
}

fn attendance_sheet(
    view: &AttendanceReportView,
    from: NaiveDate,
    to: NaiveDate,
    lang: Lang,
    subtitle: String,
) -> Report {
    let t = |id: &str| text(lang, id, &[]);
    let columns = vec![
        Column::new(t("sheet-number"), 4.0),
        Column::new(t("sheet-pupil"), 28.0),
        Column::new(t("sheet-lessons"), 8.0),
        Column::new(t("sheet-absent"), 9.0),
        Column::new(t("sheet-ill"), 9.0),
        Column::new(t("sheet-excused"), 11.0),
        Column::new(t("sheet-late"), 9.0),
        Column::new(t("sheet-present-percent"), 10.0),
    ];
    let count = |n: usize| Cell::Int(n as i64);
    let rows = view
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            vec![
                count(i + 1),
                Cell::Text(r.name.clone()),
                count(r.lessons),
                count(r.absent),
                count(r.ill),
                count(r.excused),
                count(r.late),
                Cell::Number(r.percent_present),
            ]
        })
        .collect();
    let sum = |f: fn(&AttendanceRow) -> usize| view.rows.iter().map(f).sum::<usize>();
    let (lessons, absent, ill, excused) = (
        sum(|r| r.lessons),
        sum(|r| r.absent),
        sum(|r| r.ill),
        sum(|r| r.excused),
    );
    let total = vec![
        Cell::Empty,
        Cell::Text(t("sheet-total")),
        count(lessons),
        count(absent),
        count(ill),
        count(excused),
        count(sum(|r| r.late)),
        Cell::Number(percent_present(lessons, absent + ill + excused)),
    ];
    let chart = (!view.by_week.is_empty()).then(|| Chart {
        title: t("sheet-week-chart"),
        labels: view
            .by_week
            .iter()
            .map(|w| {
                w.week_start
                    .parse::<NaiveDate>()
                    .map_or_else(|_| w.week_start.clone(), |d| d.format("%d.%m").to_string())
            })
            .collect(),
        series: vec![Series {
            name: t("sheet-present-percent"),
            values: view.by_week.iter().map(|w| w.percent_present).collect(),
        }],
    });
    Report {
        title: text(
            lang,
            "sheet-attendance-title",
            &[
                ("class", view.class_name.as_str().into()),
                ("from", date_text(from).as_str().into()),
                ("to", date_text(to).as_str().into()),
            ],
        ),
        subtitle: Some(subtitle),
        columns,
        rows,
        footer_rows: vec![total],
        chart,
        landscape: false,
    }
}

#[utoipa::path(get, path = "/api/v1/reports/attendance", operation_id = "attendanceReport", tag = "oversight",
    params(AttendanceReportQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "The report, or its file", content(
            (AttendanceReportView = "application/json"),
            (FileBytes = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (FileBytes = "application/pdf"))),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn attendance_report(
    State(state): State<ApiState>,
    caller: Caller,
    q: Result<Query<AttendanceReportQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    caller.may(Operation::AttendanceReport)?;
    let q = school::query(q)?;
    let lang = lang_of(&caller);
    let format = q.format.unwrap_or_default();
    let (view, report, (from, to)) = state
        .with(move |org| {
            let today = school_date(org.now());
            let (from, to) = period(q.from, q.to, today)?;
            let store = org.store()?;
            let view = read_attendance(store, q.class_id, from, to, today)?;
            let report = (format != Format::Json).then(|| {
                let subtitle = organisation_name(store).map(|o| printed(lang, &o, today));
                subtitle.map(|s| attendance_sheet(&view, from, to, lang, s))
            });
            Ok((view, report.transpose()?, (from, to)))
        })
        .await?;
    match report {
        None => Ok(Json(view).into_response()),
        Some(report) => file(report, format, format!("attendance-{from}-{to}")).await,
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GradesReportQuery {
    pub class_id: Uuid,
    pub term_id: Uuid,
    /// `json` (the default), `xlsx` or `pdf`.
    #[param(inline)]
    pub format: Option<Format>,
}

#[derive(Serialize, ToSchema)]
pub struct SubjectRef {
    pub subject: String,
    pub subject_name: String,
}

#[derive(Serialize, ToSchema)]
pub struct GradesRow {
    pub student_id: String,
    pub name: String,
    /// The term grade of each subject, in the order of `subjects`; `null` where there is none.
    pub grades: Vec<Option<i64>>,
}

#[derive(Serialize, ToSchema)]
pub struct GradeDistribution {
    pub subject: String,
    pub subject_name: String,
    pub twos: usize,
    pub threes: usize,
    pub fours: usize,
    pub fives: usize,
}

#[derive(Serialize, ToSchema)]
pub struct GradesReportView {
    pub class_name: String,
    pub term: TermView,
    /// Subjects with lessons in the term, in the catalogue's order.
    pub subjects: Vec<SubjectRef>,
    pub rows: Vec<GradesRow>,
    pub distribution: Vec<GradeDistribution>,
}

fn read_grades(
    store: &Store,
    class_id: Uuid,
    term_id: Uuid,
    lang: &str,
) -> Result<(GradesReportView, Term), ApiError> {
    let class = store
        .get::<Class>(class_id)?
        .ok_or(CoreError::NotFound { entity: "class" })?;
    let term = store
        .get::<Term>(term_id)?
        .filter(|t| t.year_id == class.year_id)
        .ok_or(CoreError::NotFound { entity: "term" })?;
    let lessons = store.lessons_of(class.id, term.id)?;
    let marks = marks_of(store, class.id, term.id)?;
    // The subjects with a mark so far: the timetable's lessons to come grade nothing yet.
    let marked: HashSet<Uuid> = marks.keys().map(|(lesson, _)| *lesson).collect();
    let mut codes: Vec<String> = lessons
        .iter()
        .filter(|l| marked.contains(&l.id))
        .map(|l| l.subject.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    codes.sort_by_key(|c| subject_order(c));
    let pupils = Pupils::of(
        store,
        &school::names(store)?,
        class.id,
        term.starts,
        term.ends,
    )?;
    let ids: Vec<Uuid> = pupils.list.iter().map(|p| p.0).collect();
    let rules = rule_set_for(term.starts);
    let mut rows: Vec<GradesRow> = pupils
        .list
        .iter()
        .map(|(id, name)| GradesRow {
            student_id: id.to_string(),
            name: name.clone(),
            grades: Vec::new(),
        })
        .collect();
    let mut distribution = Vec::new();
    for code in &codes {
        let of_subject: Vec<&Lesson> = lessons.iter().filter(|l| &l.subject == code).collect();
        let grades = journal::term_grades(rules, &of_subject, &marks, &ids);
        let count = |g: i64| grades.iter().filter(|(_, t)| t.grade == Some(g)).count();
        distribution.push(GradeDistribution {
            subject: code.clone(),
            subject_name: subject_name(code, lang),
            twos: count(2),
            threes: count(3),
            fours: count(4),
            fives: count(5),
        });
        for (row, (_, grade)) in rows.iter_mut().zip(&grades) {
            row.grades.push(grade.grade);
        }
    }
    let view = GradesReportView {
        class_name: class.name(),
        term: TermView::from(&term),
        subjects: codes
            .iter()
            .map(|c| SubjectRef {
                subject: c.clone(),
                subject_name: subject_name(c, lang),
            })
            .collect(),
        rows,
        distribution,
    };
    Ok((view, term))
}

fn grades_sheet(view: &GradesReportView, term: &Term, lang: Lang, subtitle: String) -> Report {
    let t = |id: &str| text(lang, id, &[]);
    let mut columns = vec![
        Column::new(t("sheet-number"), 4.0),
        Column::new(t("sheet-pupil"), 28.0),
    ];
    columns.extend(
        view.subjects
            .iter()
            .map(|s| Column::new(s.subject_name.clone(), 10.0)),
    );
    let rows = view
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut row = vec![Cell::Int(i as i64 + 1), Cell::Text(r.name.clone())];
            row.extend(r.grades.iter().map(|g| g.map_or(Cell::Empty, Cell::Int)));
            row
        })
        .collect();
    let of = |d: &GradeDistribution, grade: i64| {
        let count = match grade {
            2 => d.twos,
            3 => d.threes,
            4 => d.fours,
            _ => d.fives,
        };
        count as f64
    };
    let footer_rows = [5, 4, 3, 2]
        .map(|grade| {
            let label = text(lang, "sheet-grade-count", &[("grade", grade.into())]);
            let mut row = vec![Cell::Empty, Cell::Text(label)];
            row.extend(
                view.distribution
                    .iter()
                    .map(|d| Cell::Int(of(d, grade) as i64)),
            );
            row
        })
        .to_vec();
    let chart = (!view.distribution.is_empty()).then(|| Chart {
        title: t("sheet-grades-chart"),
        labels: view
            .distribution
            .iter()
            .map(|d| d.subject_name.clone())
            .collect(),
        series: [2, 3, 4, 5]
            .map(|grade| Series {
                name: text(lang, "sheet-grade-series", &[("grade", grade.into())]),
                values: view.distribution.iter().map(|d| of(d, grade)).collect(),
            })
            .to_vec(),
    });
    Report {
        title: text(
            lang,
            "sheet-grades-title",
            &[
                ("class", view.class_name.as_str().into()),
                ("term", term.number.into()),
                ("from", date_text(term.starts).as_str().into()),
                ("to", date_text(term.ends).as_str().into()),
            ],
        ),
        subtitle: Some(subtitle),
        columns,
        rows,
        footer_rows,
        chart,
        landscape: view.subjects.len() > 8,
    }
}

#[utoipa::path(get, path = "/api/v1/reports/grades", operation_id = "gradesReport", tag = "oversight",
    params(GradesReportQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "The report, or its file", content(
            (GradesReportView = "application/json"),
            (FileBytes = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (FileBytes = "application/pdf"))),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn grades_report(
    State(state): State<ApiState>,
    caller: Caller,
    q: Result<Query<GradesReportQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    caller.may(Operation::GradesReport)?;
    let q = school::query(q)?;
    let lang = lang_of(&caller);
    let format = q.format.unwrap_or_default();
    let (view, report, number) = state
        .with(move |org| {
            let today = school_date(org.now());
            let store = org.store()?;
            let (view, term) = read_grades(store, q.class_id, q.term_id, school::lang(&caller))?;
            let report = (format != Format::Json).then(|| {
                let subtitle = organisation_name(store).map(|o| printed(lang, &o, today));
                subtitle.map(|s| grades_sheet(&view, &term, lang, s))
            });
            Ok((view, report.transpose()?, term.number))
        })
        .await?;
    match report {
        None => Ok(Json(view).into_response()),
        Some(report) => file(report, format, format!("grades-term-{number}")).await,
    }
}
