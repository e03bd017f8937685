//! Sync with the hub as the sync screen drives it: the enrolment with the hub's one-time code,
//! the last sync, a sync started in the background with its phase and progress, the USB bundle
//! out and the hub's answer back, the documents waiting under the 5-working-day rule, the
//! fixation and the conflicts waiting for a decision; on the school's main machine, the codes that
//! enrol teachers' laptops, the laptops with their last sync, and the answers to their syncs at
//! `dala_sync::SYNC_PATH`. The protocol is `dala-sync`'s, the state is the store's; this module
//! checks roles and turns both into the screen's JSON.
//!
//! A sync over the network holds the store for as long as the hub takes to answer. Holding the
//! organisation's lock that long would stall every request, the session check of the screen's
//! own polling among them, so the store is lent out of `Org` instead: meanwhile the screen and
//! the status pill read what the store showed when it was lent, other reads and writes of the
//! store are refused with `sync.running` (503) and a login waits for the store's return rather
//! than opening a second one beside it.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex, PoisonError};

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, NaiveDate, Utc};
use dala_core::DocKey;
use dala_core::account::Role;
use dala_core::group::{AgeGroup, Class};
use dala_core::org::{OrgKind, Organisation};
use dala_core::working_days::{
    Delivery, Fixation, FixationPhase, delivery, monitoring, working_days_between,
};
use dala_core::year::{AcademicYear, Term, school_date};
use dala_i18n::{Arg, Lang, error_message};
use dala_store::{Confirm, LanDevice, Store, StoreError, SyncLogEntry, Undelivered, Upstream};
use dala_sync::FixationNotice;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::{ApiError, ErrorBody, request_lang};
use crate::oversight::{lang_of, text};
use crate::permission::Operation;
use crate::school::{not_found, writing_as};
use crate::session::Caller;
use crate::{ApiState, Org};

/// The largest hub answer a bundle import accepts: a large school's term is a few megabytes.
pub const MAX_BUNDLE: usize = 64 << 20;

/// The store lent to a sync or an enrolment over the network.
pub(crate) struct Lent {
    /// What the store showed when it was lent.
    facts: Facts,
    /// The running sync's phase and progress; `None` while an enrolment waits for the hub.
    progress: Option<Progress>,
}

type Progress = Arc<Mutex<(&'static str, f32)>>;

/// What the sync screen shows of the store, read in one go.
#[derive(Clone)]
pub(crate) struct Facts {
    upstream: Option<Upstream>,
    last: Option<SyncLogEntry>,
    queue: Vec<(Undelivered, DocName)>,
    fixation: Option<FixationNotice>,
    conflicts: i64,
    lan: Vec<LanDevice>,
    /// A school's registers are journals, a kindergarten's are its groups' days.
    kindergarten: bool,
}

impl Facts {
    fn read(store: &mut Store) -> Result<Facts, ApiError> {
        let undelivered = store.undelivered()?;
        let names = Names::read(store, !undelivered.is_empty())?;
        Ok(Facts {
            upstream: store.upstream()?,
            last: store.last_sync()?,
            queue: undelivered
                .into_iter()
                .map(|u| {
                    let name = names.of(u.doc);
                    (u, name)
                })
                .collect(),
            fixation: store.fixation()?,
            conflicts: conflicts(store)?,
            lan: store.lan_devices()?,
            kindergarten: store
                .list::<Organisation>()?
                .first()
                .is_some_and(|o| o.kind == OrgKind::Kindergarten),
        })
    }

    fn pending(&self) -> i64 {
        self.queue.iter().map(|(u, _)| i64::from(u.changes)).sum()
    }
}

/// Cells holding concurrent values, kept until someone settles them. The store offers no count
/// of its own, so this reads its projection of cells (`conflicts` is NULL when there are none).
fn conflicts(store: &Store) -> Result<i64, ApiError> {
    Ok(store
        .connection()
        .query_row(
            "SELECT count(*) FROM cells WHERE conflicts IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .map_err(StoreError::from)?)
}

/// The names a document's label is made of, found when the store was read.
#[derive(Clone)]
enum DocName {
    Org,
    People,
    Accounts,
    Roster { year: String },
    Timetable { year: String },
    Journal { class: String, term: String },
    Register { group: String, month: String },
}

impl DocName {
    fn label(&self, lang: Lang) -> String {
        let (id, args): (&str, Vec<(&str, Arg)>) = match self {
            DocName::Org => ("sync-doc-org", vec![]),
            DocName::People => ("sync-doc-people", vec![]),
            DocName::Accounts => ("sync-doc-accounts", vec![]),
            DocName::Roster { year } => ("sync-doc-roster", vec![("year", year.into())]),
            DocName::Timetable { year } => ("sync-doc-timetable", vec![("year", year.into())]),
            DocName::Journal { class, term } => (
                "sync-doc-journal",
                vec![("class", class.into()), ("term", term.into())],
            ),
            DocName::Register { group, month } => (
                "sync-doc-register",
                vec![("group", group.into()), ("month", month.into())],
            ),
        };
        text(lang, id, &args)
    }
}

/// Years, classes, terms and groups by id, for the labels of the waiting documents.
#[derive(Default)]
struct Names {
    years: HashMap<Uuid, String>,
    classes: HashMap<Uuid, String>,
    terms: HashMap<Uuid, String>,
    groups: HashMap<Uuid, String>,
}

impl Names {
    fn read(store: &Store, needed: bool) -> Result<Names, ApiError> {
        if !needed {
            return Ok(Names::default());
        }
        Ok(Names {
            years: by_id(store.list::<AcademicYear>()?, |y| (y.id, y.name())),
            classes: by_id(store.list::<Class>()?, |c| (c.id, c.name())),
            terms: by_id(store.list::<Term>()?, |t| (t.id, t.number.to_string())),
            groups: by_id(store.list::<AgeGroup>()?, |g| (g.id, g.name)),
        })
    }

    fn of(&self, key: DocKey) -> DocName {
        // An entity gone since (a class removed) still names its document, by its id's start.
        let name = |names: &HashMap<Uuid, String>, id: Uuid| {
            names
                .get(&id)
                .cloned()
                .unwrap_or_else(|| id.to_string()[..8].to_string())
        };
        match key {
            DocKey::Org => DocName::Org,
            DocKey::People => DocName::People,
            DocKey::Accounts => DocName::Accounts,
            DocKey::Roster(year) => DocName::Roster {
                year: name(&self.years, year),
            },
            DocKey::Timetable(year) => DocName::Timetable {
                year: name(&self.years, year),
            },
            DocKey::Journal { class, term } => DocName::Journal {
                class: name(&self.classes, class),
                term: name(&self.terms, term),
            },
            DocKey::Register { group, month } => DocName::Register {
                group: name(&self.groups, group),
                month: format!("{:02}.{:04}", month % 100, month / 100),
            },
        }
    }
}

fn by_id<E>(items: Vec<E>, f: impl Fn(E) -> (Uuid, String)) -> HashMap<Uuid, String> {
    items.into_iter().map(f).collect()
}

/// Refusal of a store call while a sync holds the store.
pub(crate) fn busy() -> ApiError {
    ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "sync.running")
}

fn not_while_lent(org: &Org) -> Result<(), ApiError> {
    if org.sync_lent.is_some() {
        return Err(ApiError::new(StatusCode::CONFLICT, "sync.running"));
    }
    Ok(())
}

/// The store's changes not yet delivered and when the last sync (of any kind) was: what the
/// status pill on every screen shows.
pub(crate) fn pending_and_last(org: &mut Org) -> Result<(i64, Option<String>), ApiError> {
    if let Some(lent) = &org.sync_lent {
        return Ok((
            lent.facts.pending(),
            lent.facts.last.as_ref().map(|l| l.at.clone()),
        ));
    }
    let store = org.store()?;
    let pending = store
        .undelivered()?
        .iter()
        .map(|u| i64::from(u.changes))
        .sum();
    Ok((pending, store.last_sync()?.map(|l| l.at)))
}

/// Takes the store out of the organisation for a call that waits on the network.
fn lend(org: &mut Org, progress: Option<Progress>) -> Result<Store, ApiError> {
    not_while_lent(org)?;
    let facts = Facts::read(org.store()?)?;
    let store = org.store.take().ok_or_else(ApiError::unauthenticated)?;
    org.sync_lent = Some(Lent { facts, progress });
    Ok(store)
}

/// Runs `f` on a lent store off the async threads and gives the store back, whatever `f` does.
/// After a panic the documents in memory may hold what no transaction kept: the store is dropped
/// instead, and the next login opens it afresh from the disk.
async fn on_lent<T: Send + 'static>(
    shared: Arc<Mutex<Org>>,
    mut store: Store,
    f: impl FnOnce(&mut Store) -> T + Send + 'static,
) -> Result<T, ApiError> {
    let lost = || ApiError {
        args: vec![("detail", "the sync stopped unexpectedly".into())],
        ..ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "store.database")
    };
    tokio::task::spawn_blocking(move || {
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| f(&mut store)));
        let mut org = shared.lock().unwrap_or_else(PoisonError::into_inner);
        org.sync_lent = None;
        match outcome {
            Ok(value) => {
                org.store = Some(store);
                Ok(value)
            }
            Err(_) => Err(lost()),
        }
    })
    .await
    .map_err(|_| lost())?
}

/// The language of the screen's texts: the request's, else the account's.
fn lang(headers: &HeaderMap, caller: &Caller) -> Lang {
    if headers.contains_key(header::ACCEPT_LANGUAGE) {
        request_lang(headers)
    } else {
        lang_of(caller)
    }
}

#[derive(Serialize, ToSchema)]
pub struct SyncView {
    pub enrolled: bool,
    /// The hub this computer is enrolled with.
    pub hub: Option<HubView>,
    /// Whether this user may enrol, sync and move bundles: the director or the head.
    pub can_sync: bool,
    /// This user settles conflicts (GET /sync/conflicts): whoever may save this organisation's
    /// journals (a school) or its groups' registers (a kindergarten).
    pub can_settle: bool,
    pub last_sync: Option<LastSync>,
    /// The sync running now.
    pub running: Option<Running>,
    /// Documents with changes the hub has not acknowledged, oldest first.
    pub queue: Vec<Queued>,
    /// The fixation the hub announced.
    pub fixation: Option<FixationView>,
    /// Cells with concurrent values kept, waiting for a decision.
    pub conflicts: i64,
    pub lan: Lan,
}

#[derive(Serialize, ToSchema)]
pub struct HubView {
    /// `None` for an enrolment from the paper code alone: bundles only.
    pub url: Option<String>,
    /// The short hash of the hub's key, as printed on the enrolment sheet.
    pub fingerprint: String,
    /// The upstream is the school's main computer (a laptop enrolled on the LAN), not the hub:
    /// no bundles or director's confirmation go to it.
    pub lan: bool,
}

#[derive(Serialize, ToSchema)]
pub struct LastSync {
    /// RFC 3339.
    pub at: String,
    pub ok: bool,
    /// `hub`, `bundle` or `lan`.
    pub via: String,
    /// The error code of a failed sync.
    pub code: Option<String>,
    /// Its message in the language asked in.
    pub message: Option<String>,
    pub bytes_sent: u64,
    pub bytes_received: u64,
    pub rounds: u32,
}

#[derive(Serialize, ToSchema)]
pub struct Running {
    /// `connecting`, `manifest`, `rounds` or `done`.
    pub phase: String,
    /// 0 to 1.
    pub progress: f32,
}

#[derive(Serialize, ToSchema)]
pub struct Queued {
    /// The document's key: `journal/<class>/<term>`.
    pub doc: String,
    /// The document's name in the language asked in.
    pub label: String,
    pub changes: u32,
    /// The school day of the oldest change not delivered, `YYYY-MM-DD`.
    pub oldest_at: String,
    /// Working days since that day.
    pub age_working_days: u32,
    /// `on_time`, `warning` or `overdue` against the 5 working days of the monitoring rules.
    #[schema(value_type = String)]
    pub delivery: Delivery,
}

#[derive(Serialize, ToSchema)]
pub struct FixationView {
    pub date: String,
    /// The last frozen day.
    pub freeze_ends: String,
    /// `before`, `announced`, `frozen` or `after`.
    #[schema(value_type = String)]
    pub phase: FixationPhase,
}

/// The school network: whether this computer serves it, and the laptops enrolled with it.
#[derive(Serialize, ToSchema)]
pub struct Lan {
    /// Served with `dala serve --lan`: laptops can sync with this computer.
    pub serving: bool,
    pub peers: Vec<LanPeer>,
}

#[derive(Serialize, ToSchema)]
pub struct LanPeer {
    /// The fingerprint of the laptop's key.
    pub device: String,
    /// The name the laptop gave itself.
    pub name: String,
    /// RFC 3339; `None` before its first sync.
    pub last_sync: Option<String>,
}

/// A one-time code for a laptop of the school, shown once.
#[derive(Serialize, ToSchema)]
pub struct LanCode {
    pub code: String,
    /// The fingerprint of this computer's certificate, for the teacher to compare.
    pub tls_fingerprint: String,
}

#[derive(Deserialize, ToSchema)]
pub struct EnrolRequest {
    /// The hub's address; `None` (or empty) enrols from the paper code alone.
    pub hub_url: Option<String>,
    /// The one-time code from the enrolment sheet.
    pub code: String,
}

/// A sync was started; `GET /sync` follows it.
#[derive(Serialize, ToSchema)]
pub struct Started {}

#[derive(Serialize, ToSchema)]
pub struct BundleImported {
    /// Documents that took changes from the hub.
    pub applied_docs: usize,
    /// Documents whose acknowledgements the answer carried.
    pub acknowledged: usize,
    /// The answer changed nothing: no document took changes, no change more is acknowledged
    /// and the enrolment was confirmed before — an answer imported before, or an older one.
    pub already_imported: bool,
}

/// A bundle file's bytes: OpenAPI shows them as a binary string.
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct BundleFile(Vec<u8>);

impl IntoResponse for BundleFile {
    fn into_response(self) -> Response {
        self.0.into_response()
    }
}

struct Viewer {
    can_sync: bool,
    role: Role,
    serving_lan: bool,
    lang: Lang,
}

fn view(
    facts: &Facts,
    progress: Option<&Progress>,
    viewer: Viewer,
    now: DateTime<Utc>,
) -> SyncView {
    let Viewer {
        can_sync,
        role,
        serving_lan,
        lang,
    } = viewer;
    let today = school_date(now);
    let hub = facts.upstream.as_ref().map(|up| HubView {
        url: up.url.clone(),
        fingerprint: dala_sync::fingerprint_of(&up.peer_hash),
        lan: up.lan,
    });
    let fixation = facts.fixation.as_ref().and_then(fixation_of);
    let last_sync = facts.last.as_ref().map(|l| LastSync {
        message: l
            .code
            .as_deref()
            .map(|code| logged_message(lang, code, fixation.as_ref())),
        at: l.at.clone(),
        ok: l.ok,
        via: l.via.clone(),
        code: l.code.clone(),
        bytes_sent: l.bytes_sent,
        bytes_received: l.bytes_received,
        rounds: l.rounds,
    });
    let running = progress.map(|p| {
        let (phase, progress) = *p.lock().unwrap_or_else(PoisonError::into_inner);
        Running {
            phase: phase.to_string(),
            progress: progress.clamp(0.0, 1.0),
        }
    });
    let queue = facts
        .queue
        .iter()
        .map(|(u, name)| {
            let oldest = day_of(u.oldest_ms);
            Queued {
                doc: u.doc.name(),
                label: name.label(lang),
                changes: u.changes,
                oldest_at: oldest.to_string(),
                age_working_days: working_days_between(oldest, today),
                delivery: delivery(oldest, today),
            }
        })
        .collect();
    SyncView {
        enrolled: facts.upstream.is_some(),
        hub,
        can_sync,
        // Who may save the registers this organisation keeps settles their conflicts.
        can_settle: if facts.kindergarten {
            Operation::SaveGroupAttendance.allowed(role)
        } else {
            Operation::SaveMarks.allowed(role)
        },
        last_sync,
        running,
        queue,
        fixation: fixation.map(|f| FixationView {
            date: f.date().to_string(),
            freeze_ends: f.freeze_ends().to_string(),
            phase: f.phase(today),
        }),
        conflicts: facts.conflicts,
        lan: Lan {
            serving: serving_lan,
            peers: facts
                .lan
                .iter()
                .map(|d| LanPeer {
                    device: d.fingerprint.clone(),
                    name: d.name.clone(),
                    last_sync: d.last_sync.clone(),
                })
                .collect(),
        },
    }
}

/// The school day a change was made on, from its automerge timestamp.
fn day_of(ms: i64) -> NaiveDate {
    school_date(DateTime::from_timestamp_millis(ms).unwrap_or_default())
}

/// The fixation as the rules count it. A hub announcing a longer freeze than the rules allow is
/// shown to the rules' longest.
fn fixation_of(notice: &FixationNotice) -> Option<Fixation> {
    let date = notice.date.parse().ok()?;
    let longest = monitoring().fixation.max_freeze_working_days;
    Fixation::new(date, notice.freeze_working_days.min(longest)).ok()
}

/// The message of a logged failure. The log keeps only the code, so the values a message names
/// are not known: they are left empty (the messages end with them), except the end of the
/// freeze, which the stored fixation tells.
fn logged_message(lang: Lang, code: &str, fixation: Option<&Fixation>) -> String {
    let until = fixation
        .map(|f| f.freeze_ends().to_string())
        .unwrap_or_default();
    let args = [
        ("detail", Arg::Str("")),
        ("doc", Arg::Str("")),
        ("until", Arg::Str(&until)),
    ];
    error_message(lang, code, &args).trim().to_string()
}

fn may_sync(caller: &Caller) -> bool {
    Operation::StartSync.allowed(caller.account.role)
}

fn view_of(org: &mut Org, caller: &Caller, lang: Lang) -> Result<SyncView, ApiError> {
    let now = org.now();
    let viewer = Viewer {
        can_sync: may_sync(caller),
        role: caller.account.role,
        serving_lan: org.serving_lan,
        lang,
    };
    if let Some(lent) = &org.sync_lent {
        return Ok(view(&lent.facts, lent.progress.as_ref(), viewer, now));
    }
    let facts = Facts::read(org.store()?)?;
    Ok(view(&facts, None, viewer, now))
}

#[utoipa::path(get, path = "/api/v1/sync", operation_id = "getSync", tag = "sync",
    security(("bearer" = [])),
    responses((status = 200, body = SyncView), (status = 403, body = ErrorBody)))]
pub async fn get_sync(
    State(state): State<ApiState>,
    caller: Caller,
    headers: HeaderMap,
) -> Result<Json<SyncView>, ApiError> {
    caller.may(Operation::GetSync)?;
    let lang = lang(&headers, &caller);
    state
        .with(move |org| view_of(org, &caller, lang).map(Json))
        .await
}

/// Enrols this computer with the hub's one-time code: over the network when the hub's address
/// is given, from the paper alone otherwise (the first bundle completes it at the hub).
#[utoipa::path(post, path = "/api/v1/sync/enroll", operation_id = "enrolSync", tag = "sync",
    request_body = EnrolRequest, security(("bearer" = [])),
    responses((status = 200, body = SyncView), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 502, body = ErrorBody)))]
pub async fn enroll(
    State(state): State<ApiState>,
    caller: Caller,
    headers: HeaderMap,
    Json(request): Json<EnrolRequest>,
) -> Result<Json<SyncView>, ApiError> {
    caller.may(Operation::EnrolSync)?;
    let lang = lang(&headers, &caller);
    let url = request
        .hub_url
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty());
    // A mistyped code is refused before anything is sent or lent.
    dala_sync::EnrolmentCode::parse(&request.code).map_err(StoreError::from)?;
    let Some(url) = url else {
        return state
            .with(move |org| {
                not_while_lent(org)?;
                let now = org.now();
                let store = writing_as(org.store()?, &caller);
                store.enrol(None, &request.code, now)?;
                store.record("sync.enrol", None, now)?;
                view_of(org, &caller, lang).map(Json)
            })
            .await;
    };
    let (store, now) = state.with(|org| Ok((lend(org, None)?, org.now()))).await?;
    let code = request.code;
    let author = caller.account.clone();
    on_lent(state.0.clone(), store, move |store| {
        store.act_as(dala_store::Author {
            account_id: Some(author.id),
            login: author.login,
        });
        store.enrol(Some(&url), &code, now)?;
        store.record("sync.enrol", None, now)
    })
    .await??;
    state
        .with(move |org| view_of(org, &caller, lang).map(Json))
        .await
}

/// The director's password, given to confirm and sign the week's data (M8).
#[derive(Deserialize, ToSchema, Default)]
pub struct ConfirmRequest {
    pub confirm_password: Option<String>,
}

/// The director's confirmation for a sync, its password checked before the store is lent.
fn confirming(
    store: &mut Store,
    caller: &Caller,
    password: Option<String>,
) -> Result<Option<(String, String)>, ApiError> {
    let Some(password) = password.filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    let login = caller.account.login.clone();
    store
        .director_key(&login, &password)
        .map_err(wrong_password)?;
    Ok(Some((login, password)))
}

/// A wrong confirmation password is 422, not 401, which would end the session.
fn wrong_password(e: StoreError) -> ApiError {
    match e {
        StoreError::InvalidCredentials => {
            ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "auth.invalid_credentials")
        }
        e => e.into(),
    }
}

/// Starts a sync with the hub in the background; `GET /sync` shows its phase and progress
/// until it ends, and then its outcome as the last sync. With the director's password, the
/// director confirms what the hub then holds (M8).
#[utoipa::path(post, path = "/api/v1/sync/now", operation_id = "startSync", tag = "sync",
    request_body(content = Option<ConfirmRequest>), security(("bearer" = [])),
    responses((status = 202, body = Started), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn start(
    State(state): State<ApiState>,
    caller: Caller,
    body: Option<Json<ConfirmRequest>>,
) -> Result<(StatusCode, Json<Started>), ApiError> {
    caller.may(Operation::StartSync)?;
    let password = body.and_then(|Json(b)| b.confirm_password);
    let progress: Progress = Arc::new(Mutex::new(("connecting", 0.0)));
    let shown = progress.clone();
    let (store, now, confirm) = state
        .with(move |org| {
            not_while_lent(org)?;
            match org.store()?.upstream()? {
                None => Err(StoreError::from(dala_sync::SyncError::NotEnrolled).into()),
                // Enrolled from the paper: its changes travel as bundles only.
                Some(Upstream { url: None, .. }) => {
                    Err(ApiError::new(StatusCode::CONFLICT, "sync.no_link"))
                }
                // The director's confirmation is the hub's; a laptop's changes reach it by the
                // main computer.
                Some(Upstream { lan: true, .. }) if password.is_some() => {
                    Err(StoreError::from(dala_sync::SyncError::LanLaptop).into())
                }
                Some(_) => {
                    let confirm = confirming(org.store()?, &caller, password)?;
                    Ok((lend(org, Some(shown))?, org.now(), confirm))
                }
            }
        })
        .await?;
    // The outcome is the store's to log; `GET /sync` shows it as the last sync.
    tokio::spawn(on_lent(state.0.clone(), store, move |store| {
        store.sync_upstream(now, |phase, figure| {
            *progress.lock().unwrap_or_else(PoisonError::into_inner) = (phase.code(), figure);
        })?;
        match &confirm {
            Some((login, password)) => store.confirm_upstream(Confirm { login, password }, now),
            None => Ok(()),
        }
    }));
    Ok((StatusCode::ACCEPTED, Json(Started {})))
}

/// The bundle for the hub on a USB stick: every change it has not acknowledged, signed by this
/// computer.
#[utoipa::path(get, path = "/api/v1/sync/bundle", operation_id = "exportBundle", tag = "sync",
    security(("bearer" = [])),
    responses((status = 200, body = BundleFile, content_type = "application/octet-stream"),
        (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn export_bundle(
    State(state): State<ApiState>,
    caller: Caller,
) -> Result<Response, ApiError> {
    caller.may(Operation::ExportBundle)?;
    bundle_file(state, caller, None).await
}

/// The week's submission on a USB stick, confirmed and signed by the director (M8).
#[utoipa::path(post, path = "/api/v1/sync/bundle/signed", operation_id = "exportSignedBundle",
    tag = "sync", request_body = ConfirmRequest, security(("bearer" = [])),
    responses((status = 200, body = BundleFile, content_type = "application/octet-stream"),
        (status = 403, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn export_signed_bundle(
    State(state): State<ApiState>,
    caller: Caller,
    Json(request): Json<ConfirmRequest>,
) -> Result<Response, ApiError> {
    caller.may(Operation::ExportSignedBundle)?;
    let password = request
        .confirm_password
        .ok_or_else(|| ApiError::bad_request("confirm_password"))?;
    bundle_file(state, caller, Some(password)).await
}

async fn bundle_file(
    state: ApiState,
    caller: Caller,
    password: Option<String>,
) -> Result<Response, ApiError> {
    let (bytes, day) = state
        .with(move |org| {
            not_while_lent(org)?;
            let now = org.now();
            let login = caller.account.login.clone();
            let store = writing_as(org.store()?, &caller);
            let confirm = password.as_deref().map(|password| Confirm {
                login: &login,
                password,
            });
            let bytes = store.export_bundle(now, confirm).map_err(wrong_password)?;
            // Personal data leaves the computer on a stick: who took it is audited.
            store.record("sync.bundle_export", None, now)?;
            Ok((bytes, school_date(now)))
        })
        .await?;
    let disposition = format!("attachment; filename=\"dala-{day}.dalabundle\"");
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/octet-stream"),
        ),
        (
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(&disposition).map_err(|_| ApiError::bad_request("date"))?,
        ),
    ];
    Ok((headers, BundleFile(bytes)).into_response())
}

/// The hub's answer from a USB stick: its changes, its acknowledgements, its fixation and, for a
/// paper enrolment, the hub's confirmation. Importing it again changes nothing.
#[utoipa::path(post, path = "/api/v1/sync/bundle", operation_id = "importBundle", tag = "sync",
    request_body(content = BundleFile, content_type = "application/octet-stream"),
    security(("bearer" = [])),
    responses((status = 200, body = BundleImported), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 413, body = ErrorBody)))]
pub async fn import_bundle(
    State(state): State<ApiState>,
    caller: Caller,
    body: Bytes,
) -> Result<Json<BundleImported>, ApiError> {
    caller.may(Operation::ImportBundle)?;
    state
        .with(move |org| {
            not_while_lent(org)?;
            let now = org.now();
            let store = writing_as(org.store()?, &caller);
            let waiting = |store: &mut Store| -> Result<_, ApiError> {
                let queue = store.undelivered()?;
                let confirmed = store.upstream()?.and_then(|u| u.confirmed_at).is_some();
                Ok((queue, confirmed))
            };
            let before = waiting(store)?;
            let import = store.import_answer(&body, now)?;
            // The store counts the acknowledgements the answer carried, new or not: whether it
            // acknowledged anything more shows in what still waits.
            let unchanged = import.applied_docs == 0 && waiting(store)? == before;
            store.record("sync.bundle_import", None, now)?;
            Ok(Json(BundleImported {
                applied_docs: import.applied_docs,
                acknowledged: import.acknowledged,
                already_imported: unchanged,
            }))
        })
        .await
}

/// A one-time code that enrols a teacher's laptop with this computer over the school network.
#[utoipa::path(post, path = "/api/v1/sync/lan/code", operation_id = "issueLanCode", tag = "sync",
    security(("bearer" = [])),
    responses((status = 200, body = LanCode), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn issue_lan_code(
    State(state): State<ApiState>,
    caller: Caller,
) -> Result<Json<LanCode>, ApiError> {
    caller.may(Operation::IssueLanCode)?;
    state
        .with(move |org| {
            not_while_lent(org)?;
            let now = org.now();
            let tls_fingerprint = dala_store::tls::certificate(&org.dir)?.fingerprint;
            let code = writing_as(org.store()?, &caller).issue_lan_code(now)?;
            Ok(Json(LanCode {
                code,
                tls_fingerprint,
            }))
        })
        .await
}

/// Forgets an enrolled laptop (lost or stolen): its next sync is refused.
#[utoipa::path(delete, path = "/api/v1/sync/lan/devices/{device}", operation_id = "removeLanDevice",
    tag = "sync", security(("bearer" = [])),
    params(("device" = String, Path, description = "The fingerprint of the laptop's key")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn remove_lan_device(
    State(state): State<ApiState>,
    caller: Caller,
    Path(device): Path<String>,
) -> Result<StatusCode, ApiError> {
    caller.may(Operation::RemoveLanDevice)?;
    state
        .with(move |org| {
            not_while_lent(org)?;
            let now = org.now();
            match writing_as(org.store()?, &caller).remove_lan_device(&device, now)? {
                true => Ok(StatusCode::NO_CONTENT),
                false => Err(not_found("lan_device")),
            }
        })
        .await
}

/// A laptop's sync request, answered with this computer's signed response. The store must be
/// open: while nobody has logged in since the start, it is locked and nothing can answer.
pub async fn answer_lan(State(state): State<ApiState>, body: Bytes) -> Result<Response, ApiError> {
    let answer = state
        .with(move |org| {
            if org.sync_lent.is_some() {
                return Err(busy());
            }
            let now = org.now();
            let store = org.store.as_mut().ok_or_else(|| {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "sync.main_locked")
            })?;
            Ok(store.answer_lan(&body, now).map_err(StoreError::from)?)
        })
        .await?;
    let content_type = HeaderValue::from_static("application/octet-stream");
    Ok(([(header::CONTENT_TYPE, content_type)], answer).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_logged_failure_reads_without_the_values_the_log_did_not_keep() {
        for lang in Lang::ALL {
            for code in ["sync.offline", "sync.malformed", "sync.out_of_scope"] {
                let message = logged_message(lang, code, None);
                assert!(!message.contains('{'), "{lang}: {message}");
                assert!(!message.ends_with(':'), "{lang}: {message}");
            }
        }
    }
}
