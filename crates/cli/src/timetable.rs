//! `dala timetable generate | check | export | import`: the school timetable of the current year
//! from the command line, through the same functions as the API's (`dala_api::timetable`).

use std::io::Write;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use clap::ValueEnum;
use dala_api::timetable::{By, Week, generate as run_generator, read_week, sheet, weekday};
use dala_core::fet;
use dala_core::generator;
use dala_core::org::Organisation;
use dala_core::year::Term;
use dala_i18n::Lang;
use dala_store::{Store, StoreError};
use serde::Serialize;

use crate::error::CliError;

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Fet,
    Xlsx,
    Pdf,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    Json,
    Table,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ImportFormat {
    Fet,
}

/// The current year's week; an error when the store has no year.
pub fn read(store: &Store, today: NaiveDate) -> Result<Week, CliError> {
    read_week(store, today)?.ok_or(CliError::Store(StoreError::Core(
        dala_core::CoreError::NotFound {
            entity: "academic_year",
        },
    )))
}

/// What a run left: the figures the CLI prints.
pub struct Generated {
    pub lessons: usize,
    pub hard: Vec<Violation>,
    pub soft_score: f64,
}

/// Fills the current year's timetable (pinned lessons stay) and saves it as one change.
pub fn generate(
    store: &mut Store,
    seconds: u64,
    today: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
    lang: Lang,
) -> Result<Generated, CliError> {
    let week = read(store, today)?;
    let stop = AtomicBool::new(false);
    let outcome = run_generator(&week, seconds, &stop, &|_| {});
    let mut terms = store.find::<Term>("year_id", &week.year.id.to_string())?;
    terms.sort_by_key(|t| t.starts);
    store
        .execute_batch(&week.save(&outcome.timetable, &terms, today), now)
        .map_err(|mut refusals| CliError::Store(refusals.remove(0).1))?;
    let saved = read(store, today)?;
    let violations = violations(&saved, lang);
    Ok(Generated {
        lessons: saved.stored.len(),
        hard: violations.into_iter().filter(|v| v.hard).collect(),
        soft_score: (outcome.soft_score * 10.0).round() / 10.0,
    })
}

/// A broken rule as `dala timetable check --format json` prints it.
#[derive(Serialize)]
pub struct Violation {
    pub code: String,
    pub hard: bool,
    pub message: String,
    pub lessons: Vec<LessonRef>,
}

#[derive(Serialize)]
pub struct LessonRef {
    /// The stored lesson's id; none for a lesson of the plan that is not placed.
    pub id: Option<String>,
    pub class: String,
    pub subject: String,
    pub subgroup: Option<u32>,
    pub teacher_id: String,
    pub day: Option<u32>,
    pub period: Option<u32>,
}

/// Every rule the stored week breaks, hard ones first; lessons not placed count as hard.
pub fn violations(week: &Week, lang: Lang) -> Vec<Violation> {
    let classes: std::collections::HashMap<_, _> =
        week.classes.iter().map(|c| (c.id, c.name())).collect();
    let mut all: Vec<Violation> = generator::check(&week.problem.instance, &week.placed.timetable)
        .iter()
        .map(|v| {
            let view = week.violation_view(v, lang);
            Violation {
                code: view.code,
                hard: view.hard,
                message: view.message,
                lessons: v
                    .activities
                    .iter()
                    .map(|&a| {
                        let key = &week.problem.keys[a];
                        let at = week.placed.timetable.placements[a].map(|p| p.start);
                        LessonRef {
                            id: week.placed.ids[a].map(|id| id.to_string()),
                            class: classes.get(&key.class_id).cloned().unwrap_or_default(),
                            subject: key.subject.clone(),
                            subgroup: key.subgroup,
                            teacher_id: key.teacher_id.to_string(),
                            day: at.map(|s| s.day as u32 + 1),
                            period: at.map(|s| s.hour as u32 + 1),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    all.sort_by_key(|v| !v.hard);
    all
}

/// Writes the current year's timetable: as FET's file (every placed lesson locked where it is),
/// or as the sheet by class in xlsx or PDF.
pub fn export(
    store: &Store,
    format: ExportFormat,
    out: &Path,
    today: NaiveDate,
    lang: Lang,
) -> Result<usize, CliError> {
    let week = read(store, today)?;
    let bytes = match format {
        ExportFormat::Fet => {
            let mut instance = week.problem.instance.clone();
            instance.name = week.year.name();
            instance.days = (1..=instance.days.len())
                .map(|d| weekday(lang, d as u32))
                .collect();
            fet::write(&instance, Some(&week.placed.timetable)).into_bytes()
        }
        ExportFormat::Xlsx | ExportFormat::Pdf => {
            let org = store
                .list::<Organisation>()?
                .into_iter()
                .next()
                .map(|o| o.name)
                .unwrap_or_default();
            let report = sheet(&week, By::Class, lang, &org, today);
            let written = match format {
                ExportFormat::Pdf => dala_report::pdf(&report),
                _ => dala_report::xlsx(&report),
            };
            written.map_err(|e| CliError::io(out, e))?
        }
    };
    std::fs::File::create(out)
        .and_then(|mut file| file.write_all(&bytes).and_then(|()| file.flush()))
        .map_err(|e| CliError::io(out, e))?;
    Ok(week.stored.len())
}

/// What `dala timetable import --format fet` found in a file.
#[derive(Serialize)]
pub struct ImportSummary {
    pub name: String,
    pub days: usize,
    pub hours: usize,
    pub teachers: usize,
    pub subjects: usize,
    pub students_sets: usize,
    pub rooms: usize,
    pub activities: usize,
    pub constraints: usize,
    /// The constraints Dala does not read, by FET's tag, with how many are active.
    pub unsupported: Vec<Unsupported>,
    /// Hard rules the file's own timetable (its locked starting times) breaks, if it has one.
    pub hard_violations: usize,
}

#[derive(Serialize)]
pub struct Unsupported {
    pub tag: String,
    pub count: usize,
    pub active: usize,
}

/// Reads a FET file: what a school timetable uses, and the constraints it does not support.
pub fn import(file: &Path) -> Result<ImportSummary, CliError> {
    let text = std::fs::read_to_string(file).map_err(|e| CliError::io(file, e))?;
    let import = fet::read(&text).map_err(CliError::Fet)?;
    let i = &import.instance;
    let start = generator::Timetable::empty(i);
    let hard = generator::check(i, &start)
        .iter()
        .filter(|v| v.hard && v.code != "timetable.unplaced")
        .count();
    Ok(ImportSummary {
        name: i.name.clone(),
        days: i.days.len(),
        hours: i.hours.len(),
        teachers: i.teachers.len(),
        subjects: i.subjects.len(),
        students_sets: i.students.len(),
        rooms: i.rooms.len(),
        activities: i.activities.len(),
        constraints: i.constraints.len(),
        unsupported: import
            .unsupported
            .iter()
            .map(|u| Unsupported {
                tag: u.element.clone(),
                count: u.count,
                active: u.active,
            })
            .collect(),
        hard_violations: hard,
    })
}
