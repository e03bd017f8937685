//! A snapshot file: every document the hub holds of one organisation, whole, for a new computer
//! of that organisation to start from instead of a long first sync over a poor link. The hub
//! makes it together with a one-time code and signs it; the snapshot names the hash of that
//! code's secret, so it serves the one computer the district gave the code to, and the code
//! names the hub's key, so the computer knows the file is its hub's before reading a document.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::bundle::DocChanges;
use crate::code::EnrolmentCode;
use crate::envelope::{self, Kind};
use crate::error::{Result, SyncError};
use crate::identity::{PublicKey, SecretKey};
use crate::message::FixationNotice;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub org: Uuid,
    pub org_name: String,
    /// The SHA-256 of the secret of the code issued with the snapshot.
    pub code: [u8; 32],
    pub made_at_ms: i64,
    /// Each document whole (`changes` is its saved form) with its heads at the hub.
    pub docs: Vec<DocChanges>,
    pub fixation: Option<FixationNotice>,
}

impl EnrolmentCode {
    /// What a snapshot names of its code: the secret itself never travels with the file.
    pub fn secret_hash(&self) -> [u8; 32] {
        Sha256::digest(self.secret).into()
    }
}

impl Snapshot {
    pub fn seal(&self, hub: &SecretKey) -> Result<Vec<u8>> {
        envelope::seal(Kind::Snapshot, hub, self)
    }

    /// Opens a snapshot with the code it came with: signed by the hub the code names, made
    /// for this very code.
    pub fn open(bytes: &[u8], code: &EnrolmentCode) -> Result<(PublicKey, Snapshot)> {
        let (hub, snapshot): (PublicKey, Snapshot) = envelope::open(Kind::Snapshot, bytes)?;
        if code.lan || !code.is_hub(&hub) {
            return Err(SyncError::WrongHub);
        }
        if snapshot.code != code.secret_hash() {
            return Err(SyncError::SnapshotCode);
        }
        Ok((hub, snapshot))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(code: &EnrolmentCode) -> Snapshot {
        Snapshot {
            org: Uuid::now_v7(),
            org_name: "Ақсу мектебі".into(),
            code: code.secret_hash(),
            made_at_ms: 1,
            docs: vec![DocChanges {
                doc: "org".into(),
                heads: vec![[7; 32]],
                changes: vec![1, 2, 3],
            }],
            fixation: None,
        }
    }

    #[test]
    fn a_snapshot_opens_with_its_own_code_only() {
        let hub = SecretKey::generate().unwrap();
        let code = EnrolmentCode::new(&hub.public()).unwrap();
        let made = snapshot(&code);
        let bytes = made.seal(&hub).unwrap();
        assert_eq!(Snapshot::open(&bytes, &code).unwrap().1, made);

        let other = EnrolmentCode::new(&hub.public()).unwrap();
        assert_eq!(Snapshot::open(&bytes, &other), Err(SyncError::SnapshotCode));
        let stranger = SecretKey::generate().unwrap();
        let forged = made.seal(&stranger).unwrap();
        assert_eq!(Snapshot::open(&forged, &code), Err(SyncError::WrongHub));
        let mut altered = bytes.clone();
        let last = altered.len() - 80;
        altered[last] ^= 1;
        assert!(Snapshot::open(&altered, &code).is_err());
        // A bundle is not a snapshot, whoever signed it.
        let bundle = envelope::seal(Kind::Bundle, &hub, &made).unwrap();
        assert!(matches!(
            Snapshot::open(&bundle, &code),
            Err(SyncError::Malformed { .. })
        ));
    }
}
