//! The one error type of sync. Codes are stable; the CLI, the API and the hub turn them into
//! messages of the reader's language with `dala-i18n`.

use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum SyncError {
    #[error("the sync message or bundle cannot be read: {detail}")]
    Malformed { detail: String },
    #[error("the signature does not match: the data was altered or signed by another key")]
    Signature,
    #[error("the enrolment code is not valid, was already used or has expired")]
    CodeInvalid,
    #[error("this device is not enrolled with a hub")]
    NotEnrolled,
    #[error("this device is not known to the hub")]
    UnknownDevice,
    #[error("the data belongs to another organisation")]
    WrongOrg,
    #[error("the bundle was made for another hub")]
    WrongHub,
    #[error("document {doc} is outside this device's organisation and scope")]
    OutOfScope { doc: String },
    #[error("administrative data is frozen for the fixation until {until}")]
    Frozen { until: String },
    #[error("the hub cannot be reached: {detail}")]
    Offline { detail: String },
    #[error("the peer answered {status}: {detail}")]
    Refused { status: u16, detail: String },
    #[error("the sync did not settle after {rounds} rounds")]
    TooManyRounds { rounds: u32 },
    #[error("nothing is waiting to be sent")]
    NothingToSend,
    #[error("only the director (the head of a kindergarten) confirms the school's data")]
    NotDirector,
    #[error(
        "the confirmation is signed by a key the hub does not know as this school's director's"
    )]
    DirectorUnknown,
    #[error("the snapshot was made for another enrolment code")]
    SnapshotCode,
    #[error(
        "a laptop syncs with the school's main computer: bundles and confirmations go to the hub from there"
    )]
    LanLaptop,
}

impl SyncError {
    pub fn code(&self) -> &'static str {
        match self {
            SyncError::Malformed { .. } => "sync.malformed",
            SyncError::Signature => "sync.signature",
            SyncError::CodeInvalid => "sync.code_invalid",
            SyncError::NotEnrolled => "sync.not_enrolled",
            SyncError::UnknownDevice => "sync.unknown_device",
            SyncError::WrongOrg => "sync.wrong_org",
            SyncError::WrongHub => "sync.wrong_hub",
            SyncError::OutOfScope { .. } => "sync.out_of_scope",
            SyncError::Frozen { .. } => "sync.frozen",
            SyncError::Offline { .. } => "sync.offline",
            SyncError::Refused { .. } => "sync.refused",
            SyncError::TooManyRounds { .. } => "sync.too_many_rounds",
            SyncError::NothingToSend => "sync.nothing_to_send",
            SyncError::NotDirector => "sync.not_director",
            SyncError::DirectorUnknown => "sync.director_unknown",
            SyncError::SnapshotCode => "sync.snapshot_code",
            SyncError::LanLaptop => "sync.lan_laptop",
        }
    }

    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            SyncError::Malformed { detail } | SyncError::Offline { detail } => {
                vec![("detail", detail.clone())]
            }
            SyncError::OutOfScope { doc } => vec![("doc", doc.clone())],
            SyncError::Frozen { until } => vec![("until", until.clone())],
            SyncError::Refused { status, detail } => {
                vec![("status", status.to_string()), ("detail", detail.clone())]
            }
            SyncError::TooManyRounds { rounds } => vec![("rounds", rounds.to_string())],
            _ => Vec::new(),
        }
    }

    pub(crate) fn malformed(detail: impl ToString) -> SyncError {
        SyncError::Malformed {
            detail: detail.to_string(),
        }
    }
}

pub type Result<T, E = SyncError> = std::result::Result<T, E>;
