//! The hub's data: one database (SQLite in the data folder, or PostgreSQL) through sqlx's `Any`
//! driver with one migration set per backend, and the hub's identity key beside it. Everything
//! a school sends lands here per organisation; a document's key is held by one organisation only.

use std::path::{Path, PathBuf};

use automerge::AutoCommit;
use chrono::{DateTime, NaiveDate, Utc};
use dala_core::DocKey;
use dala_core::working_days::{Fixation, FixationPhase, is_administrative};
use dala_sync::{
    Confirmation, DocHeads, EnrolmentCode, FixationNotice, Hash, PublicKey, SecretKey, SyncError,
};
use sha2::{Digest, Sha256};
use sqlx::any::AnyPoolOptions;
use sqlx::{Any, AnyPool, Row, Transaction};
use uuid::Uuid;

use crate::error::{HubError, Result};

const KEY_FILE: &str = "hub.key";
const SQLITE: &[(&str, &str)] = &[
    (
        "0001_hub",
        include_str!("../migrations/sqlite/0001_hub.sql"),
    ),
    (
        "0002_districts",
        include_str!("../migrations/sqlite/0002_districts.sql"),
    ),
];
const POSTGRES: &[(&str, &str)] = &[
    (
        "0001_hub",
        include_str!("../migrations/postgres/0001_hub.sql"),
    ),
    (
        "0002_districts",
        include_str!("../migrations/postgres/0002_districts.sql"),
    ),
];

pub struct Hub {
    pub pool: AnyPool,
    pub key: SecretKey,
    pub dir: PathBuf,
    /// The hash of the TLS certificate, stated in enrolment answers for devices to pin.
    pub tls: Option<Hash>,
    postgres: bool,
}

pub type Tx = Transaction<'static, Any>;

/// What a director's signature covers, and how it came.
pub struct Signed<'a> {
    pub digest: &'a [u8; 32],
    pub docs: usize,
    /// `bundle` or `link`.
    pub via: &'a str,
}

impl Hub {
    pub async fn open(dir: &Path, database: Option<&str>) -> Result<Hub> {
        std::fs::create_dir_all(dir).map_err(|e| HubError::io(dir, e))?;
        sqlx::any::install_default_drivers();
        let url = match database {
            Some(url) => url.to_string(),
            None => format!("sqlite://{}?mode=rwc", dir.join("hub.db").display()),
        };
        let postgres = url.starts_with("postgres");
        let pool = AnyPoolOptions::new()
            .max_connections(if postgres { 16 } else { 4 })
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if !postgres {
                        sqlx::query("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;")
                            .execute(conn)
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        migrate(&pool, if postgres { POSTGRES } else { SQLITE }).await?;
        let key = identity(dir)?;
        Ok(Hub {
            pool,
            key,
            dir: dir.to_path_buf(),
            tls: None,
            postgres,
        })
    }

    /// A transaction for a request that reads and then writes. On SQLite it takes the write
    /// lock at once: a read transaction that asks for it later is refused without waiting
    /// ("database is locked") whenever another request writes.
    pub async fn begin(&self) -> Result<Tx> {
        Ok(if self.postgres {
            self.pool.begin().await?
        } else {
            self.pool.begin_with("BEGIN IMMEDIATE").await?
        })
    }

    /// Registers an organisation and answers its one-time enrolment code.
    pub async fn create_org(&self, name: &str, now: DateTime<Utc>) -> Result<String> {
        self.create_org_in(name, None, now).await
    }

    /// Registers an organisation under a district (a KATO code), which decides who reads its
    /// reports (O3); without one, only the republic's accounts do.
    pub async fn create_org_in(
        &self,
        name: &str,
        district: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<String> {
        if let Some(code) = district
            && dala_core::reference::district(code).is_none()
        {
            return Err(HubError::Invalid(format!("unknown district code {code}")));
        }
        let code = EnrolmentCode::new(&self.key.public())?;
        sqlx::query(
            "INSERT INTO hub_orgs (id, name, code_hash, created_at, district)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(Uuid::now_v7().to_string())
        .bind(name)
        .bind(secret_hash(&code.secret))
        .bind(now.timestamp_millis())
        .bind(district)
        .execute(&self.pool)
        .await?;
        Ok(code.to_text())
    }

    /// Binds a device (and, at the first enrolment, the school's organisation) to the
    /// organisation the code was issued for; the code is used up.
    pub async fn enrol(
        &self,
        tx: &mut Tx,
        device: &PublicKey,
        school_org: Uuid,
        enrolment: &dala_sync::Enrolment,
        now: DateTime<Utc>,
    ) -> Result<String> {
        let row = sqlx::query(
            "SELECT id, school_org FROM hub_orgs WHERE code_hash = $1 AND code_used_at IS NULL",
        )
        .bind(secret_hash(&enrolment.secret))
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(SyncError::CodeInvalid)?;
        let (org, bound): (String, Option<String>) = (row.try_get(0)?, row.try_get(1)?);
        if bound.is_some_and(|b| b != school_org.to_string()) {
            return Err(SyncError::WrongOrg.into());
        }
        let taken = sqlx::query("SELECT id FROM hub_orgs WHERE school_org = $1 AND id <> $2")
            .bind(school_org.to_string())
            .bind(&org)
            .fetch_optional(&mut **tx)
            .await?;
        if taken.is_some() {
            return Err(SyncError::WrongOrg.into());
        }
        sqlx::query(
            "UPDATE hub_orgs SET school_org = $1, code_used_at = $2, director_key = COALESCE(director_key, $3) WHERE id = $4",
        )
        .bind(school_org.to_string())
        .bind(now.timestamp_millis())
        .bind(enrolment.director.map(|k| k.to_hex()))
        .bind(&org)
        .execute(&mut **tx)
        .await?;
        sqlx::query(
            "INSERT INTO hub_devices (key, org, name, enrolled_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (key) DO NOTHING",
        )
        .bind(device.to_hex())
        .bind(&org)
        .bind(&enrolment.device_name)
        .bind(now.timestamp_millis())
        .execute(&mut **tx)
        .await?;
        Ok(org)
    }

    /// The hub's organisation of an enrolled device, which must be the one it claims.
    pub async fn device_org(
        &self,
        tx: &mut Tx,
        device: &PublicKey,
        claimed: Uuid,
    ) -> Result<String> {
        let row = sqlx::query(
            "SELECT o.id, o.school_org FROM hub_devices d JOIN hub_orgs o ON o.id = d.org WHERE d.key = $1",
        )
        .bind(device.to_hex())
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(SyncError::UnknownDevice)?;
        let (org, school): (String, Option<String>) = (row.try_get(0)?, row.try_get(1)?);
        if school != Some(claimed.to_string()) {
            return Err(SyncError::WrongOrg.into());
        }
        Ok(org)
    }

    pub async fn touch_device(
        &self,
        tx: &mut Tx,
        device: &PublicKey,
        org: &str,
        oldest_undelivered_ms: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query("UPDATE hub_devices SET last_sync = $1 WHERE key = $2")
            .bind(now.timestamp_millis())
            .bind(device.to_hex())
            .execute(&mut **tx)
            .await?;
        sqlx::query(
            "INSERT INTO hub_stats (org, pupils, oldest_undelivered_ms, updated_at) VALUES ($1, 0, $2, $3)
             ON CONFLICT (org) DO UPDATE SET oldest_undelivered_ms = excluded.oldest_undelivered_ms, updated_at = excluded.updated_at",
        )
        .bind(org)
        .bind(oldest_undelivered_ms)
        .bind(now.timestamp_millis())
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Every document the organisation has here, with its heads.
    pub async fn heads(&self, tx: &mut Tx, org: &str) -> Result<Vec<DocHeads>> {
        let rows = sqlx::query("SELECT doc_key, heads FROM hub_documents WHERE org = $1")
            .bind(org)
            .fetch_all(&mut **tx)
            .await?;
        rows.into_iter()
            .map(|r| {
                Ok(DocHeads {
                    doc: r.try_get(0)?,
                    heads: split_heads(&r.try_get::<Vec<u8>, _>(1)?),
                })
            })
            .collect()
    }

    pub async fn load(&self, tx: &mut Tx, org: &str, key: DocKey) -> Result<Option<AutoCommit>> {
        let row = sqlx::query("SELECT bytes FROM hub_documents WHERE org = $1 AND doc_key = $2")
            .bind(org)
            .bind(key.name())
            .fetch_optional(&mut **tx)
            .await?;
        row.map(|r| {
            let bytes: Vec<u8> = r.try_get(0)?;
            AutoCommit::load(&bytes).map_err(|e| HubError::Document {
                doc: key.name(),
                detail: e.to_string(),
            })
        })
        .transpose()
    }

    pub async fn save(
        &self,
        tx: &mut Tx,
        org: &str,
        key: DocKey,
        doc: &mut AutoCommit,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let heads: Vec<u8> = doc.get_heads().iter().flat_map(|h| h.0).collect();
        sqlx::query(
            "INSERT INTO hub_documents (org, doc_key, bytes, heads, updated_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (org, doc_key) DO UPDATE SET bytes = excluded.bytes, heads = excluded.heads, updated_at = excluded.updated_at",
        )
        .bind(org)
        .bind(key.name())
        .bind(doc.save())
        .bind(heads)
        .bind(now.timestamp_millis())
        .execute(&mut **tx)
        .await?;
        // The reports project this organisation's figures again.
        sqlx::query(
            "INSERT INTO hub_stats (org, pupils, updated_at, changes) VALUES ($1, 0, $2, 1)
             ON CONFLICT (org) DO UPDATE SET changes = hub_stats.changes + 1",
        )
        .bind(org)
        .bind(now.timestamp_millis())
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Checks a director's confirmation against the key the hub knows for the organisation
    /// (the first one it sees is bound) and records who confirmed what. The signature itself
    /// is checked by whoever opened the confirmation, over the digest given here.
    pub async fn record_confirmation(
        &self,
        tx: &mut Tx,
        org: &str,
        confirmation: &Confirmation,
        signed: Signed<'_>,
        now: DateTime<Utc>,
    ) -> Result<String> {
        confirmation
            .director
            .verify(signed.digest, &confirmation.signature)?;
        let known: Option<String> = sqlx::query("SELECT director_key FROM hub_orgs WHERE id = $1")
            .bind(org)
            .fetch_one(&mut **tx)
            .await?
            .try_get(0)?;
        let key = confirmation.director.to_hex();
        match known {
            Some(k) if k != key => return Err(SyncError::DirectorUnknown.into()),
            Some(_) => {}
            None => {
                sqlx::query("UPDATE hub_orgs SET director_key = $1 WHERE id = $2")
                    .bind(&key)
                    .bind(org)
                    .execute(&mut **tx)
                    .await?;
            }
        }
        sqlx::query(
            "INSERT INTO hub_confirmations (org, director, login, name, via, digest, docs, at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(org)
        .bind(&key)
        .bind(&confirmation.login)
        .bind(&confirmation.name)
        .bind(signed.via)
        .bind(hex::encode(signed.digest))
        .bind(signed.docs as i64)
        .bind(now.timestamp_millis())
        .execute(&mut **tx)
        .await?;
        Ok(format!("{} ({})", confirmation.name, confirmation.login))
    }

    /// Forgets an organisation's director key: the next confirmation binds the new director's.
    /// For the district, when a school's director changes.
    pub async fn forget_director(&self, org_name: &str) -> Result<u64> {
        let done = sqlx::query("UPDATE hub_orgs SET director_key = NULL WHERE name = $1")
            .bind(org_name)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    /// Why a document may not be taken from this organisation now, as a stable code: outside
    /// the upstream scope, held by another organisation, or administrative during a freeze.
    pub async fn refusal(
        &self,
        tx: &mut Tx,
        org: &str,
        key: DocKey,
        today: NaiveDate,
    ) -> Result<Option<SyncError>> {
        if key.scope() != dala_core::Scope::Upstream {
            return Ok(Some(SyncError::OutOfScope { doc: key.name() }));
        }
        let held = sqlx::query("SELECT org FROM hub_documents WHERE doc_key = $1 AND org <> $2")
            .bind(key.name())
            .bind(org)
            .fetch_optional(&mut **tx)
            .await?;
        // `org` and `people` are every organisation's own, under one name.
        if held.is_some() && !matches!(key, DocKey::Org | DocKey::People) {
            return Ok(Some(SyncError::OutOfScope { doc: key.name() }));
        }
        if let Some(fixation) = self.fixation(tx).await?
            && fixation.phase(today) == FixationPhase::Frozen
            && is_administrative(&key)
        {
            return Ok(Some(SyncError::Frozen {
                until: fixation.freeze_ends().to_string(),
            }));
        }
        Ok(None)
    }

    /// Whether a document's content belongs to the organisation: the `org` document must hold
    /// only the school's own organisation record.
    pub fn foreign_content(key: DocKey, doc: &AutoCommit, school_org: Uuid) -> Result<bool> {
        if key != DocKey::Org {
            return Ok(false);
        }
        let contents = dala_store::contents(key, doc.clone()).map_err(|e| HubError::Document {
            doc: key.name(),
            detail: e.to_string(),
        })?;
        Ok(contents.entities.iter().any(|(collection, id, _)| {
            *collection == dala_core::Collection::Organisations && *id != school_org
        }))
    }

    /// The fixation announced last, if any.
    pub async fn fixation(&self, tx: &mut Tx) -> Result<Option<Fixation>> {
        let row = sqlx::query(
            "SELECT date, freeze_working_days FROM hub_fixations ORDER BY date DESC LIMIT 1",
        )
        .fetch_optional(&mut **tx)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let date: String = row.try_get(0)?;
        let freeze: i64 = row.try_get(1)?;
        let date = date
            .parse()
            .map_err(|_| HubError::Invalid(format!("fixation date {date}")))?;
        Ok(Some(
            Fixation::new(date, freeze as u32).map_err(|e| HubError::Invalid(e.to_string()))?,
        ))
    }

    pub async fn notice(&self, tx: &mut Tx) -> Result<Option<FixationNotice>> {
        Ok(self.fixation(tx).await?.map(|f| FixationNotice {
            date: f.date().to_string(),
            freeze_working_days: f.freeze_working_days(),
        }))
    }

    pub async fn announce(&self, fixation: &Fixation, now: DateTime<Utc>) -> Result<()> {
        sqlx::query(
            "INSERT INTO hub_fixations (date, freeze_working_days, announced_at) VALUES ($1, $2, $3)
             ON CONFLICT (date) DO UPDATE SET freeze_working_days = excluded.freeze_working_days",
        )
        .bind(fixation.date().to_string())
        .bind(fixation.freeze_working_days() as i64)
        .bind(now.timestamp_millis())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// On and after the fixation date, before anything else is taken: every organisation's
    /// document heads as the archive of that date, once.
    pub async fn archive_if_due(&self, tx: &mut Tx, today: NaiveDate) -> Result<()> {
        let Some(fixation) = self.fixation(tx).await? else {
            return Ok(());
        };
        let date = fixation.date().to_string();
        if today < fixation.date() {
            return Ok(());
        }
        let done = sqlx::query("SELECT 1 FROM hub_archive WHERE date = $1 LIMIT 1")
            .bind(&date)
            .fetch_optional(&mut **tx)
            .await?;
        if done.is_none() {
            sqlx::query(
                "INSERT INTO hub_archive (date, org, doc_key, heads) SELECT $1, org, doc_key, heads FROM hub_documents",
            )
            .bind(&date)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }
}

pub fn split_heads(bytes: &[u8]) -> Vec<Hash> {
    bytes
        .chunks_exact(32)
        .filter_map(|c| c.try_into().ok())
        .collect()
}

pub(crate) fn secret_hash(secret: &[u8]) -> String {
    hex::encode(Sha256::digest(secret))
}

/// The hub's identity key: made once, a file readable by its owner only.
fn identity(dir: &Path) -> Result<SecretKey> {
    let path = dir.join(KEY_FILE);
    if let Ok(text) = std::fs::read_to_string(&path) {
        let bytes = hex::decode(text.trim()).map_err(|e| HubError::io(&path, e))?;
        return Ok(SecretKey::from_bytes(&bytes)?);
    }
    let key = SecretKey::generate()?;
    let text = hex::encode(key.to_bytes().as_slice());
    write_private(&path, &text)?;
    Ok(key)
}

fn write_private(path: &Path, text: &str) -> Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(|e| HubError::io(path, e))?;
    file.write_all(text.as_bytes())
        .map_err(|e| HubError::io(path, e))
}

async fn migrate(pool: &AnyPool, set: &[(&str, &str)]) -> Result<()> {
    sqlx::query("CREATE TABLE IF NOT EXISTS hub_migrations (name TEXT PRIMARY KEY)")
        .execute(pool)
        .await?;
    for (name, sql) in set {
        let done = sqlx::query("SELECT name FROM hub_migrations WHERE name = $1")
            .bind(*name)
            .fetch_optional(pool)
            .await?;
        if done.is_some() {
            continue;
        }
        let mut tx = pool.begin().await?;
        // Comments may hold a `;`: they go before the text is cut into statements.
        let code: String = sql
            .lines()
            .filter(|l| !l.trim_start().starts_with("--"))
            .collect::<Vec<_>>()
            .join("\n");
        for statement in code.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            // Our own embedded migration text, never input.
            sqlx::query(sqlx::AssertSqlSafe(statement.to_string()))
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("INSERT INTO hub_migrations (name) VALUES ($1)")
            .bind(*name)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    }
    Ok(())
}
