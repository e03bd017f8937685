//! The hub's side of a sync: each request is opened (signature first), answered and, for a
//! round, applied in one transaction with the sync state of every document, so a request cut
//! at any point leaves the hub as it was or with the whole round.

use automerge::AutoCommit;
use chrono::{DateTime, Utc};
use dala_core::{DocKey, Scope};
use dala_sync::{Answer, Ask, DocMessage, PublicKey, Refusal, Response, SyncError};
use sqlx::Row;
use uuid::Uuid;

use crate::error::{HubError, Result};
use crate::hub::{Hub, Signed, Tx};

/// Answers one request: always a signed response, a refusal included; only bytes that do not
/// open as a request at all get a plain error.
pub async fn answer(hub: &Hub, request: &[u8], now: DateTime<Utc>) -> Result<Vec<u8>, SyncError> {
    let (device, request) = dala_sync::open_request(request)?;
    let mut tx = hub.begin().await.map_err(offline)?;
    let answered = respond(hub, &mut tx, &device, request, now).await;
    let answer = match answered {
        Ok(answer) => {
            tx.commit().await.map_err(offline)?;
            answer
        }
        Err(e) => {
            drop(tx);
            Answer::Refused {
                code: e.code().to_string(),
                detail: e.to_string(),
            }
        }
    };
    let mut tx = hub.pool.begin().await.map_err(offline)?;
    let fixation = hub.notice(&mut tx).await.map_err(offline)?;
    drop(tx);
    dala_sync::seal_response(&hub.key, &Response { answer, fixation })
}

fn offline(e: impl ToString) -> SyncError {
    SyncError::Offline {
        detail: e.to_string(),
    }
}

async fn respond(
    hub: &Hub,
    tx: &mut Tx,
    device: &PublicKey,
    request: dala_sync::Request,
    now: DateTime<Utc>,
) -> Result<Answer> {
    let today = dala_core::year::school_date(now);
    hub.archive_if_due(tx, today).await?;
    match request.ask {
        Ask::Enrol(enrolment) => {
            hub.enrol(tx, device, request.org, &enrolment, now).await?;
            Ok(Answer::Enrolled { tls: hub.tls })
        }
        Ask::Manifest {
            docs,
            oldest_undelivered_ms,
        } => {
            let org = hub.device_org(tx, device, request.org).await?;
            hub.touch_device(tx, device, &org, oldest_undelivered_ms, now)
                .await?;
            let theirs: Vec<_> = docs
                .into_iter()
                .filter(|d| DocKey::parse(&d.doc).is_some_and(|k| k.scope() == Scope::Upstream))
                .collect();
            let ours = hub.heads(tx, &org).await?;
            Ok(Answer::Manifest {
                differ: dala_sync::differ(&ours, &theirs),
            })
        }
        Ask::Round { docs } => {
            let org = hub.device_org(tx, device, request.org).await?;
            round(hub, tx, &org, request.org, device, docs, now).await
        }
        Ask::Confirm {
            statement,
            confirmation,
        } => {
            let org = hub.device_org(tx, device, request.org).await?;
            if statement.org != request.org {
                return Err(SyncError::WrongOrg.into());
            }
            let signed = Signed {
                digest: &statement.digest()?,
                docs: statement.heads.len(),
                via: "link",
            };
            hub.record_confirmation(tx, &org, &confirmation, signed, now)
                .await?;
            Ok(Answer::Confirmed)
        }
    }
}

async fn round(
    hub: &Hub,
    tx: &mut Tx,
    org: &str,
    school_org: Uuid,
    device: &PublicKey,
    messages: Vec<DocMessage>,
    now: DateTime<Utc>,
) -> Result<Answer> {
    let today = dala_core::year::school_date(now);
    let mut docs = Vec::new();
    let mut refused = Vec::new();
    for message in messages {
        let key = DocKey::parse(&message.doc).ok_or_else(|| SyncError::Malformed {
            detail: format!("document {}", message.doc),
        })?;
        if let Some(why) = hub.refusal(tx, org, key, today).await? {
            refused.push(Refusal {
                doc: message.doc,
                code: why.code().to_string(),
            });
            continue;
        }
        let mut doc = hub
            .load(tx, org, key)
            .await?
            .unwrap_or_else(AutoCommit::new);
        let mut state = load_state(tx, device, key).await?;
        let before = doc.get_heads();
        dala_sync::receive(&mut doc, &mut state, &message.message)?;
        if Hub::foreign_content(key, &doc, school_org)? {
            refused.push(Refusal {
                doc: message.doc,
                code: SyncError::OutOfScope { doc: key.name() }.code().to_string(),
            });
            continue;
        }
        if doc.get_heads() != before {
            hub.save(tx, org, key, &mut doc, now).await?;
        }
        if let Some(reply) = dala_sync::generate(&mut doc, &mut state) {
            docs.push(DocMessage {
                doc: message.doc,
                message: reply,
            });
        }
        save_state(tx, device, key, &state).await?;
    }
    Ok(Answer::Round { docs, refused })
}

async fn load_state(
    tx: &mut Tx,
    device: &PublicKey,
    key: DocKey,
) -> Result<automerge::sync::State> {
    let row = sqlx::query("SELECT state FROM hub_sync_state WHERE device = $1 AND doc_key = $2")
        .bind(device.to_hex())
        .bind(key.name())
        .fetch_optional(&mut **tx)
        .await?;
    let bytes: Option<Vec<u8>> = row.map(|r| r.try_get(0)).transpose()?;
    Ok(dala_sync::state(bytes.as_deref()))
}

async fn save_state(
    tx: &mut Tx,
    device: &PublicKey,
    key: DocKey,
    state: &automerge::sync::State,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO hub_sync_state (device, doc_key, state) VALUES ($1, $2, $3)
         ON CONFLICT (device, doc_key) DO UPDATE SET state = excluded.state",
    )
    .bind(device.to_hex())
    .bind(key.name())
    .bind(state.encode())
    .execute(&mut **tx)
    .await
    .map_err(HubError::from)?;
    Ok(())
}
