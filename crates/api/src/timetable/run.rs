//! The generator run in the background: one at a time, its progress for the UI, a stop that keeps
//! the best timetable so far, and the save when it ends.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use dala_core::generator::{self, Options, Phase};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Week, not_while_running, save, week_of};
use crate::ApiState;
use crate::error::{ApiError, ErrorBody};
use crate::permission::Operation;
use crate::session::Caller;

/// A generator run in the background, shared between its thread and the requests that ask
/// after it or stop it.
#[derive(Clone, Default)]
pub(crate) struct Run {
    stop: Arc<AtomicBool>,
    status: Arc<Mutex<RunStatus>>,
}

impl Run {
    pub(super) fn running(&self) -> bool {
        self.status.lock().map(|s| s.running).unwrap_or(false)
    }

    fn status(&self) -> RunStatus {
        self.status.lock().map(|s| s.clone()).unwrap_or_default()
    }

    fn update(&self, f: impl FnOnce(&mut RunStatus)) {
        if let Ok(mut s) = self.status.lock() {
            f(&mut s);
        }
    }
}

#[derive(Serialize, ToSchema, Clone, Default)]
pub struct RunStatus {
    pub running: bool,
    /// `construct`, `repair` or `improve` while running.
    pub phase: Option<String>,
    pub elapsed_ms: u64,
    pub steps: u64,
    /// The best timetable's hard-rule breaches and soft score so far.
    pub hard: u32,
    pub soft: f64,
    pub finished: Option<Finished>,
}

#[derive(Serialize, ToSchema, Clone)]
pub struct Finished {
    /// Hard rules the saved timetable still breaks (lessons not placed among them).
    pub hard_left: usize,
    pub soft_score: f64,
    /// The run was stopped before its time was up.
    pub stopped: bool,
    /// The save was refused: its error code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct GenerateRequest {
    /// The time budget; 30 when not given, at most 600.
    pub seconds: Option<u64>,
}

fn phase_code(phase: Phase) -> &'static str {
    match phase {
        Phase::Construct => "construct",
        Phase::Repair => "repair",
        Phase::Improve => "improve",
    }
}

/// Runs the generator on `week` and returns the timetable to save: used by the API's background
/// run and by `dala timetable generate`.
pub fn generate(
    week: &Week,
    seconds: u64,
    stop: &AtomicBool,
    progress: &dyn Fn(generator::Progress),
) -> generator::Outcome {
    let mut options = Options::new(Duration::from_secs(seconds), 1, stop);
    options.progress = progress;
    generator::generate(&week.problem.instance, &week.placed.timetable, options)
}

#[utoipa::path(post, path = "/api/v1/timetable/generate", operation_id = "generateTimetable", tag = "timetable",
    request_body = GenerateRequest, security(("bearer" = [])),
    responses((status = 200, body = RunStatus), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn start_generate(
    State(state): State<ApiState>,
    caller: Caller,
    Json(request): Json<GenerateRequest>,
) -> Result<Json<RunStatus>, ApiError> {
    caller.may(Operation::GenerateTimetable)?;
    let seconds = request.seconds.unwrap_or(30).clamp(1, 600);
    let shared = state.0.clone();
    state
        .with(move |org| {
            not_while_running(org)?;
            let week = week_of(org)?;
            let run = Run::default();
            run.update(|s| s.running = true);
            org.timetable_run = Some(run.clone());
            let thread_run = run.clone();
            std::thread::spawn(move || {
                let progress = |p: generator::Progress| {
                    thread_run.update(|s| {
                        s.phase = Some(phase_code(p.phase).into());
                        s.elapsed_ms = p.elapsed.as_millis() as u64;
                        s.steps = p.steps;
                        s.hard = p.hard;
                        s.soft = p.soft;
                    });
                };
                let outcome = generate(&week, seconds, &thread_run.stop, &progress);
                let saved = shared
                    .lock()
                    .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "store.database"))
                    .and_then(|mut org| save(&mut org, &caller, &week, &outcome.timetable));
                thread_run.update(|s| {
                    s.running = false;
                    s.phase = None;
                    s.elapsed_ms = outcome.stats.elapsed.as_millis() as u64;
                    s.steps = outcome.stats.steps;
                    s.hard = outcome.hard_violations.len() as u32;
                    s.soft = outcome.soft_score;
                    s.finished = Some(Finished {
                        hard_left: outcome.hard_violations.len(),
                        soft_score: (outcome.soft_score * 10.0).round() / 10.0,
                        stopped: outcome.stats.stopped,
                        error: saved.err().map(|e| e.code.to_string()),
                    });
                });
            });
            Ok(Json(run.status()))
        })
        .await
}

#[utoipa::path(get, path = "/api/v1/timetable/generate", operation_id = "generateStatus", tag = "timetable",
    security(("bearer" = [])), responses((status = 200, body = RunStatus), (status = 403, body = ErrorBody)))]
pub async fn generate_status(
    State(state): State<ApiState>,
    caller: Caller,
) -> Result<Json<RunStatus>, ApiError> {
    caller.may(Operation::GenerateStatus)?;
    state
        .with(move |org| {
            Ok(Json(
                org.timetable_run
                    .as_ref()
                    .map(Run::status)
                    .unwrap_or_default(),
            ))
        })
        .await
}

#[utoipa::path(delete, path = "/api/v1/timetable/generate", operation_id = "stopGenerate", tag = "timetable",
    security(("bearer" = [])), responses((status = 200, body = RunStatus), (status = 403, body = ErrorBody)))]
pub async fn stop_generate(
    State(state): State<ApiState>,
    caller: Caller,
) -> Result<Json<RunStatus>, ApiError> {
    caller.may(Operation::StopGenerate)?;
    let run = state.with(move |org| Ok(org.timetable_run.clone())).await?;
    let Some(run) = run else {
        return Ok(Json(RunStatus::default()));
    };
    run.stop.store(true, Ordering::Relaxed);
    // The run saves the best timetable so far and says so; wait for it, briefly.
    let waited = tokio::task::spawn_blocking(move || {
        for _ in 0..100 {
            if !run.running() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        run.status()
    })
    .await
    .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "store.database"))?;
    Ok(Json(waited))
}
