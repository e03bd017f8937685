//! The second factor (R5.11): an account shows a new secret to its authenticator app, then
//! proves it with one code; from then on every login asks for a code. Director, head and deputy
//! cannot use the rest of the API until they have one.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use dala_core::Command;
use dala_core::account::Account;
use dala_core::org::Organisation;
use dala_core::totp;
use dala_store::Author;
use data_encoding::BASE32_NOPAD;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::ApiState;
use crate::error::{ApiError, ErrorBody};
use crate::permission::Operation;
use crate::session::Caller;

#[derive(Serialize, ToSchema)]
pub struct NewSecondFactor {
    /// Base32, to type into an authenticator app by hand.
    pub secret: String,
    /// The same as an `otpauth://` address, for a QR code or a link.
    pub otpauth_uri: String,
}

#[derive(Deserialize, ToSchema)]
pub struct SecondFactorCode {
    pub code: String,
}

#[utoipa::path(post, path = "/api/v1/me/second-factor", operation_id = "startSecondFactor", tag = "auth",
    security(("bearer" = [])), responses((status = 200, body = NewSecondFactor), (status = 401, body = ErrorBody)))]
pub async fn start(
    State(state): State<ApiState>,
    caller: Caller,
) -> Result<Json<NewSecondFactor>, ApiError> {
    caller.may(Operation::StartSecondFactor)?;
    state
        .with(move |org| {
            let mut secret = vec![0u8; 20];
            getrandom::getrandom(&mut secret)
                .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "store.io"))?;
            let encoded = BASE32_NOPAD.encode(&secret);
            let name = org
                .store()?
                .list::<Organisation>()?
                .first()
                .map(|o| o.name.clone())
                .unwrap_or_default();
            org.pending_secrets.insert(caller.account.id, secret);
            Ok(Json(NewSecondFactor {
                otpauth_uri: totp::provisioning_uri(&encoded, &caller.account.login, &name),
                secret: encoded,
            }))
        })
        .await
}

#[utoipa::path(post, path = "/api/v1/me/second-factor/confirm", operation_id = "confirmSecondFactor", tag = "auth",
    security(("bearer" = [])), request_body = SecondFactorCode,
    responses((status = 204), (status = 422, body = ErrorBody)))]
pub async fn confirm(
    State(state): State<ApiState>,
    caller: Caller,
    Json(typed): Json<SecondFactorCode>,
) -> Result<StatusCode, ApiError> {
    caller.may(Operation::ConfirmSecondFactor)?;
    state
        .with(move |org| {
            let now = org.now();
            let invalid = || ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "auth.totp_invalid");
            let secret = org
                .pending_secrets
                .get(&caller.account.id)
                .cloned()
                .ok_or_else(invalid)?;
            totp::verify(&secret, &typed.code, now.timestamp()).ok_or_else(invalid)?;
            let store = org.store()?;
            let mut account = store
                .get::<Account>(caller.account.id)?
                .ok_or_else(ApiError::unauthenticated)?;
            account.totp_secret = Some(BASE32_NOPAD.encode(&secret));
            store.act_as(Author {
                account_id: Some(account.id),
                login: account.login.clone(),
            });
            store.execute(&Command::UpdateAccount(account.clone()), now)?;
            org.pending_secrets.remove(&account.id);
            org.sessions.update_account(&account, false);
            Ok(StatusCode::NO_CONTENT)
        })
        .await
}

/// Checks the code a login came with against the account's secret, once per step.
pub fn check_login_code(
    secret_base32: &str,
    typed: Option<&str>,
    last_step: Option<i64>,
    unix_seconds: i64,
) -> Result<i64, ApiError> {
    let typed = typed.filter(|t| !t.trim().is_empty());
    let Some(typed) = typed else {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "auth.totp_required",
        ));
    };
    let invalid = || ApiError::new(StatusCode::UNAUTHORIZED, "auth.totp_invalid");
    let secret = BASE32_NOPAD
        .decode(secret_base32.as_bytes())
        .map_err(|_| invalid())?;
    let step = totp::verify(&secret, typed, unix_seconds).ok_or_else(invalid)?;
    if last_step.is_some_and(|last| step <= last) {
        return Err(invalid());
    }
    Ok(step)
}
