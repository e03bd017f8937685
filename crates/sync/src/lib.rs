//! dala-sync: how a school's devices, its main machine and the hub exchange documents. The same
//! protocol runs over the LAN, over the link to the hub and, as bundle files, on a USB stick: a
//! manifest of document heads, then batched automerge sync rounds, every message a signed,
//! zstd-compressed envelope. This crate holds the protocol and its codecs; the stores on each
//! side implement `Replica`.

mod bundle;
mod client;
mod code;
mod envelope;
mod error;
mod identity;
mod message;
mod session;
mod snapshot;

pub use bundle::{DocChanges, HubAnswer, SchoolBundle, Submission};
pub use client::{HttpTransport, SYNC_PATH};
pub use code::EnrolmentCode;
pub use envelope::{Kind, open, seal, seal_raw};
pub use error::{Result, SyncError};
pub use identity::{PublicKey, SecretKey, Signature, fingerprint_of};
pub use message::{
    Answer, Ask, Confirmation, DocHeads, DocMessage, Enrolment, FixationNotice, Hash, Refusal,
    Request, Response, Statement,
};
pub use session::{
    Link, Phase, Replica, Report, Transport, confirm, differ, enrol, generate, heads_of,
    open_request, receive, seal_response, state, sync,
};
pub use snapshot::Snapshot;
