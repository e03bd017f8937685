//! The one error type of the hub, with stable codes.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum HubError {
    #[error(transparent)]
    Sync(#[from] dala_sync::SyncError),
    #[error("database error: {0}")]
    Database(String),
    #[error("cannot read or write {path}: {detail}")]
    Io { path: String, detail: String },
    #[error("document {doc} cannot be read: {detail}")]
    Document { doc: String, detail: String },
    #[error("{0}")]
    Invalid(String),
}

impl HubError {
    pub fn code(&self) -> &'static str {
        match self {
            HubError::Sync(e) => e.code(),
            HubError::Database(_) => "hub.database",
            HubError::Io { .. } => "hub.io",
            HubError::Document { .. } => "hub.document_corrupt",
            HubError::Invalid(_) => "hub.invalid",
        }
    }

    pub fn io(path: &std::path::Path, e: impl ToString) -> HubError {
        HubError::Io {
            path: path.display().to_string(),
            detail: e.to_string(),
        }
    }
}

impl From<sqlx::Error> for HubError {
    fn from(e: sqlx::Error) -> HubError {
        HubError::Database(e.to_string())
    }
}

pub type Result<T, E = HubError> = std::result::Result<T, E>;
