//! Bundle files: the same changes as a sync, carried on a USB stick when no link exists. The
//! school's bundle holds every change the hub has not acknowledged, its heads per document and,
//! for a weekly submission, the director's confirmation; the hub's answer holds its heads (the
//! acknowledgements) and the changes the school lacks. Both are signed envelopes; a bundle names
//! the hub it was made for, and importing one twice changes nothing.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::envelope::{self, Kind};
use crate::error::{Result, SyncError};
use crate::identity::{PublicKey, SecretKey};
use crate::message::{Confirmation, DocHeads, Enrolment, FixationNotice, Hash};

/// A document's changes that the other side lacks, with the sender's heads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocChanges {
    pub doc: String,
    pub heads: Vec<Hash>,
    /// Concatenated automerge changes, as `AutoCommit::save_after` writes them.
    pub changes: Vec<u8>,
}

/// What a school sends up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    pub org: Uuid,
    pub org_name: String,
    /// The short hash of the hub's key: a bundle for another hub is refused.
    pub hub: [u8; 10],
    pub made_at_ms: i64,
    pub oldest_undelivered_ms: Option<i64>,
    /// Present until the hub has confirmed the enrolment (the offline path).
    pub enrol: Option<Enrolment>,
    pub docs: Vec<DocChanges>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolBundle {
    pub submission: Submission,
    pub confirmation: Option<Confirmation>,
}

/// What the hub sends back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HubAnswer {
    pub org: Uuid,
    /// The device the answer is for.
    pub device: PublicKey,
    pub made_at_ms: i64,
    /// The hub's heads per document after the import: what it acknowledges.
    pub acks: Vec<DocHeads>,
    pub docs: Vec<DocChanges>,
    pub refused: Vec<crate::message::Refusal>,
    pub fixation: Option<FixationNotice>,
}

impl Submission {
    /// What the director signs: the hash of the submission's encoding.
    pub fn digest(&self) -> Result<[u8; 32]> {
        let bytes = postcard::to_stdvec(self).map_err(SyncError::malformed)?;
        Ok(Sha256::digest(bytes).into())
    }
}

impl SchoolBundle {
    pub fn seal(&self, device: &SecretKey) -> Result<Vec<u8>> {
        envelope::seal(Kind::Bundle, device, self)
    }

    /// Opens a school's bundle at the hub: the envelope's signature, the hub it was made for
    /// and the director's confirmation are checked before anything is read further.
    pub fn open(bytes: &[u8], hub: &PublicKey) -> Result<(PublicKey, SchoolBundle)> {
        let (device, bundle): (PublicKey, SchoolBundle) = envelope::open(Kind::Bundle, bytes)?;
        if bundle.submission.hub != hub.short_hash() {
            return Err(SyncError::WrongHub);
        }
        if let Some(confirmation) = &bundle.confirmation {
            confirmation
                .director
                .verify(&bundle.submission.digest()?, &confirmation.signature)?;
        }
        Ok((device, bundle))
    }
}

impl HubAnswer {
    pub fn seal(&self, hub: &SecretKey) -> Result<Vec<u8>> {
        envelope::seal(Kind::Answer, hub, self)
    }

    /// Opens the hub's answer at the school: it must come from the hub the code named, for
    /// this organisation and this device.
    pub fn open(
        bytes: &[u8],
        hub: &[u8; 10],
        org: Uuid,
        device: &PublicKey,
    ) -> Result<(PublicKey, HubAnswer)> {
        let (signer, answer): (PublicKey, HubAnswer) = envelope::open(Kind::Answer, bytes)?;
        if signer.short_hash() != *hub {
            return Err(SyncError::WrongHub);
        }
        if answer.org != org || answer.device != *device {
            return Err(SyncError::WrongOrg);
        }
        Ok((signer, answer))
    }
}
