//! A school's bundle brought on a USB stick: checked (signature, hub, director), applied in one
//! transaction, recorded by its hash so that a second import changes nothing, and answered with
//! a bundle of the hub's acknowledgements and the changes the school lacks.

use automerge::{AutoCommit, ChangeHash};
use chrono::{DateTime, Utc};
use dala_core::DocKey;
use dala_sync::{DocChanges, DocHeads, HubAnswer, Refusal, SchoolBundle, SyncError};
use sha2::{Digest, Sha256};

use crate::error::Result;
use crate::hub::{Hub, Signed};

#[derive(Debug)]
pub struct Imported {
    pub org_name: String,
    pub applied_docs: usize,
    pub refused: Vec<Refusal>,
    pub already_imported: bool,
    /// Who confirmed the submission (M8), as `login (name)`.
    pub confirmed_by: Option<String>,
    pub answer: Vec<u8>,
}

pub async fn import(hub: &Hub, bytes: &[u8], now: DateTime<Utc>) -> Result<Imported> {
    let (device, bundle) = SchoolBundle::open(bytes, &hub.key.public())?;
    let hash = hex::encode(Sha256::digest(bytes));
    let submission = &bundle.submission;
    let mut tx = hub.begin().await?;
    let today = dala_core::year::school_date(now);
    hub.archive_if_due(&mut tx, today).await?;
    let already = sqlx::query("SELECT 1 FROM hub_bundles WHERE hash = $1")
        .bind(&hash)
        .fetch_optional(&mut *tx)
        .await?
        .is_some();
    let org = match hub.device_org(&mut tx, &device, submission.org).await {
        Ok(org) => org,
        Err(crate::error::HubError::Sync(SyncError::UnknownDevice)) => {
            let enrolment = submission.enrol.as_ref().ok_or(SyncError::UnknownDevice)?;
            hub.enrol(&mut tx, &device, submission.org, enrolment, now)
                .await?
        }
        Err(e) => return Err(e),
    };
    let confirmed_by = match &bundle.confirmation {
        Some(c) if !already => {
            let signed = Signed {
                digest: &submission.digest()?,
                docs: submission.docs.len(),
                via: "bundle",
            };
            Some(
                hub.record_confirmation(&mut tx, &org, c, signed, now)
                    .await?,
            )
        }
        Some(c) => Some(format!("{} ({})", c.name, c.login)),
        None => None,
    };
    let mut applied = 0;
    let mut refused = Vec::new();
    if !already {
        for changes in &submission.docs {
            let key = DocKey::parse(&changes.doc).ok_or_else(|| SyncError::Malformed {
                detail: format!("document {}", changes.doc),
            })?;
            if let Some(why) = hub.refusal(&mut tx, &org, key, today).await? {
                refused.push(Refusal {
                    doc: changes.doc.clone(),
                    code: why.code().to_string(),
                });
                continue;
            }
            let mut doc = hub
                .load(&mut tx, &org, key)
                .await?
                .unwrap_or_else(AutoCommit::new);
            let before = doc.get_heads();
            doc.load_incremental(&changes.changes)
                .map_err(|e| SyncError::Malformed {
                    detail: format!("{}: {e}", changes.doc),
                })?;
            if Hub::foreign_content(key, &doc, submission.org)? {
                refused.push(Refusal {
                    doc: changes.doc.clone(),
                    code: "sync.out_of_scope".into(),
                });
                continue;
            }
            if doc.get_heads() != before {
                hub.save(&mut tx, &org, key, &mut doc, now).await?;
                applied += 1;
            }
        }
        sqlx::query(
            "INSERT INTO hub_bundles (hash, org, device, director, director_login, director_name, docs, imported_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&hash)
        .bind(&org)
        .bind(device.to_hex())
        .bind(bundle.confirmation.as_ref().map(|c| c.director.to_hex()))
        .bind(bundle.confirmation.as_ref().map(|c| c.login.clone()))
        .bind(bundle.confirmation.as_ref().map(|c| c.name.clone()))
        .bind(applied as i64)
        .bind(now.timestamp_millis())
        .execute(&mut *tx)
        .await?;
        hub.touch_device(
            &mut tx,
            &device,
            &org,
            submission.oldest_undelivered_ms,
            now,
        )
        .await?;
    }
    // The answer: the hub's heads of every document the school sent, and what it lacks of them.
    let mut acks = Vec::new();
    let mut back = Vec::new();
    for changes in &submission.docs {
        let Some(key) = DocKey::parse(&changes.doc) else {
            continue;
        };
        let Some(mut doc) = hub.load(&mut tx, &org, key).await? else {
            continue;
        };
        let heads = doc.get_heads();
        acks.push(DocHeads {
            doc: changes.doc.clone(),
            heads: heads.iter().map(|h| h.0).collect(),
        });
        let school: Vec<ChangeHash> = changes.heads.iter().map(|h| ChangeHash(*h)).collect();
        let lacking = doc.save_after(&school);
        if heads.iter().any(|h| !school.contains(h)) {
            back.push(DocChanges {
                doc: changes.doc.clone(),
                heads: heads.iter().map(|h| h.0).collect(),
                changes: lacking,
            });
        }
    }
    let fixation = hub.notice(&mut tx).await?;
    tx.commit().await?;
    let answer = HubAnswer {
        org: submission.org,
        device,
        made_at_ms: now.timestamp_millis(),
        acks,
        docs: back,
        refused: refused.clone(),
        fixation,
    }
    .seal(&hub.key)?;
    Ok(Imported {
        org_name: submission.org_name.clone(),
        applied_docs: applied,
        refused,
        already_imported: already,
        confirmed_by,
        answer,
    })
}
