//! Errors at the API's edge: a stable code, an HTTP status and the values its message needs. The
//! message itself is written by `localize`, in the caller's language, so handlers never choose one.

use axum::Json;
use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use dala_i18n::{Arg, Lang, error_message};
use dala_store::StoreError;
use dala_sync::SyncError;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub args: Vec<(&'static str, String)>,
    /// Which item of a batch was refused.
    pub index: Option<usize>,
}

/// What every error response carries.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// Stable; the UI shows the Fluent message `error-<code>`.
    pub code: String,
    /// The message in the caller's language.
    pub message: String,
    /// Only for `auth.locked`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after_seconds: Option<u64>,
    /// For a refused batch (a register's marks): the index of the first refused item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str) -> ApiError {
        ApiError {
            status,
            code,
            args: Vec::new(),
            index: None,
        }
    }

    pub fn unauthenticated() -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, "auth.unauthenticated")
    }

    pub fn forbidden() -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, "auth.forbidden")
    }

    pub fn bad_request(detail: impl ToString) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            code: "api.bad_request",
            args: vec![("detail", detail.to_string())],
            index: None,
        }
    }

    pub fn locked(seconds: u64) -> ApiError {
        ApiError {
            status: StatusCode::TOO_MANY_REQUESTS,
            code: "auth.locked",
            args: vec![("seconds", seconds.to_string())],
            index: None,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        let status = match &e {
            StoreError::InvalidCredentials | StoreError::RecoveryKeyInvalid => {
                StatusCode::UNAUTHORIZED
            }
            StoreError::Core(e)
                if matches!(e.innermost(), dala_core::CoreError::NotFound { .. }) =>
            {
                StatusCode::NOT_FOUND
            }
            StoreError::Core(e) if matches!(e.innermost(), dala_core::CoreError::NotYourClass) => {
                StatusCode::FORBIDDEN
            }
            StoreError::Core(dala_core::CoreError::LoginTaken { .. }) => StatusCode::CONFLICT,
            StoreError::Core(_) => StatusCode::UNPROCESSABLE_ENTITY,
            StoreError::AlreadyInitialised { .. } => StatusCode::CONFLICT,
            StoreError::Sync(e) => sync_status(e),
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        let index = match &e {
            StoreError::Core(core) => core.index(),
            _ => None,
        };
        ApiError {
            status,
            code: e.code(),
            args: e.args(),
            index,
        }
    }
}

/// What the caller gave is not right (a code, a file), the state forbids it now, or the hub
/// failed us.
fn sync_status(e: &SyncError) -> StatusCode {
    match e {
        SyncError::Malformed { .. }
        | SyncError::Signature
        | SyncError::CodeInvalid
        | SyncError::SnapshotCode => StatusCode::BAD_REQUEST,
        SyncError::NotDirector => StatusCode::FORBIDDEN,
        SyncError::DirectorUnknown => StatusCode::CONFLICT,
        SyncError::NotEnrolled
        | SyncError::UnknownDevice
        | SyncError::WrongOrg
        | SyncError::WrongHub
        | SyncError::OutOfScope { .. }
        | SyncError::Frozen { .. }
        | SyncError::NothingToSend
        | SyncError::LanLaptop => StatusCode::CONFLICT,
        SyncError::Offline { .. } | SyncError::Refused { .. } | SyncError::TooManyRounds { .. } => {
            StatusCode::BAD_GATEWAY
        }
    }
}

impl From<dala_core::CoreError> for ApiError {
    fn from(e: dala_core::CoreError) -> ApiError {
        StoreError::from(e).into()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
        response.extensions_mut().insert(self);
        response
    }
}

/// The language of the request: `Accept-Language`'s first known language, Kazakh otherwise.
pub fn request_lang(headers: &HeaderMap) -> Lang {
    Lang::from_accept_language(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    )
}

/// Writes the body of every error response, in the language the request asked for. Requests
/// that axum itself refused (malformed JSON, a missing query field) get the same `{code, message}`.
pub async fn localize(request: Request, next: Next) -> Response {
    let lang = request_lang(request.headers());
    let mut response = next.run(request).await;
    let error = match response.extensions_mut().remove::<ApiError>() {
        Some(error) => error,
        None if response.status().is_client_error() && !is_json(&response) => {
            let status = response.status();
            let detail = axum::body::to_bytes(response.into_body(), 4096)
                .await
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            ApiError {
                status,
                ..ApiError::bad_request(detail)
            }
        }
        None => return response,
    };
    let args: Vec<(&str, Arg)> = error
        .args
        .iter()
        .map(|(k, v)| match (*k, v.parse::<i64>()) {
            ("seconds" | "min" | "count", Ok(n)) => (*k, Arg::Num(n)),
            _ => (*k, Arg::Str(v)),
        })
        .collect();
    let retry_after_seconds = (error.code == "auth.locked")
        .then(|| error.args.iter().find(|(k, _)| *k == "seconds"))
        .flatten()
        .and_then(|(_, v)| v.parse().ok());
    let body = ErrorBody {
        code: error.code.to_string(),
        message: error_message(lang, error.code, &args),
        retry_after_seconds,
        index: error.index,
    };
    (error.status, Json(body)).into_response()
}

fn is_json(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}
