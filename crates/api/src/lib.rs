//! dala-api: the one JSON API under `/api/v1`, an axum Router that the desktop window reaches
//! through its URI scheme and browsers reach over the LAN. Handlers check the caller's role,
//! turn the JSON into domain commands, call the store and turn the answer back; no rule lives
//! here. The organisation's store starts locked: the first good login unlocks it.

mod accounts;
pub mod activities;
mod assignments;
mod attendance;
mod audit;
mod auth;
mod conflicts;
mod curriculum;
mod error;
mod home;
mod journal;
pub mod load;
mod openapi;
mod oversight;
pub mod permission;
mod pupil;
mod school;
mod second_factor;
mod session;
mod sync;
pub mod timetable;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::{delete, get, patch, post, put};
use chrono::{DateTime, Utc};
use dala_store::{KdfParams, LoginAttempt, Store};
use uuid::Uuid;

pub use error::{ApiError, ErrorBody};
pub use openapi::ApiDoc;

use session::{Lockout, Sessions};

/// One organisation's data folder as the API serves it.
pub struct Org {
    dir: PathBuf,
    store: Option<Store>,
    sessions: Sessions,
    lockout: Lockout,
    /// Failed logins seen while the store was still locked; written at the first unlock.
    pending_attempts: Vec<LoginAttempt>,
    kdf: KdfParams,
    clock: fn() -> DateTime<Utc>,
    /// Second-factor secrets shown to their account and not confirmed yet.
    pending_secrets: HashMap<Uuid, Vec<u8>>,
    /// The last one-time-code step each account logged in with: a code works once.
    used_steps: HashMap<Uuid, i64>,
    /// Registers opened lately, kept current by the saves made through this API.
    registers: journal::OpenRegisters,
    /// The timetable generator's latest run, while it runs and after.
    timetable_run: Option<timetable::Run>,
    /// Set while a sync or an enrolment over the network holds the store.
    sync_lent: Option<sync::Lent>,
    /// Served to the school's network (`dala serve --lan`): laptops sync with this machine.
    serving_lan: bool,
}

impl Org {
    fn store(&mut self) -> Result<&mut Store, ApiError> {
        if self.store.is_none() && self.sync_lent.is_some() {
            return Err(sync::busy());
        }
        self.store.as_mut().ok_or_else(ApiError::unauthenticated)
    }

    fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }
}

#[derive(Clone)]
pub struct ApiState(Arc<Mutex<Org>>);

impl ApiState {
    /// The data folder, locked until someone logs in (or set up by the first-run wizard).
    pub fn new(dir: PathBuf) -> ApiState {
        ApiState::with_kdf(dir, KdfParams::default())
    }

    /// With another cost for new passwords' key slots: tests use a cheap one.
    pub fn with_kdf(dir: PathBuf, kdf: KdfParams) -> ApiState {
        ApiState(Arc::new(Mutex::new(Org {
            dir,
            store: None,
            sessions: Sessions::default(),
            lockout: Lockout::default(),
            pending_attempts: Vec::new(),
            kdf,
            clock: Utc::now,
            pending_secrets: HashMap::new(),
            used_steps: HashMap::new(),
            registers: Default::default(),
            timetable_run: None,
            sync_lent: None,
            serving_lan: false,
        })))
    }

    /// Says that this API is served to the school's network, where laptops sync with it.
    pub fn serving_lan(self) -> ApiState {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).serving_lan = true;
        self
    }

    /// Runs `f` on the organisation off the async threads: the store's work is blocking I/O and
    /// a login spends a tenth of a second in argon2id.
    async fn with<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Org) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let inner = self.0.clone();
        tokio::task::spawn_blocking(move || {
            let mut org = inner
                .lock()
                .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "store.database"))?;
            f(&mut org)
        })
        .await
        .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "store.database"))?
    }
}

/// The whole API. The caller adds what else it serves (the UI's files) around it.
pub fn router(state: ApiState) -> Router {
    let api = Router::new()
        .route("/setup", get(auth::setup_status).post(auth::setup))
        .route(
            "/setup/snapshot",
            post(auth::provision).layer(DefaultBodyLimit::max(sync::MAX_BUNDLE)),
        )
        .route("/session", post(auth::login).delete(auth::logout))
        .route("/me", get(auth::me))
        .route("/me/password", post(auth::change_password))
        .route("/me/lang", put(auth::set_language))
        .route("/me/second-factor", post(second_factor::start))
        .route("/me/second-factor/confirm", post(second_factor::confirm))
        .route("/home", get(home::home))
        .route("/status", get(home::status))
        .route("/accounts", get(accounts::list).post(accounts::create))
        .route("/accounts/{id}", patch(accounts::update))
        .route("/accounts/{id}", delete(accounts::remove))
        .route("/audit", get(audit::audit_log))
        .route("/login-attempts", get(audit::login_attempts))
        .route("/journal/classes", get(journal::list_classes))
        .route("/journal", get(journal::get_journal))
        .route("/journal/marks", post(journal::save_marks))
        .route("/journal/grades", get(journal::term_grades))
        .route("/journal/year-grades", get(journal::year_grades))
        .route("/journal/lessons", post(journal::add_lesson))
        .route(
            "/journal/lessons/{id}",
            patch(journal::update_lesson).delete(journal::delete_lesson),
        )
        .route("/attendance/groups", get(attendance::list_groups))
        .route(
            "/attendance",
            get(attendance::group_attendance).post(attendance::save_group_attendance),
        )
        .route("/attendance/sheet", get(attendance::attendance_sheet))
        .route("/oversight", get(oversight::oversight))
        .route("/reports/attendance", get(oversight::attendance_report))
        .route("/reports/grades", get(oversight::grades_report))
        .route("/load", get(load::report))
        .route("/load/duties", post(load::set_duty))
        .route("/load/assignments", post(assignments::save_assignment))
        .route(
            "/load/assignments/{id}",
            delete(assignments::remove_assignment),
        )
        .route("/curriculum", get(curriculum::get_curriculum))
        .route("/curriculum/hours", post(curriculum::set_plan_hours))
        .route("/curriculum/settings", post(curriculum::set_plan_settings))
        .route("/timetable", get(timetable::get_timetable))
        .route("/timetable/check", post(timetable::check_move))
        .route("/timetable/move", post(timetable::move_lesson))
        .route("/timetable/pin", post(timetable::pin_lesson))
        .route(
            "/timetable/generate",
            get(timetable::generate_status)
                .post(timetable::start_generate)
                .delete(timetable::stop_generate),
        )
        .route("/timetable/export", get(timetable::export))
        .route("/timetable/day-off", post(timetable::set_day_off))
        .route(
            "/activities",
            get(activities::get_activities).post(activities::save_activity),
        )
        .route("/activities/{id}", delete(activities::delete_activity))
        .route("/activities/copy", post(activities::copy_activities))
        .route("/activities/template", post(activities::apply_template))
        .route("/me/journal", get(pupil::my_journal))
        .route("/sync", get(sync::get_sync))
        .route("/sync/enroll", post(sync::enroll))
        .route("/sync/now", post(sync::start))
        .route(
            "/sync/bundle",
            get(sync::export_bundle)
                .post(sync::import_bundle)
                .layer(DefaultBodyLimit::max(sync::MAX_BUNDLE)),
        )
        .route("/sync/bundle/signed", post(sync::export_signed_bundle))
        .route("/sync/conflicts", get(conflicts::list_conflicts))
        .route("/sync/lan/code", post(sync::issue_lan_code))
        .route(
            "/sync/lan/devices/{device}",
            delete(sync::remove_lan_device),
        )
        .route("/openapi.json", get(openapi::document))
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "api.not_found") })
        .with_state(state.clone());
    // The school's laptops sync with this machine at the hub's path, with the hub's protocol.
    let lan = Router::new()
        .route(
            dala_sync::SYNC_PATH,
            post(sync::answer_lan).layer(DefaultBodyLimit::max(sync::MAX_BUNDLE)),
        )
        .with_state(state);
    Router::new()
        .nest("/api/v1", api)
        .merge(lan)
        .layer(axum::middleware::from_fn(error::localize))
}
