//! The one error type of the store. Codes are stable; the CLI and the API turn them into messages
//! of the user's language with `dala-i18n`.

use dala_core::CoreError;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error(transparent)]
    Core(#[from] CoreError),
    #[error(transparent)]
    Sync(#[from] dala_sync::SyncError),
    #[error("wrong login or password")]
    InvalidCredentials,
    #[error("the recovery key is not valid")]
    RecoveryKeyInvalid,
    #[error("there is no Dala data in {path}")]
    NotInitialised { path: String },
    #[error("the folder {path} is not empty")]
    AlreadyInitialised { path: String },
    #[error("the key file in {path} is damaged or unreadable")]
    KeySlotsCorrupt { path: String },
    #[error("the database is damaged: {detail}")]
    Corrupt { detail: String },
    #[error("migration {name} differs from the one applied to this database")]
    MigrationEdited { name: String },
    #[error("this data was made by a newer version of Dala (schema {version})")]
    NewerSchema { version: i64 },
    #[error("cannot read or write {path}: {detail}")]
    Io { path: String, detail: String },
    #[error("database error: {detail}")]
    Database { detail: String },
    #[error("document {doc} cannot be read: {detail}")]
    DocumentCorrupt { doc: String, detail: String },
}

impl StoreError {
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Core(e) => e.code(),
            StoreError::Sync(e) => e.code(),
            StoreError::InvalidCredentials => "auth.invalid_credentials",
            StoreError::RecoveryKeyInvalid => "auth.recovery_key_invalid",
            StoreError::NotInitialised { .. } => "store.not_initialised",
            StoreError::AlreadyInitialised { .. } => "store.already_initialised",
            StoreError::KeySlotsCorrupt { .. } => "store.key_slots_corrupt",
            StoreError::Corrupt { .. } => "store.corrupt",
            StoreError::MigrationEdited { .. } => "store.migration_edited",
            StoreError::NewerSchema { .. } => "store.newer_schema",
            StoreError::Io { .. } => "store.io",
            StoreError::Database { .. } => "store.database",
            StoreError::DocumentCorrupt { .. } => "store.document_corrupt",
        }
    }

    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            StoreError::Core(e) => e.args(),
            StoreError::Sync(e) => e.args(),
            StoreError::NotInitialised { path }
            | StoreError::AlreadyInitialised { path }
            | StoreError::KeySlotsCorrupt { path } => vec![("path", path.clone())],
            StoreError::Corrupt { detail } | StoreError::Database { detail } => {
                vec![("detail", detail.clone())]
            }
            StoreError::MigrationEdited { name } => vec![("name", name.clone())],
            StoreError::NewerSchema { version } => vec![("version", version.to_string())],
            StoreError::Io { path, detail } => {
                vec![("path", path.clone()), ("detail", detail.clone())]
            }
            StoreError::DocumentCorrupt { doc, detail } => {
                vec![("doc", doc.clone()), ("detail", detail.clone())]
            }
            StoreError::InvalidCredentials | StoreError::RecoveryKeyInvalid => Vec::new(),
        }
    }

    pub(crate) fn io(path: &std::path::Path, e: std::io::Error) -> StoreError {
        StoreError::Io {
            path: path.display().to_string(),
            detail: e.to_string(),
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Database {
            detail: e.to_string(),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
