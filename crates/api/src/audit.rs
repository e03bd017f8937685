//! The audit log by user and period (R5.13) and the failed logins (R5.12), for the director.

use axum::Json;
use axum::extract::{Query, State};
use chrono::NaiveDate;
use dala_core::account::normalise_login;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::ApiState;
use crate::error::{ApiError, ErrorBody};
use crate::permission::Operation;
use crate::session::Caller;

#[derive(Deserialize, IntoParams)]
pub struct AuditFilter {
    /// Only this user's actions.
    pub login: Option<String>,
    /// From this day (inclusive, UTC date of the entry).
    pub from: Option<NaiveDate>,
    /// To this day (inclusive).
    pub to: Option<NaiveDate>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditView {
    pub seq: i64,
    pub at: String,
    pub login: String,
    pub action: String,
    pub collection: Option<String>,
    pub entity_id: Option<String>,
    pub personal: bool,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct LoginAttemptView {
    pub at: String,
    pub login: String,
    pub device: String,
    pub reason: String,
}

#[utoipa::path(get, path = "/api/v1/audit", operation_id = "auditLog", tag = "audit",
    security(("bearer" = [])), params(AuditFilter),
    responses((status = 200, body = [AuditView]), (status = 403, body = ErrorBody)))]
pub async fn audit_log(
    State(state): State<ApiState>,
    caller: Caller,
    Query(filter): Query<AuditFilter>,
) -> Result<Json<Vec<AuditView>>, ApiError> {
    caller.may(Operation::AuditLog)?;
    state
        .with(move |org| {
            let login = filter
                .login
                .as_deref()
                .map(normalise_login)
                .filter(|l| !l.is_empty());
            let day = |at: &str| at.get(..10).and_then(|d| d.parse::<NaiveDate>().ok());
            let entries = org
                .store()?
                .audit_log()?
                .into_iter()
                .rev()
                .filter(|e| login.as_ref().is_none_or(|l| &e.login == l))
                .filter(|e| {
                    filter
                        .from
                        .is_none_or(|f| day(&e.at).is_some_and(|d| d >= f))
                })
                .filter(|e| filter.to.is_none_or(|t| day(&e.at).is_some_and(|d| d <= t)))
                .map(|e| AuditView {
                    seq: e.seq,
                    at: e.at,
                    login: e.login,
                    action: e.action,
                    collection: e.collection,
                    entity_id: e.entity_id,
                    personal: e.personal,
                    before: e.before,
                    after: e.after,
                })
                .collect();
            Ok(Json(entries))
        })
        .await
}

#[utoipa::path(get, path = "/api/v1/login-attempts", operation_id = "listLoginAttempts", tag = "audit",
    security(("bearer" = [])),
    responses((status = 200, body = [LoginAttemptView]), (status = 403, body = ErrorBody)))]
pub async fn login_attempts(
    State(state): State<ApiState>,
    caller: Caller,
) -> Result<Json<Vec<LoginAttemptView>>, ApiError> {
    caller.may(Operation::ListLoginAttempts)?;
    state
        .with(|org| {
            let attempts = org.store()?.login_attempts()?;
            Ok(Json(
                attempts
                    .into_iter()
                    .map(|a| LoginAttemptView {
                        at: a.at,
                        login: a.login,
                        device: a.device,
                        reason: a.reason,
                    })
                    .collect(),
            ))
        })
        .await
}
