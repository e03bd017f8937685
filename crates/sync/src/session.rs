//! One sync, driven by the device that starts it: the manifest, then rounds until neither side
//! has anything to say. Each side is a `Replica`; whatever a round brings is applied in one
//! transaction there, with the sync state of every document, so a sync cut at any point resumes
//! from what is on disk and loses nothing.

use automerge::AutoCommit;
use automerge::sync::{Message, State, SyncDoc};
use uuid::Uuid;

use crate::code::EnrolmentCode;
use crate::envelope::{self, Kind};
use crate::error::{Result, SyncError};
use crate::identity::{PublicKey, SecretKey};
use crate::message::{
    Answer, Ask, Confirmation, DocHeads, DocMessage, Enrolment, FixationNotice, Hash, Refusal,
    Request, Response, Statement,
};

/// A sync that has not settled after this many rounds has met a peer that is not well.
const MAX_ROUNDS: u32 = 64;

/// One side of a sync, for one peer.
pub trait Replica {
    type Error: From<SyncError>;
    /// Every document this side shares with the peer, with its heads.
    fn manifest(&mut self) -> Result<Vec<DocHeads>, Self::Error>;
    /// The next sync message of each listed document that has something to say.
    fn generate(&mut self, docs: &[String]) -> Result<Vec<DocMessage>, Self::Error>;
    /// The peer's messages of one round, applied in one transaction.
    fn receive(&mut self, messages: Vec<DocMessage>) -> Result<(), Self::Error>;
    /// Documents the manifest found with the same heads on both sides: the peer has them.
    fn shared(&mut self, docs: Vec<DocHeads>) -> Result<(), Self::Error>;
}

/// How requests reach the peer: HTTP, or a direct call in tests.
pub trait Transport {
    fn exchange(&mut self, request: Vec<u8>) -> Result<Vec<u8>>;

    /// The hash of the TLS certificate the peer showed, where the link has one.
    fn seen_certificate(&self) -> Option<Hash> {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Connecting,
    Manifest,
    Rounds,
    Done,
}

impl Phase {
    pub fn code(self) -> &'static str {
        match self {
            Phase::Connecting => "connecting",
            Phase::Manifest => "manifest",
            Phase::Rounds => "rounds",
            Phase::Done => "done",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub rounds: u32,
    pub bytes_sent: u64,
    pub bytes_received: u64,
    /// Documents whose heads differed at the start.
    pub docs: usize,
    pub refused: Vec<Refusal>,
    pub fixation: Option<FixationNotice>,
}

/// Who this side is and whom it expects to answer.
pub struct Link<'a, T> {
    pub transport: T,
    pub key: &'a SecretKey,
    pub org: Uuid,
    /// The peer's identity key: an answer signed by any other key is refused.
    pub peer: PublicKey,
    pub now_ms: i64,
    pub oldest_undelivered_ms: Option<i64>,
}

impl<T: Transport> Link<'_, T> {
    fn ask(&mut self, ask: Ask, report: &mut Report) -> Result<Response> {
        let request = Request {
            org: self.org,
            at_ms: self.now_ms,
            ask,
        };
        let bytes = envelope::seal(Kind::Request, self.key, &request)?;
        report.bytes_sent += bytes.len() as u64;
        let answer = self.transport.exchange(bytes)?;
        report.bytes_received += answer.len() as u64;
        let (signer, response): (PublicKey, Response) = envelope::open(Kind::Response, &answer)?;
        if signer != self.peer {
            return Err(SyncError::Signature);
        }
        if let Answer::Refused { code, detail } = &response.answer {
            return Err(refusal(code, detail));
        }
        if response.fixation.is_some() {
            report.fixation = response.fixation.clone();
        }
        Ok(response)
    }
}

/// The peer's refusal of a whole request, as the error its code names.
fn refusal(code: &str, detail: &str) -> SyncError {
    match code {
        "sync.unknown_device" => SyncError::UnknownDevice,
        "sync.code_invalid" => SyncError::CodeInvalid,
        "sync.wrong_org" => SyncError::WrongOrg,
        "sync.signature" => SyncError::Signature,
        "sync.malformed" => SyncError::malformed(detail),
        "sync.director_unknown" => SyncError::DirectorUnknown,
        _ => SyncError::Refused {
            status: 0,
            detail: format!("{code}: {detail}"),
        },
    }
}

/// Syncs every shared document with the peer; `progress` hears the phase and a figure in 0..=1.
pub fn sync<R: Replica, T: Transport>(
    replica: &mut R,
    link: &mut Link<'_, T>,
    mut progress: impl FnMut(Phase, f32),
) -> Result<Report, R::Error> {
    let mut report = Report::default();
    progress(Phase::Connecting, 0.0);
    let docs = replica.manifest()?;
    progress(Phase::Manifest, 0.05);
    let manifest = Ask::Manifest {
        docs: docs.clone(),
        oldest_undelivered_ms: link.oldest_undelivered_ms,
    };
    let mut active = match link.ask(manifest, &mut report)?.answer {
        Answer::Manifest { differ } => differ,
        _ => return Err(SyncError::malformed("expected the manifest's answer").into()),
    };
    replica.shared(
        docs.into_iter()
            .filter(|d| !active.contains(&d.doc))
            .collect(),
    )?;
    report.docs = active.len();
    while !active.is_empty() {
        if report.rounds == MAX_ROUNDS {
            return Err(SyncError::TooManyRounds { rounds: MAX_ROUNDS }.into());
        }
        let out = replica.generate(&active)?;
        if out.is_empty() {
            break;
        }
        report.rounds += 1;
        let talking = out.len();
        let (docs, refused) = match link.ask(Ask::Round { docs: out }, &mut report)?.answer {
            Answer::Round { docs, refused } => (docs, refused),
            _ => return Err(SyncError::malformed("expected a round's answer").into()),
        };
        active.retain(|doc| !refused.iter().any(|r| &r.doc == doc));
        report.refused.extend(refused);
        replica.receive(docs)?;
        let settled = report.docs.saturating_sub(talking) as f32 / report.docs.max(1) as f32;
        progress(Phase::Rounds, 0.1 + 0.85 * settled);
    }
    progress(Phase::Done, 1.0);
    Ok(report)
}

/// Sends the director's confirmation of a statement after a sync (M8).
pub fn confirm<T: Transport>(
    link: &mut Link<'_, T>,
    statement: Statement,
    confirmation: Confirmation,
) -> Result<Report> {
    let mut report = Report::default();
    let ask = Ask::Confirm {
        statement,
        confirmation,
    };
    match link.ask(ask, &mut report)?.answer {
        Answer::Confirmed => Ok(report),
        _ => Err(SyncError::malformed("expected the confirmation's answer")),
    }
}

/// Enrols this device at its hub with the code's secret. The hub's identity is not known yet,
/// only its short hash from the code: the answer's signer must match it, and is what the device
/// keeps as its hub from now on, with the certificate hash the hub states.
pub fn enrol<T: Transport>(
    transport: &mut T,
    key: &SecretKey,
    org: Uuid,
    code: &EnrolmentCode,
    enrolment: Enrolment,
    now_ms: i64,
) -> Result<(PublicKey, Option<Hash>)> {
    let request = Request {
        org,
        at_ms: now_ms,
        ask: Ask::Enrol(enrolment),
    };
    let answer = transport.exchange(envelope::seal(Kind::Request, key, &request)?)?;
    let (hub, response): (PublicKey, Response) = envelope::open(Kind::Response, &answer)?;
    if !code.is_hub(&hub) {
        return Err(SyncError::WrongHub);
    }
    match response.answer {
        Answer::Enrolled { tls } => Ok((hub, tls)),
        Answer::Refused { code, detail } => Err(refusal(&code, &detail)),
        _ => Err(SyncError::malformed("expected the enrolment's answer")),
    }
}

/// The documents whose heads differ between two manifests, or that only one side holds.
pub fn differ(ours: &[DocHeads], theirs: &[DocHeads]) -> Vec<String> {
    let mut ours: Vec<&DocHeads> = ours.iter().collect();
    let mut theirs: Vec<&DocHeads> = theirs.iter().collect();
    ours.sort_by(|a, b| a.doc.cmp(&b.doc));
    theirs.sort_by(|a, b| a.doc.cmp(&b.doc));
    let mut differ = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < ours.len() || j < theirs.len() {
        match (ours.get(i), theirs.get(j)) {
            (Some(a), Some(b)) if a.doc == b.doc => {
                let (mut x, mut y) = (a.heads.clone(), b.heads.clone());
                x.sort();
                y.sort();
                if x != y {
                    differ.push(a.doc.clone());
                }
                i += 1;
                j += 1;
            }
            (Some(a), Some(b)) if a.doc < b.doc => {
                differ.push(a.doc.clone());
                i += 1;
            }
            (Some(a), None) => {
                differ.push(a.doc.clone());
                i += 1;
            }
            (_, Some(b)) => {
                differ.push(b.doc.clone());
                j += 1;
            }
            (None, None) => break,
        }
    }
    differ
}

/// The heads of a document as the wire carries them.
pub fn heads_of(doc: &mut AutoCommit) -> Vec<[u8; 32]> {
    doc.get_heads().into_iter().map(|h| h.0).collect()
}

/// The next message of one document for a peer, encoded.
pub fn generate(doc: &mut AutoCommit, state: &mut State) -> Option<Vec<u8>> {
    doc.sync().generate_sync_message(state).map(Message::encode)
}

/// Applies a peer's encoded message to one document.
pub fn receive(doc: &mut AutoCommit, state: &mut State, message: &[u8]) -> Result<()> {
    let message = Message::decode(message).map_err(SyncError::malformed)?;
    doc.sync()
        .receive_sync_message(state, message)
        .map_err(SyncError::malformed)
}

/// A peer's persisted sync state, or a fresh one when there is none or it cannot be read
/// (a fresh state costs a longer round, never a lost change).
pub fn state(bytes: Option<&[u8]>) -> State {
    bytes
        .and_then(|b| State::decode(b).ok())
        .unwrap_or_default()
}

/// Opens a request at the serving side; answers the device's key with it.
pub fn open_request(bytes: &[u8]) -> Result<(PublicKey, Request)> {
    envelope::open(Kind::Request, bytes)
}

pub fn seal_response(key: &SecretKey, response: &Response) -> Result<Vec<u8>> {
    envelope::seal(Kind::Response, key, response)
}
