//! The week as one table to print or send: a row per day and period, a column per class, teacher
//! or room.

use std::collections::HashMap;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Response;
use chrono::NaiveDate;
use dala_core::year::school_date;
use dala_i18n::Lang;
use dala_report::{Cell, Column, Report};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::{Week, week_of};
use crate::ApiState;
use crate::error::{ApiError, ErrorBody};
use crate::oversight::{Format, file, lang_of, organisation_name, printed, subject_name, text};
use crate::permission::Operation;
use crate::school;
use crate::session::Caller;

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
