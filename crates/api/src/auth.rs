//! First-run set-up, logging in and out, and what a user does with their own account: read it,
//! change the password, choose the language (R17). Logins and failed attempts are recorded.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use dala_core::Command;
use dala_core::account::{Account, normalise_login};
use dala_core::org::{OrgKind, Organisation};
use dala_core::person::Person;
use dala_store::{
    Author, LoginAttempt, Provision, RecoveryKey, SLOTS_FILE, Setup, Store, StoreError,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{ApiError, ErrorBody};
use crate::permission::Operation;
use crate::second_factor::check_login_code;
use crate::session::Caller;
use crate::{ApiState, Org};

#[derive(Serialize, ToSchema)]
pub struct SetupStatus {
    pub initialised: bool,
}

#[derive(Deserialize, ToSchema)]
pub struct SetupRequest {
    /// `school` or `kindergarten`.
    pub kind: String,
    pub name: String,
    pub admin_login: String,
    pub password: String,
    pub lang: Option<String>,
}

/// A new computer of an organisation the hub already holds: the district's snapshot file and
/// the one-time code that came with it (`dala provision` on the command line).
#[derive(Deserialize, ToSchema)]
pub struct ProvisionRequest {
    /// The snapshot file's bytes, base64.
    pub snapshot: String,
    pub code: String,
    /// The hub's address, to enrol over the link at once; none enrols from the paper code.
    pub hub_url: Option<String>,
    pub admin_login: String,
    pub password: String,
    pub lang: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SetupResponse {
    /// Shown once; the director prints it.
    pub recovery_key: String,
    /// The organisation's name: the one given, or the snapshot's.
    pub organisation: String,
}

#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    pub login: String,
    pub password: String,
    /// The six-digit code, for an account with a second factor.
    pub totp: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct LoginResponse {
    pub token: String,
    pub must_change_password: bool,
    /// Director, head and deputy set up their second factor before anything else.
    pub must_setup_second_factor: bool,
}

#[derive(Serialize, ToSchema)]
pub struct OrganisationView {
    pub kind: String,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct MeResponse {
    pub id: String,
    pub login: String,
    pub role: String,
    pub lang: String,
    pub full_name: Option<String>,
    pub must_change_password: bool,
    pub totp_enabled: bool,
    pub must_setup_second_factor: bool,
    pub organisation: OrganisationView,
}

#[derive(Deserialize, ToSchema)]
pub struct PasswordChange {
    pub current: String,
    pub new: String,
}

#[derive(Deserialize, ToSchema)]
pub struct LanguageChoice {
    /// `kk`, `ru` or `en`.
    pub lang: String,
}

#[utoipa::path(get, path = "/api/v1/setup", operation_id = "setupStatus", tag = "auth",
    responses((status = 200, body = SetupStatus)))]
pub async fn setup_status(State(state): State<ApiState>) -> Result<Json<SetupStatus>, ApiError> {
    state
        .with(|org| {
            Ok(Json(SetupStatus {
                initialised: org.dir.join(SLOTS_FILE).exists(),
            }))
        })
        .await
}

/// The first-run wizard: only while the data folder is empty.
#[utoipa::path(post, path = "/api/v1/setup", operation_id = "setup", tag = "auth",
    request_body = SetupRequest,
    responses((status = 200, body = SetupResponse), (status = 409, body = ErrorBody)))]
pub async fn setup(
    State(state): State<ApiState>,
    Json(request): Json<SetupRequest>,
) -> Result<Json<SetupResponse>, ApiError> {
    state
        .with(move |org| {
            if org.dir.join(SLOTS_FILE).exists() {
                return Err(ApiError::new(StatusCode::CONFLICT, "auth.setup_done"));
            }
            let kind =
                OrgKind::from_code(&request.kind).ok_or_else(|| ApiError::bad_request("kind"))?;
            let setup = Setup {
                kind,
                name: &request.name,
                admin_login: &request.admin_login,
                password: &request.password,
                kdf: org.kdf,
            };
            let now = org.now();
            let (store, recovery) = Store::init(&org.dir, &setup, now)?;
            set_up(org, store, recovery, &request.admin_login, request.lang)
        })
        .await
}

/// The first run on a new computer of an enrolled organisation: only while the folder is empty.
#[utoipa::path(post, path = "/api/v1/setup/snapshot", operation_id = "provision", tag = "auth",
    request_body = ProvisionRequest,
    responses((status = 200, body = SetupResponse), (status = 400, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 502, body = ErrorBody)))]
pub async fn provision(
    State(state): State<ApiState>,
    Json(request): Json<ProvisionRequest>,
) -> Result<Json<SetupResponse>, ApiError> {
    let snapshot = data_encoding::BASE64
        .decode(request.snapshot.trim().as_bytes())
        .map_err(|_| ApiError::bad_request("snapshot"))?;
    state
        .with(move |org| {
            if org.dir.join(SLOTS_FILE).exists() {
                return Err(ApiError::new(StatusCode::CONFLICT, "auth.setup_done"));
            }
            let hub_url = request
                .hub_url
                .as_deref()
                .map(str::trim)
                .filter(|u| !u.is_empty());
            let provision = Provision {
                snapshot: &snapshot,
                code: &request.code,
                hub_url,
                admin_login: &request.admin_login,
                password: &request.password,
                kdf: org.kdf,
            };
            let (store, recovery) = Store::provision(&org.dir, &provision, org.now())?;
            set_up(org, store, recovery, &request.admin_login, request.lang)
        })
        .await
}

/// The new folder's store becomes the organisation's, in the administrator's language.
fn set_up(
    org: &mut Org,
    mut store: Store,
    recovery: RecoveryKey,
    admin_login: &str,
    lang: Option<String>,
) -> Result<Json<SetupResponse>, ApiError> {
    let lang = lang.filter(|l| ["kk", "ru", "en"].contains(&l.as_str()));
    if let Some(lang) = lang
        && let Some(mut admin) = store.account_by_login(admin_login)?
    {
        admin.lang = lang;
        store.execute(&Command::UpdateAccount(admin), org.now())?;
    }
    let organisation = store
        .list::<Organisation>()?
        .pop()
        .map(|o| o.name)
        .unwrap_or_default();
    org.store = Some(store);
    Ok(Json(SetupResponse {
        recovery_key: recovery.display().to_string(),
        organisation,
    }))
}

fn device(headers: &HeaderMap) -> String {
    headers
        .get("x-dala-device")
        .or_else(|| headers.get(header::USER_AGENT))
        .and_then(|v| v.to_str().ok())
        .map(|v| v.chars().take(120).collect())
        .unwrap_or_else(|| "unknown".into())
}

#[utoipa::path(post, path = "/api/v1/session", operation_id = "login", tag = "auth",
    request_body = LoginRequest,
    responses((status = 200, body = LoginResponse), (status = 401, body = ErrorBody),
        (status = 429, body = ErrorBody)))]
pub async fn login(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Json(request): Json<LoginRequest>,
) -> Result<Json<LoginResponse>, ApiError> {
    let device = device(&headers);
    state.with(move |org| log_in(org, &request, device)).await
}

fn log_in(
    org: &mut Org,
    request: &LoginRequest,
    device: String,
) -> Result<Json<LoginResponse>, ApiError> {
    let login = normalise_login(&request.login);
    let now = org.now();
    if let Some(seconds) = org.lockout.wait(&login) {
        note_failure(org, &login, &device, "locked");
        return Err(ApiError::locked(seconds));
    }
    // While a sync holds the store, a second one must not be opened beside it.
    if org.store.is_none() && org.sync_lent.is_some() {
        return Err(crate::sync::busy());
    }
    let checked = match org.store.as_ref() {
        Some(store) => store
            .verify_password(&login, &request.password)
            .map(|a| (a, None)),
        None => Store::unlock(&org.dir, &login, &request.password, now).and_then(|store| {
            let account = store
                .account_by_login(&login)?
                .ok_or(StoreError::InvalidCredentials)?;
            Ok((account, Some(store)))
        }),
    };
    let account = match checked {
        Ok((account, opened)) => {
            if let Some(store) = opened {
                org.store = Some(store);
            }
            account
        }
        Err(StoreError::InvalidCredentials) => {
            org.lockout.failed(&login);
            note_failure(org, &login, &device, "invalid_credentials");
            return Err(StoreError::InvalidCredentials.into());
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(secret) = &account.totp_secret {
        let last = org.used_steps.get(&account.id).copied();
        match check_login_code(secret, request.totp.as_deref(), last, now.timestamp()) {
            Ok(step) => {
                org.used_steps.insert(account.id, step);
            }
            Err(e) => {
                if e.code == "auth.totp_invalid" {
                    org.lockout.failed(&login);
                    note_failure(org, &login, &device, "totp_invalid");
                }
                return Err(e);
            }
        }
    }
    org.lockout.succeeded(&login);
    let pending = std::mem::take(&mut org.pending_attempts);
    let store = org.store()?;
    for attempt in &pending {
        store.record_login_attempt(attempt)?;
    }
    store.act_as(Author {
        account_id: Some(account.id),
        login: account.login.clone(),
    });
    store.record("session.login", Some(&account), now)?;
    let must_change_password = account.must_change_password;
    let must_setup_second_factor =
        account.second_factor_required() && account.totp_secret.is_none();
    let token = org.sessions.open(account)?;
    Ok(Json(LoginResponse {
        token,
        must_change_password,
        must_setup_second_factor,
    }))
}

/// Writes the failure to the store, or keeps it until the store is unlocked.
fn note_failure(org: &mut Org, login: &str, device: &str, reason: &str) {
    let attempt = LoginAttempt {
        at: org.now().to_rfc3339(),
        login: login.to_string(),
        device: device.to_string(),
        reason: reason.to_string(),
    };
    let written = org.store.as_ref().map(|s| s.record_login_attempt(&attempt));
    if !matches!(written, Some(Ok(()))) {
        org.pending_attempts.push(attempt);
    }
}

#[utoipa::path(delete, path = "/api/v1/session", operation_id = "logout", tag = "auth",
    security(("bearer" = [])), responses((status = 204), (status = 401, body = ErrorBody)))]
pub async fn logout(State(state): State<ApiState>, caller: Caller) -> Result<StatusCode, ApiError> {
    caller.may(Operation::Logout)?;
    state
        .with(move |org| {
            org.sessions.close(&caller.token);
            let now = org.now();
            let store = org.store()?;
            store.act_as(Author {
                account_id: Some(caller.account.id),
                login: caller.account.login.clone(),
            });
            store.record("session.logout", Some(&caller.account), now)?;
            Ok(StatusCode::NO_CONTENT)
        })
        .await
}

#[utoipa::path(get, path = "/api/v1/me", operation_id = "me", tag = "auth",
    security(("bearer" = [])), responses((status = 200, body = MeResponse), (status = 401, body = ErrorBody)))]
pub async fn me(
    State(state): State<ApiState>,
    caller: Caller,
) -> Result<Json<MeResponse>, ApiError> {
    caller.may(Operation::Me)?;
    state
        .with(move |org| {
            let store = org.store()?;
            let account = store
                .get::<Account>(caller.account.id)?
                .ok_or_else(ApiError::unauthenticated)?;
            let person = match account.person_id {
                Some(id) => store.get::<Person>(id)?,
                None => None,
            };
            let organisation = store.list::<Organisation>()?.into_iter().next().ok_or(
                dala_core::CoreError::NotFound {
                    entity: "organisation",
                },
            )?;
            let setup_pending = account.second_factor_required() && account.totp_secret.is_none();
            Ok(Json(MeResponse {
                id: account.id.to_string(),
                login: account.login,
                role: account.role.code().to_string(),
                lang: account.lang,
                full_name: person.map(|p| p.full_name()),
                must_change_password: account.must_change_password,
                totp_enabled: account.totp_secret.is_some(),
                must_setup_second_factor: setup_pending,
                organisation: OrganisationView {
                    kind: organisation.kind.code().to_string(),
                    name: organisation.name,
                },
            }))
        })
        .await
}

#[utoipa::path(post, path = "/api/v1/me/password", operation_id = "changePassword", tag = "auth",
    security(("bearer" = [])), request_body = PasswordChange,
    responses((status = 204), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn change_password(
    State(state): State<ApiState>,
    caller: Caller,
    Json(change): Json<PasswordChange>,
) -> Result<StatusCode, ApiError> {
    caller.may(Operation::ChangePassword)?;
    state
        .with(move |org| {
            let (now, kdf) = (org.now(), org.kdf);
            let store = org.store()?;
            store.verify_password(&caller.account.login, &change.current)?;
            store.act_as(Author {
                account_id: Some(caller.account.id),
                login: caller.account.login.clone(),
            });
            store.change_own_password(
                &caller.account.login,
                &change.current,
                &change.new,
                kdf,
                now,
            )?;
            let mut account = store
                .get::<Account>(caller.account.id)?
                .ok_or_else(ApiError::unauthenticated)?;
            if account.must_change_password {
                account.must_change_password = false;
                store.execute(&Command::UpdateAccount(account.clone()), now)?;
                org.sessions.update_account(&account, false);
            }
            Ok(StatusCode::NO_CONTENT)
        })
        .await
}

#[utoipa::path(put, path = "/api/v1/me/lang", operation_id = "setLanguage", tag = "auth",
    security(("bearer" = [])), request_body = LanguageChoice,
    responses((status = 204), (status = 400, body = ErrorBody)))]
pub async fn set_language(
    State(state): State<ApiState>,
    caller: Caller,
    Json(choice): Json<LanguageChoice>,
) -> Result<StatusCode, ApiError> {
    caller.may(Operation::SetLanguage)?;
    if !["kk", "ru", "en"].contains(&choice.lang.as_str()) {
        return Err(ApiError::bad_request("lang"));
    }
    state
        .with(move |org| {
            let now = org.now();
            let store = org.store()?;
            let mut account = store
                .get::<Account>(caller.account.id)?
                .ok_or_else(ApiError::unauthenticated)?;
            account.lang = choice.lang;
            store.act_as(Author {
                account_id: Some(account.id),
                login: account.login.clone(),
            });
            store.execute(&Command::UpdateAccount(account.clone()), now)?;
            org.sessions.update_account(&account, false);
            Ok(StatusCode::NO_CONTENT)
        })
        .await
}
