//! What devices and the hub say to each other. A sync is a manifest (every shared document with
//! its heads: equal heads need no round) and then rounds, each carrying one automerge sync message
//! per document still talking, all in one request. The hub's answers say which documents it
//! refused and announce the fixation.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::identity::{PublicKey, Signature};

/// An automerge change hash.
pub type Hash = [u8; 32];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocHeads {
    /// The document's key (`journal/<class>/<term>`).
    pub doc: String,
    pub heads: Vec<Hash>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMessage {
    pub doc: String,
    /// An encoded `automerge::sync::Message`.
    pub message: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    pub doc: String,
    /// A stable error code: `sync.out_of_scope`, `sync.frozen`.
    pub code: String,
}

/// The hub's announced fixation (M10): the date whose heads it archives, and the freeze window
/// after it during which administrative data is not accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixationNotice {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub freeze_working_days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// The organisation the device is enrolled in (the school's own id).
    pub org: Uuid,
    pub at_ms: i64,
    pub ask: Ask,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ask {
    /// A device's first contact: the one-time code's secret binds its key to an organisation.
    Enrol(Enrolment),
    Manifest {
        docs: Vec<DocHeads>,
        /// When the oldest change the hub lacks was made: the hub's figure of the 5-day rule.
        oldest_undelivered_ms: Option<i64>,
    },
    Round {
        docs: Vec<DocMessage>,
    },
    /// The director's confirmation of the school's data as the hub now holds it (M8).
    Confirm {
        statement: Statement,
        confirmation: Confirmation,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    pub secret: [u8; 8],
    pub org_name: String,
    pub device_name: String,
    /// The director's personal key, whose signature confirms the weekly submissions (M8).
    pub director: Option<PublicKey>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub answer: Answer,
    pub fixation: Option<FixationNotice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// The hub's own statement of its certificate's hash, which the device pins.
    Enrolled { tls: Option<Hash> },
    /// The documents whose heads differ, or that only one side holds.
    Manifest { differ: Vec<String> },
    Round {
        docs: Vec<DocMessage>,
        refused: Vec<Refusal>,
    },
    /// The director's confirmation was recorded.
    Confirmed,
    /// The request was refused as a whole; nothing changed.
    Refused { code: String, detail: String },
}

/// What a director confirms over the link: the heads of every document after a sync.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub org: Uuid,
    pub at_ms: i64,
    pub heads: Vec<DocHeads>,
}

impl Statement {
    /// What the director signs: the hash of the statement's encoding.
    pub fn digest(&self) -> crate::Result<[u8; 32]> {
        use sha2::{Digest, Sha256};
        let bytes = postcard::to_stdvec(self).map_err(crate::SyncError::malformed)?;
        Ok(Sha256::digest(bytes).into())
    }
}

/// A director's confirmation of what a submission carries (M8): a signature over the hash of
/// the bundle's content (or of the statement) by the director's personal key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confirmation {
    pub director: PublicKey,
    pub login: String,
    pub name: String,
    pub signature: Signature,
}
