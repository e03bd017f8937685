//! The kindergarten's attendance register over HTTP (R25.5): the current year's age groups with
//! their places, one group's month (children × working days with the reasons of absence and the
//! days taken), saving a month's cells as one command, and the monthly sheet a kindergarten hands
//! in, as xlsx or PDF. The rules live in `dala_core::register`; a month is one document, so every
//! handler here reads or writes exactly one.

use std::collections::{BTreeMap, BTreeSet};

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Response;
use chrono::{Datelike, NaiveDate};
use dala_core::assignment::Assignment;
use dala_core::enrolment::Enrolment;
use dala_core::group::AgeGroup;
use dala_core::org::Organisation;
use dala_core::person::collation_key;
use dala_core::register::{self, Presence, PresenceEdit};
use dala_core::year::school_date;
use dala_core::{Command, CoreError, DocKey, Grid};
use dala_i18n::Lang;
use dala_report::{Cell, Column, Report};
use dala_store::{Author, Store};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::error::{ApiError, ErrorBody};
use crate::journal::StudentView;
use crate::oversight::{self, Format};
use crate::permission::Operation;
use crate::school;
use crate::session::Caller;
use crate::{ApiState, Org};

#[derive(Serialize, ToSchema)]
pub struct GroupSummary {
    pub id: String,
    pub name: String,
    pub norm_places: i64,
    /// Children enrolled today.
    pub enrolled: usize,
    pub free_places: i64,
    /// Whether the caller may save this group's register: an educator their own groups only.
    pub editable: bool,
}

#[derive(Serialize, ToSchema)]
pub struct PresenceCell {
    pub date: String,
    pub child_id: String,
    /// `absent`, `ill`, `vacation` or `excused`; a present child has no cell.
    pub code: String,
    /// Codes another device left in the same cell by a concurrent edit; empty normally.
    pub conflicts: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct GroupAttendanceView {
    pub group_id: String,
    pub group_name: String,
    /// `YYYY-MM`.
    pub month: String,
    pub norm_places: i64,
    pub enrolled: usize,
    pub free_places: i64,
    pub editable: bool,
    /// The month's working days, Monday to Friday.
    pub days: Vec<String>,
    /// Enrolled on any day of the month, by name.
    pub children: Vec<StudentView>,
    pub cells: Vec<PresenceCell>,
    /// Days whose register was taken.
    pub taken: Vec<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MonthQuery {
    pub group_id: Uuid,
    /// `YYYY-MM`.
    pub month: String,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SheetQuery {
    pub group_id: Uuid,
    /// `YYYY-MM`.
    pub month: String,
    /// `xlsx` or `pdf`.
    #[param(inline)]
    pub format: Format,
}

#[derive(Deserialize, ToSchema)]
pub struct PresenceInput {
    pub date: NaiveDate,
    pub child_id: Uuid,
    /// `null` (or `present`) clears the cell.
    pub code: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct SavePresenceRequest {
    pub group_id: Uuid,
    pub month: String,
    pub cells: Vec<PresenceInput>,
    /// Days taken with every child present (no cells to send).
    #[serde(default)]
    pub taken: Vec<NaiveDate>,
}

fn month_of(text: &str) -> Result<u32, ApiError> {
    register::parse_month(text).ok_or_else(|| ApiError::bad_request("month"))
}

/// Whether the caller may save the group's register: the same rule `SavePresence` keeps.
fn editable(caller: &Caller, store: &Store, group: Uuid) -> Result<bool, ApiError> {
    if !Operation::SaveGroupAttendance.allowed(caller.account.role) {
        return Ok(false);
    }
    let assignments = store.find::<Assignment>("group_id", &group.to_string())?;
    Ok(school::acting(caller)
        .may_keep(&assignments, group, None)
        .is_ok())
}

/// One group's register for one month, as its views and its sheet show it.
pub(crate) struct Month {
    pub group: AgeGroup,
    pub month: u32,
    /// Children enrolled on any day of the month, by name.
    pub children: Vec<(Uuid, String)>,
    enrolments: Vec<Enrolment>,
    pub enrolled_today: usize,
    /// (day, child) → the reason of absence and any conflicting ones.
    pub cells: BTreeMap<(NaiveDate, Uuid), (Presence, Vec<Presence>)>,
    pub taken: BTreeSet<NaiveDate>,
}

impl Month {
    pub fn read(
        store: &Store,
        group_id: Uuid,
        month: u32,
        today: NaiveDate,
    ) -> Result<Month, ApiError> {
        let group = store
            .get::<AgeGroup>(group_id)?
            .ok_or(CoreError::NotFound { entity: "group" })?;
        let days = register::days_of(month);
        let (Some(&first), Some(&last)) = (days.first(), days.last()) else {
            return Err(ApiError::bad_request("month"));
        };
        let all = store.find::<Enrolment>("group_id", &group.id.to_string())?;
        let enrolled_today = all
            .iter()
            .filter(|e| e.covers(today))
            .map(|e| e.person_id)
            .collect::<BTreeSet<_>>()
            .len();
        let enrolments: Vec<Enrolment> = all
            .into_iter()
            .filter(|e| e.from <= last && e.to.is_none_or(|to| to >= first))
            .collect();
        let names = school::names(store)?;
        let mut children: Vec<(Uuid, String)> = enrolments
            .iter()
            .map(|e| {
                let name = names.get(&e.person_id).cloned().unwrap_or_default();
                (e.person_id, name)
            })
            .collect();
        children.sort_by_cached_key(|c| (collation_key(&c.1), c.0));
        children.dedup_by_key(|c| c.0);
        let doc = DocKey::Register {
            group: group.id,
            month,
        };
        let mut cells = BTreeMap::new();
        for cell in store.cells(doc, Grid::Presence)? {
            let (Ok(day), Ok(child), Some(code)) = (
                cell.row.parse::<NaiveDate>(),
                cell.col.parse::<Uuid>(),
                Presence::from_code(&cell.value),
            ) else {
                continue;
            };
            let others = cell
                .conflicts
                .iter()
                .filter_map(|c| Presence::from_code(c))
                .collect();
            cells.insert((day, child), (code, others));
        }
        let taken = store
            .cells(doc, Grid::Days)?
            .into_iter()
            .filter(|c| c.col == "taken")
            .filter_map(|c| c.row.parse().ok())
            .collect();
        Ok(Month {
            group,
            month,
            children,
            enrolments,
            enrolled_today,
            cells,
            taken,
        })
    }

    pub fn enrolled(&self, child: Uuid, day: NaiveDate) -> bool {
        self.enrolments
            .iter()
            .any(|e| e.person_id == child && e.covers(day))
    }

    /// The days whose register says something: taken, or with an absence marked.
    pub fn kept_days(&self) -> BTreeSet<NaiveDate> {
        self.taken
            .iter()
            .copied()
            .chain(self.cells.keys().map(|(day, _)| *day))
            .collect()
    }

    fn view(&self, editable: bool) -> GroupAttendanceView {
        GroupAttendanceView {
            group_id: self.group.id.to_string(),
            group_name: self.group.name.clone(),
            month: register::month_text(self.month),
            norm_places: self.group.norm_places,
            enrolled: self.enrolled_today,
            free_places: self.group.free_places(self.enrolled_today),
            editable,
            days: register::working_days(self.month)
                .iter()
                .map(NaiveDate::to_string)
                .collect(),
            children: self
                .children
                .iter()
                .enumerate()
                .map(|(i, (id, name))| StudentView {
                    id: id.to_string(),
                    name: name.clone(),
                    number: i + 1,
                })
                .collect(),
            cells: self
                .cells
                .iter()
                .map(|((day, child), (code, others))| PresenceCell {
                    date: day.to_string(),
                    child_id: child.to_string(),
                    code: code.code().to_string(),
                    conflicts: others.iter().map(|p| p.code().to_string()).collect(),
                })
                .collect(),
            taken: self.taken.iter().map(NaiveDate::to_string).collect(),
        }
    }
}

#[utoipa::path(get, path = "/api/v1/attendance/groups", operation_id = "listGroups", tag = "attendance",
    security(("bearer" = [])),
    responses((status = 200, body = [GroupSummary]), (status = 403, body = ErrorBody)))]
pub async fn list_groups(
    State(state): State<ApiState>,
    caller: Caller,
) -> Result<Json<Vec<GroupSummary>>, ApiError> {
    caller.may(Operation::ListGroups)?;
    state
        .with(move |org| {
            let today = school_date(org.now());
            let store = org.store()?;
            let Some(year) = school::current_year(store, today)? else {
                return Ok(Json(Vec::new()));
            };
            let enrolments = store.find::<Enrolment>("year_id", &year.id.to_string())?;
            let mut groups = store.find::<AgeGroup>("year_id", &year.id.to_string())?;
            groups.sort_by(|a, b| (a.age_from, &a.name).cmp(&(b.age_from, &b.name)));
            let groups = groups
                .into_iter()
                .map(|g| {
                    let enrolled = enrolments
                        .iter()
                        .filter(|e| e.group_id == g.id && e.covers(today))
                        .map(|e| e.person_id)
                        .collect::<BTreeSet<_>>()
                        .len();
                    Ok(GroupSummary {
                        id: g.id.to_string(),
                        editable: editable(&caller, store, g.id)?,
                        free_places: g.free_places(enrolled),
                        norm_places: g.norm_places,
                        name: g.name,
                        enrolled,
                    })
                })
                .collect::<Result<_, ApiError>>()?;
            Ok(Json(groups))
        })
        .await
}

#[utoipa::path(get, path = "/api/v1/attendance", operation_id = "getGroupAttendance", tag = "attendance",
    params(MonthQuery), security(("bearer" = [])),
    responses((status = 200, body = GroupAttendanceView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn group_attendance(
    State(state): State<ApiState>,
    caller: Caller,
    q: Result<Query<MonthQuery>, QueryRejection>,
) -> Result<Json<GroupAttendanceView>, ApiError> {
    caller.may(Operation::GroupAttendance)?;
    let q = school::query(q)?;
    let month = month_of(&q.month)?;
    state
        .with(move |org| {
            let today = school_date(org.now());
            let store = org.store()?;
            let register = Month::read(store, q.group_id, month, today)?;
            Ok(Json(register.view(editable(&caller, store, q.group_id)?)))
        })
        .await
}

fn presence_of(input: &PresenceInput, index: usize) -> Result<Option<Presence>, ApiError> {
    match input.code.as_deref() {
        None | Some("present") => Ok(None),
        Some(code) => Presence::from_code(code).map(Some).ok_or(ApiError {
            index: Some(index),
            ..ApiError::bad_request("code")
        }),
    }
}

#[utoipa::path(post, path = "/api/v1/attendance", operation_id = "saveGroupAttendance", tag = "attendance",
    request_body = SavePresenceRequest, security(("bearer" = [])),
    responses((status = 200, body = GroupAttendanceView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn save_group_attendance(
    State(state): State<ApiState>,
    caller: Caller,
    Json(request): Json<SavePresenceRequest>,
) -> Result<Json<GroupAttendanceView>, ApiError> {
    caller.may(Operation::SaveGroupAttendance)?;
    let month = month_of(&request.month)?;
    let cells = request
        .cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            Ok(PresenceEdit {
                date: c.date,
                child_id: c.child_id,
                presence: presence_of(c, i)?,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    state
        .with(move |org: &mut Org| {
            let now = org.now();
            let store = org.store()?;
            store.act_as(Author {
                account_id: Some(caller.account.id),
                login: caller.account.login.clone(),
            });
            let command = Command::SavePresence {
                group_id: request.group_id,
                month,
                cells,
                taken: request.taken,
                by: school::acting(&caller),
            };
            store.execute(&command, now)?;
            let register = Month::read(store, request.group_id, month, school_date(now))?;
            Ok(Json(register.view(editable(
                &caller,
                store,
                request.group_id,
            )?)))
        })
        .await
}

/// The sheet as the kindergarten hands it in: a row per child with the letter of each day's
/// absence, the days present and the absences by reason; under it the children present and
/// absent each day. Only days whose register was kept count; the others stay blank.
fn sheet(register: &Month, lang: Lang, org: &str, today: NaiveDate) -> Report {
    let t = |id: &str| oversight::text(lang, id, &[]);
    let days = register::working_days(register.month);
    let kept = register.kept_days();
    let letter = |p: Presence| t(&format!("sheet-letter-{}", p.code()));
    let reason = |p: Presence| t(&format!("sheet-reason-{}", p.code()));

    let mut columns = vec![
        Column::new(t("sheet-number"), 4.0),
        Column::new(t("sheet-child"), 26.0),
    ];
    columns.extend(days.iter().map(|d| Column::new(d.day().to_string(), 3.5)));
    columns.push(Column::new(t("sheet-present-days"), 9.0));
    columns.extend(Presence::ALL.map(|p| Column::new(reason(p), 9.0)));

    let mut present_by_day = vec![0i64; days.len()];
    let mut absent_by_day = vec![0i64; days.len()];
    let mut totals = [0i64; 1 + Presence::ALL.len()];
    let mut rows = Vec::new();
    for (i, (child, name)) in register.children.iter().enumerate() {
        let mut row = vec![Cell::Int(i as i64 + 1), Cell::Text(name.clone())];
        let mut counts = [0i64; 1 + Presence::ALL.len()];
        for (d, day) in days.iter().enumerate() {
            if !kept.contains(day) || !register.enrolled(*child, *day) {
                row.push(Cell::Empty);
                continue;
            }
            match register.cells.get(&(*day, *child)) {
                Some((p, _)) => {
                    row.push(Cell::Text(letter(*p)));
                    let at = Presence::ALL.iter().position(|x| x == p).unwrap_or(0);
                    counts[1 + at] += 1;
                    absent_by_day[d] += 1;
                }
                None => {
                    row.push(Cell::Empty);
                    counts[0] += 1;
                    present_by_day[d] += 1;
                }
            }
        }
        row.extend(counts.iter().map(|n| Cell::Int(*n)));
        for (total, n) in totals.iter_mut().zip(counts) {
            *total += n;
        }
        rows.push(row);
    }
    let per_day = |label: &str, counts: &[i64]| -> Vec<Cell> {
        let mut row = vec![Cell::Empty, Cell::Text(t(label))];
        row.extend(days.iter().zip(counts).map(|(day, n)| {
            if kept.contains(day) {
                Cell::Int(*n)
            } else {
                Cell::Empty
            }
        }));
        row
    };
    let mut present_row = per_day("sheet-present-per-day", &present_by_day);
    present_row.push(Cell::Int(totals[0]));
    let mut absent_row = per_day("sheet-absent-per-day", &absent_by_day);
    absent_row.push(Cell::Empty);
    absent_row.extend(totals[1..].iter().map(|n| Cell::Int(*n)));

    let legend = Presence::ALL
        .map(|p| format!("{} — {}", letter(p), reason(p).to_lowercase()))
        .join(", ");
    let printed = oversight::text(
        lang,
        "sheet-printed",
        &[
            ("org", org.into()),
            ("date", oversight::date_text(today).as_str().into()),
        ],
    );
    let legend = oversight::text(lang, "sheet-legend", &[("legend", legend.as_str().into())]);
    let month = format!("{:02}.{:04}", register.month % 100, register.month / 100);
    Report {
        title: oversight::text(
            lang,
            "sheet-group-title",
            &[
                ("group", register.group.name.as_str().into()),
                ("month", month.as_str().into()),
            ],
        ),
        subtitle: Some(format!("{printed} {legend}")),
        columns,
        rows,
        footer_rows: vec![present_row, absent_row],
        chart: None,
        landscape: true,
    }
}

#[utoipa::path(get, path = "/api/v1/attendance/sheet", operation_id = "attendanceSheet", tag = "attendance",
    params(SheetQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "The month's sheet", content(
            (oversight::FileBytes = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (oversight::FileBytes = "application/pdf"))),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn attendance_sheet(
    State(state): State<ApiState>,
    caller: Caller,
    q: Result<Query<SheetQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    caller.may(Operation::AttendanceSheet)?;
    let q = school::query(q)?;
    let month = month_of(&q.month)?;
    if q.format == Format::Json {
        return Err(ApiError::bad_request("format"));
    }
    let lang = oversight::lang_of(&caller);
    let report = state
        .with(move |org| {
            let today = school_date(org.now());
            let store = org.store()?;
            let register = Month::read(store, q.group_id, month, today)?;
            let name = store
                .list::<Organisation>()?
                .into_iter()
                .next()
                .map(|o| o.name)
                .unwrap_or_default();
            Ok(sheet(&register, lang, &name, today))
        })
        .await?;
    let stem = format!("attendance-{}", register::month_text(month));
    oversight::file(report, q.format, stem).await
}
