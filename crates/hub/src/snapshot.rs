//! Snapshots for new computers: every document the hub holds of one organisation, signed by the
//! hub and bound to a fresh one-time code of that organisation. The district hands both over
//! (the file on a USB stick, the code on paper) and the new computer starts from the file
//! instead of a first sync of the whole school over a poor link; the code then enrols it as
//! one more device of the organisation.

use chrono::{DateTime, Utc};
use dala_sync::{DocChanges, EnrolmentCode, Snapshot};
use sqlx::Row;
use uuid::Uuid;

use crate::error::{HubError, Result};
use crate::hub::{Hub, secret_hash, split_heads};

/// The snapshot of the organisation named, handed to `keep` (which writes it out), and the code
/// that goes with it: a new code of the organisation, replacing one not yet used. The new code
/// counts only once `keep` has the file.
pub async fn make(
    hub: &Hub,
    org_name: &str,
    now: DateTime<Utc>,
    keep: impl FnOnce(&[u8]) -> Result<()>,
) -> Result<String> {
    let mut tx = hub.begin().await?;
    let orgs = sqlx::query("SELECT id, school_org FROM hub_orgs WHERE name = $1")
        .bind(org_name)
        .fetch_all(&mut *tx)
        .await?;
    let [row] = orgs.as_slice() else {
        return Err(HubError::Invalid(format!(
            "{} organisations are named {org_name}",
            orgs.len()
        )));
    };
    let (id, school_org): (String, Option<String>) = (row.try_get(0)?, row.try_get(1)?);
    let school_org: Uuid = school_org
        .and_then(|o| o.parse().ok())
        .ok_or_else(|| HubError::Invalid(format!("{org_name} has not synced yet")))?;
    let code = EnrolmentCode::new(&hub.key.public())?;
    sqlx::query("UPDATE hub_orgs SET code_hash = $1, code_used_at = NULL WHERE id = $2")
        .bind(secret_hash(&code.secret))
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    let rows = sqlx::query(
        "SELECT doc_key, bytes, heads FROM hub_documents WHERE org = $1 ORDER BY doc_key",
    )
    .bind(&id)
    .fetch_all(&mut *tx)
    .await?;
    let docs = rows
        .iter()
        .map(|r| {
            Ok(DocChanges {
                doc: r.try_get(0)?,
                changes: r.try_get(1)?,
                heads: split_heads(&r.try_get::<Vec<u8>, _>(2)?),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let snapshot = Snapshot {
        org: school_org,
        org_name: org_name.to_string(),
        code: code.secret_hash(),
        made_at_ms: now.timestamp_millis(),
        docs,
        fixation: hub.notice(&mut tx).await?,
    };
    keep(&snapshot.seal(&hub.key)?)?;
    tx.commit().await?;
    Ok(code.to_text())
}
