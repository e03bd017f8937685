//! The school's main machine as the upstream of the school's own laptops: it issues one-time
//! codes, enrols a laptop's key with one, and answers the laptop's sync requests the way the hub
//! answers the school's — the same protocol, the same refusals — except that a laptop is the same
//! school, so every document is shared, accounts included. What a laptop brings merges into this
//! store's documents and so reaches the hub with this machine's next sync.

use chrono::{DateTime, Utc};
use dala_sync::{
    Answer, Ask, DocMessage, Enrolment, EnrolmentCode, PublicKey, Replica, Request, Response,
    SyncError,
};
use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::Store;
use crate::audit::{self, AuditEntry};
use crate::error::{Result, StoreError};

/// How long a laptop's code stays good: a code is printed to be typed in the same day, and one
/// found on a desk a week later must not enrol a stranger's laptop.
const LAN_CODE_HOURS: i64 = 24;

/// A laptop enrolled at this main machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanDevice {
    /// The fingerprint of the laptop's key.
    pub fingerprint: String,
    /// The name the laptop gave itself at enrolment.
    pub name: String,
    pub enrolled_at: String,
    /// RFC 3339; `None` until its first sync.
    pub last_sync: Option<String>,
}

fn secret_hash(secret: &[u8; 8]) -> Vec<u8> {
    Sha256::digest(secret).to_vec()
}

impl Store {
    /// A one-time code for a laptop of this school. Only the hash of its secret is kept: the
    /// code is shown once.
    pub fn issue_lan_code(&mut self, now: DateTime<Utc>) -> Result<String> {
        let key = self.device_key(now)?;
        let code = EnrolmentCode::new_lan(&key.public())?;
        self.conn.execute(
            "INSERT INTO lan_codes (secret_hash, issued_at) VALUES (?1, ?2)",
            params![secret_hash(&code.secret), now.to_rfc3339()],
        )?;
        self.record("sync.lan_code", None, now)?;
        Ok(code.to_text())
    }

    /// The laptops enrolled here, the last enrolled first.
    pub fn lan_devices(&self) -> Result<Vec<LanDevice>> {
        let rows: Vec<(String, String, String, Option<String>)> = self
            .conn
            .prepare(
                "SELECT device, name, enrolled_at, last_sync FROM lan_devices
                 ORDER BY enrolled_at DESC, device",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(|(device, name, enrolled_at, last_sync)| {
                Ok(LanDevice {
                    fingerprint: PublicKey::from_hex(&device)?.fingerprint(),
                    name,
                    enrolled_at,
                    last_sync,
                })
            })
            .collect()
    }

    /// Forgets an enrolled laptop by its key's fingerprint, a lost or stolen one: from then on
    /// its requests are refused as `sync.unknown_device`. Answers whether there was one.
    pub fn remove_lan_device(&mut self, fingerprint: &str, now: DateTime<Utc>) -> Result<bool> {
        let devices: Vec<String> = self
            .conn
            .prepare("SELECT device FROM lan_devices")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let Some(device) = devices.into_iter().find(|d| {
            PublicKey::from_hex(d).is_ok_and(|key| key.fingerprint() == fingerprint.trim())
        }) else {
            return Ok(false);
        };
        let entry = AuditEntry {
            entity_id: Some(fingerprint.trim().to_string()),
            ..self.act("sync.lan_removed", now)
        };
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM lan_devices WHERE device = ?1", [&device])?;
        tx.execute("DELETE FROM sync_state WHERE peer = ?1", [&device])?;
        audit::append(&tx, entry)?;
        tx.commit()?;
        Ok(true)
    }

    /// Answers one request of a laptop: always a response signed by this machine, a refusal
    /// included; only bytes that do not open as a request at all get an error.
    pub fn answer_lan(
        &mut self,
        request: &[u8],
        now: DateTime<Utc>,
    ) -> std::result::Result<Vec<u8>, SyncError> {
        let (device, request) = dala_sync::open_request(request)?;
        let local = |e: StoreError| match e {
            StoreError::Sync(e) => e,
            e => SyncError::Offline {
                detail: e.to_string(),
            },
        };
        let key = self.device_key(now).map_err(local)?;
        let answer = match self.respond_lan(&device, request, now) {
            Ok(answer) => answer,
            Err(e) => Answer::Refused {
                code: e.code().to_string(),
                detail: e.to_string(),
            },
        };
        // A laptop learns the fixation the hub announced from its main machine.
        let fixation = self.fixation().map_err(local)?;
        dala_sync::seal_response(&key, &Response { answer, fixation })
    }

    fn respond_lan(
        &mut self,
        device: &PublicKey,
        request: Request,
        now: DateTime<Utc>,
    ) -> Result<Answer> {
        if request.org != self.org_id()? {
            return Err(SyncError::WrongOrg.into());
        }
        match request.ask {
            Ask::Enrol(enrolment) => {
                self.enrol_lan_device(device, &enrolment, now)?;
                Ok(Answer::Enrolled {
                    tls: Some(crate::tls::certificate_hash(&self.dir)?),
                })
            }
            Ask::Manifest { docs, .. } => {
                let peer = self.lan_device(device, now)?;
                let ours = self.replica(&peer, None, now).manifest()?;
                Ok(Answer::Manifest {
                    differ: dala_sync::differ(&ours, &docs),
                })
            }
            Ask::Round { docs } => {
                let peer = self.lan_device(device, now)?;
                let names: Vec<String> = docs.iter().map(|d| d.doc.clone()).collect();
                let mut replica = self.replica(&peer, None, now);
                replica.receive(docs)?;
                let docs: Vec<DocMessage> = replica.generate(&names)?;
                Ok(Answer::Round {
                    docs,
                    refused: Vec::new(),
                })
            }
            // The director confirms the school's data to the hub, from the main machine.
            Ask::Confirm { .. } => Err(SyncError::Malformed {
                detail: "a confirmation goes to the hub, not to the main machine".into(),
            }
            .into()),
        }
    }

    /// Binds a laptop's key to this school with an unused code of the last day; the code is spent.
    fn enrol_lan_device(
        &mut self,
        device: &PublicKey,
        enrolment: &Enrolment,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        let issued_since = now - chrono::Duration::hours(LAN_CODE_HOURS);
        let spent = tx.execute(
            "UPDATE lan_codes SET used_at = ?2
             WHERE secret_hash = ?1 AND used_at IS NULL AND issued_at >= ?3",
            params![
                secret_hash(&enrolment.secret),
                now.to_rfc3339(),
                issued_since.to_rfc3339()
            ],
        )?;
        if spent == 0 {
            return Err(SyncError::CodeInvalid.into());
        }
        tx.execute(
            "INSERT OR REPLACE INTO lan_devices (device, name, enrolled_at, last_sync)
             VALUES (?1, ?2, ?3, NULL)",
            params![device.to_hex(), enrolment.device_name, now.to_rfc3339()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The peer name of an enrolled laptop, its last sync set to now; `sync.unknown_device`
    /// for any other key.
    fn lan_device(&mut self, device: &PublicKey, now: DateTime<Utc>) -> Result<String> {
        let name = device.to_hex();
        let known: Option<i64> = self
            .conn
            .query_row(
                "SELECT 1 FROM lan_devices WHERE device = ?1",
                [&name],
                |r| r.get(0),
            )
            .optional()?;
        if known.is_none() {
            return Err(SyncError::UnknownDevice.into());
        }
        self.conn.execute(
            "UPDATE lan_devices SET last_sync = ?2 WHERE device = ?1",
            params![name, now.to_rfc3339()],
        )?;
        Ok(name)
    }
}
