//! Errors at the API's edge: a stable code, an HTTP status and the values its message needs. The
//! message itself is written by `localize`, in the caller's language, so handlers never choose one.

use axum::Json;
use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use dala_i18n::{Arg, Lang, error_message};
use dala_store::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub args: Vec<(&'static str, String)>,
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
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str) -> ApiError {
        ApiError {
            status,
            code,
            args: Vec::new(),
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
        }
    }

    pub fn locked(seconds: u64) -> ApiError {
        ApiError {
            status: StatusCode::TOO_MANY_REQUESTS,
            code: "auth.locked",
            args: vec![("seconds", seconds.to_string())],
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        let status = match &e {
            StoreError::InvalidCredentials | StoreError::RecoveryKeyInvalid => {
                StatusCode::UNAUTHORIZED
            }
            StoreError::Core(dala_core::CoreError::NotFound { .. }) => StatusCode::NOT_FOUND,
            StoreError::Core(dala_core::CoreError::LoginTaken { .. }) => StatusCode::CONFLICT,
            StoreError::Core(_) => StatusCode::UNPROCESSABLE_ENTITY,
            StoreError::AlreadyInitialised { .. } => StatusCode::CONFLICT,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError {
            status,
            code: e.code(),
            args: e.args(),
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
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.split(',')
                .filter_map(|part| part.split(';').next())
                .find_map(|tag| tag.trim().parse::<Lang>().ok())
        })
        .unwrap_or_default()
}

/// Writes the body of every error response, in the language the request asked for.
pub async fn localize(request: Request, next: Next) -> Response {
    let lang = request_lang(request.headers());
    let mut response = next.run(request).await;
    let Some(error) = response.extensions_mut().remove::<ApiError>() else {
        return response;
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
    };
    (error.status, Json(body)).into_response()
}
