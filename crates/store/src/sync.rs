//! The store's side of sync: its device key, its enrolment, and the `Replica` a sync or a
//! bundle works on. Whatever a round brings is applied in one transaction with the documents'
//! projections, the peer's sync state and the acknowledgements, so a sync cut at any point
//! resumes from what is on disk.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use automerge::ChangeHash;
use automerge::sync::State;
use chrono::{DateTime, Utc};
use dala_core::{DocKey, Scope};
use dala_sync::{
    Confirmation, DocChanges, DocHeads, DocMessage, Enrolment, EnrolmentCode, FixationNotice, Hash,
    HttpTransport, HubAnswer, Link, Phase, PublicKey, Replica, Report, SchoolBundle, SecretKey,
    Statement, Submission, SyncError, Transport,
};
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use crate::Store;
use crate::document::{self, Document, genesis_actor};
use crate::error::{Result, StoreError};

/// The peer name under which the upstream's sync state is kept.
pub const UPSTREAM: &str = "upstream";

/// The hub (or the school's main machine) this device is enrolled with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upstream {
    pub url: Option<String>,
    pub peer_hash: [u8; 10],
    pub peer_key: Option<PublicKey>,
    pub tls_hash: Option<Hash>,
    /// The code's secret, kept until the upstream confirms the enrolment.
    pub secret: Option<[u8; 8]>,
    pub enrolled_at: String,
    pub confirmed_at: Option<String>,
    /// The school's main machine rather than the hub: every document of the school is shared.
    pub lan: bool,
}

/// A document's changes not yet delivered upstream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undelivered {
    pub doc: DocKey,
    pub changes: u32,
    /// When the oldest of them was made, in milliseconds since 1970.
    pub oldest_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncLogEntry {
    pub at: String,
    /// `hub`, `lan` or `bundle`.
    pub via: String,
    pub ok: bool,
    pub code: Option<String>,
    pub bytes_sent: u64,
    pub bytes_received: u64,
    pub rounds: u32,
}

/// The director's login and password, which open the personal key that signs a submission (M8).
#[derive(Clone, Copy)]
pub struct Confirm<'a> {
    pub login: &'a str,
    pub password: &'a str,
}

/// What importing a hub's answer did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerImport {
    pub applied_docs: usize,
    pub acknowledged: usize,
}

fn hash_list(heads: &[ChangeHash]) -> Vec<u8> {
    heads.iter().flat_map(|h| h.0).collect()
}

fn heads_from(bytes: &[u8]) -> Vec<ChangeHash> {
    bytes
        .chunks_exact(32)
        .filter_map(|c| c.try_into().ok().map(ChangeHash))
        .collect()
}

fn fixed<const N: usize>(bytes: Option<Vec<u8>>) -> Option<[u8; N]> {
    bytes.and_then(|b| b.try_into().ok())
}

impl Store {
    /// This device's signing key, made at its first use.
    pub fn device_key(&mut self, now: DateTime<Utc>) -> Result<SecretKey> {
        let stored: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT signing_key FROM sync_identity WHERE id = 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(bytes) = stored {
            return Ok(SecretKey::from_bytes(&bytes)?);
        }
        let key = SecretKey::generate()?;
        self.conn.execute(
            "INSERT INTO sync_identity (id, signing_key, created_at) VALUES (1, ?1, ?2)",
            params![key.to_bytes().as_slice(), now.to_rfc3339()],
        )?;
        Ok(key)
    }

    /// The organisation's own id: what the hub binds a device to.
    pub fn org_id(&self) -> Result<Uuid> {
        Ok(self.org_identity()?.0)
    }

    fn org_identity(&self) -> Result<(Uuid, String)> {
        let row: Option<(String, Option<String>)> = self
            .conn
            .query_row("SELECT id, name FROM organisations LIMIT 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        row.and_then(|(id, name)| Some((id.parse().ok()?, name.unwrap_or_default())))
            .ok_or(StoreError::Corrupt {
                detail: "no organisation".into(),
            })
    }

    pub fn upstream(&self) -> Result<Option<Upstream>> {
        Ok(self
            .conn
            .query_row(
                "SELECT url, peer_hash, peer_key, tls_hash, secret, enrolled_at, confirmed_at, lan
                 FROM sync_upstream WHERE id = 1",
                [],
                |r| {
                    Ok(Upstream {
                        url: r.get(0)?,
                        peer_hash: fixed(r.get(1)?).unwrap_or_default(),
                        peer_key: fixed(r.get(2)?).map(PublicKey),
                        tls_hash: fixed(r.get(3)?),
                        secret: fixed(r.get(4)?),
                        enrolled_at: r.get(5)?,
                        confirmed_at: r.get(6)?,
                        lan: r.get(7)?,
                    })
                },
            )
            .optional()?)
    }

    pub fn set_upstream(&mut self, up: &Upstream) -> Result<()> {
        self.conn.execute(
            "INSERT OR REPLACE INTO sync_upstream
             (id, url, peer_hash, peer_key, tls_hash, secret, enrolled_at, confirmed_at, lan)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                up.url,
                up.peer_hash.as_slice(),
                up.peer_key.map(|k| k.0.to_vec()),
                up.tls_hash.map(|h| h.to_vec()),
                up.secret.map(|s| s.to_vec()),
                up.enrolled_at,
                up.confirmed_at,
                up.lan,
            ],
        )?;
        Ok(())
    }

    pub fn record_sync(&mut self, entry: &SyncLogEntry) -> Result<()> {
        self.conn.execute(
            "INSERT INTO sync_log (at, via, ok, code, bytes_sent, bytes_received, rounds)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                entry.at,
                entry.via,
                entry.ok,
                entry.code,
                entry.bytes_sent as i64,
                entry.bytes_received as i64,
                entry.rounds,
            ],
        )?;
        Ok(())
    }

    pub fn last_sync(&self) -> Result<Option<SyncLogEntry>> {
        Ok(self
            .conn
            .query_row(
                "SELECT at, via, ok, code, bytes_sent, bytes_received, rounds
                 FROM sync_log ORDER BY seq DESC LIMIT 1",
                [],
                |r| {
                    Ok(SyncLogEntry {
                        at: r.get(0)?,
                        via: r.get(1)?,
                        ok: r.get(2)?,
                        code: r.get(3)?,
                        bytes_sent: r.get::<_, i64>(4)? as u64,
                        bytes_received: r.get::<_, i64>(5)? as u64,
                        rounds: r.get(6)?,
                    })
                },
            )
            .optional()?)
    }

    /// Keeps the fixation the upstream announced; `None` clears it.
    pub fn set_fixation(&mut self, notice: Option<&FixationNotice>) -> Result<()> {
        match notice {
            Some(n) => self.conn.execute(
                "INSERT OR REPLACE INTO sync_fixation (id, date, freeze_working_days) VALUES (1, ?1, ?2)",
                params![n.date, n.freeze_working_days],
            )?,
            None => self.conn.execute("DELETE FROM sync_fixation", [])?,
        };
        Ok(())
    }

    pub fn fixation(&self) -> Result<Option<FixationNotice>> {
        Ok(self
            .conn
            .query_row(
                "SELECT date, freeze_working_days FROM sync_fixation WHERE id = 1",
                [],
                |r| {
                    Ok(FixationNotice {
                        date: r.get(0)?,
                        freeze_working_days: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    /// Every document's changes not yet behind the upstream's acknowledged heads (M9), oldest
    /// first. Computed from the documents, and kept until a document changes again.
    pub fn undelivered(&mut self) -> Result<Vec<Undelivered>> {
        let last_seq: Vec<(String, i64)> = self
            .conn
            .prepare(
                "SELECT d.key, max(c.seq) FROM documents d JOIN document_chunks c ON c.doc_key = d.key
                 WHERE d.scope = ?1 GROUP BY d.key",
            )?
            .query_map([Scope::Upstream.code()], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let mut queue = Vec::new();
        for (name, seq) in last_seq {
            let Some(key) = DocKey::parse(&name) else {
                continue;
            };
            let cached: Option<(i64, u32, Option<i64>)> = self
                .conn
                .query_row(
                    "SELECT at_seq, changes, oldest_ms FROM sync_queue WHERE doc_key = ?1",
                    [&name],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let (changes, oldest) = match cached {
                Some((at, changes, oldest)) if at == seq => (changes, oldest),
                _ => {
                    let (changes, oldest) = self.count_undelivered(key)?;
                    self.conn.execute(
                        "INSERT OR REPLACE INTO sync_queue (doc_key, at_seq, changes, oldest_ms)
                         VALUES (?1, ?2, ?3, ?4)",
                        params![name, seq, changes, oldest],
                    )?;
                    (changes, oldest)
                }
            };
            if let (true, Some(oldest_ms)) = (changes > 0, oldest) {
                queue.push(Undelivered {
                    doc: key,
                    changes,
                    oldest_ms,
                });
            }
        }
        queue.sort_by_key(|u| u.oldest_ms);
        Ok(queue)
    }

    fn count_undelivered(&mut self, key: DocKey) -> Result<(u32, Option<i64>)> {
        let acked = acked(&self.conn, key)?;
        let Some(doc) = self.loaded(key)? else {
            return Ok((0, None));
        };
        let genesis = genesis_actor(key);
        let mut changes = 0;
        let mut oldest: Option<i64> = None;
        for change in doc.doc.get_changes(&acked) {
            if change.actor_id() == &genesis {
                continue;
            }
            changes += 1;
            let at = change.timestamp();
            oldest = Some(oldest.map_or(at, |o| o.min(at)));
        }
        Ok((changes, oldest))
    }

    /// A document as it is on disk, from the cache when it is there.
    fn loaded(&mut self, key: DocKey) -> Result<Option<&mut Document>> {
        let Store {
            conn, docs, actor, ..
        } = self;
        Ok(match docs.entry(key) {
            Entry::Occupied(e) => Some(e.into_mut()),
            Entry::Vacant(e) => Document::load(conn, key, actor)?.map(|doc| e.insert(doc)),
        })
    }

    /// The sync of every document of a scope with one peer.
    pub fn replica<'a>(
        &'a mut self,
        peer: &'a str,
        scope: Option<Scope>,
        now: DateTime<Utc>,
    ) -> StoreReplica<'a> {
        StoreReplica {
            store: self,
            peer,
            scope,
            now,
            states: HashMap::new(),
        }
    }

    /// Enrols this device with the one-time code: over the link when a URL is given, otherwise
    /// from the paper alone, completed at the hub by the first bundle.
    pub fn enrol(&mut self, url: Option<&str>, code: &str, now: DateTime<Utc>) -> Result<Upstream> {
        let transport = url.map(|u| HttpTransport::new(u, None)).transpose()?;
        self.enrol_over(url, transport, code, now)
    }

    /// The same over any transport (a test's direct call into a hub); `url` is what later
    /// syncs will connect to.
    pub fn enrol_over<T: Transport>(
        &mut self,
        url: Option<&str>,
        transport: Option<T>,
        code: &str,
        now: DateTime<Utc>,
    ) -> Result<Upstream> {
        let code = EnrolmentCode::parse(code)?;
        if code.lan && transport.is_none() {
            return Err(SyncError::Offline {
                detail: "a code of the school's main machine needs its address".into(),
            }
            .into());
        }
        // A laptop is often a copy of the main machine's folder, its key included: on the LAN
        // it takes a key of its own, kept once the main machine has accepted it.
        let key = if code.lan {
            SecretKey::generate()?
        } else {
            self.device_key(now)?
        };
        let (org, org_name) = self.org_identity()?;
        let previous = self.upstream()?;
        let mut up = Upstream {
            url: url.map(str::to_string),
            peer_hash: code.hub,
            peer_key: None,
            tls_hash: None,
            secret: Some(code.secret),
            enrolled_at: now.to_rfc3339(),
            confirmed_at: None,
            lan: code.lan,
        };
        if let Some(mut transport) = transport {
            let enrolment = Enrolment {
                secret: code.secret,
                org_name,
                device_name: device_name(),
                director: None,
            };
            let (hub, tls) = dala_sync::enrol(
                &mut transport,
                &key,
                org,
                &code,
                enrolment,
                now.timestamp_millis(),
            )?;
            let seen = transport.seen_certificate();
            if seen.is_some() && seen != tls {
                return Err(SyncError::Signature.into());
            }
            up.peer_key = Some(hub);
            up.tls_hash = seen;
            up.secret = None;
            up.confirmed_at = Some(now.to_rfc3339());
            if code.lan {
                self.conn.execute(
                    "INSERT OR REPLACE INTO sync_identity (id, signing_key, created_at)
                     VALUES (1, ?1, ?2)",
                    params![key.to_bytes().as_slice(), now.to_rfc3339()],
                )?;
            }
            let another = previous.is_some_and(|p| {
                p.lan != code.lan || p.peer_key.map_or(p.peer_hash != code.hub, |k| k != hub)
            });
            if another {
                // What another upstream had, or what a copied folder's upstream had, says
                // nothing of this one: the first sync starts from a full summary. The same hub
                // enrolled from paper first, or a snapshot's, keeps what it acknowledged.
                self.conn.execute_batch(
                    "DELETE FROM sync_state WHERE peer = 'upstream';
                     DELETE FROM sync_acked; DELETE FROM sync_queue;",
                )?;
            }
        }
        self.set_upstream(&up)?;
        Ok(up)
    }

    /// Syncs every upstream document with the hub over the link, and logs the outcome.
    pub fn sync_upstream(
        &mut self,
        now: DateTime<Utc>,
        progress: impl FnMut(Phase, f32),
    ) -> Result<Report> {
        match self.upstream_link() {
            Ok(transport) => self.sync_upstream_over(transport, now, progress),
            Err(e) => {
                self.log_sync(now, Err(e.code()))?;
                Err(e)
            }
        }
    }

    /// The same sync over any transport: a test's direct call into a hub, a LAN peer.
    pub fn sync_upstream_over<T: Transport>(
        &mut self,
        transport: T,
        now: DateTime<Utc>,
        progress: impl FnMut(Phase, f32),
    ) -> Result<Report> {
        let result = self.try_sync_upstream(transport, now, progress);
        self.log_sync(now, result.as_ref().map_err(StoreError::code))?;
        result
    }

    /// The upstream when it is the hub: bundles and the director's confirmation go to the hub,
    /// not to the school's main computer, which carries a laptop's changes to it.
    fn hub_upstream(&self) -> Result<Upstream> {
        let up = self.upstream()?.ok_or(SyncError::NotEnrolled)?;
        if up.lan {
            return Err(SyncError::LanLaptop.into());
        }
        Ok(up)
    }

    fn upstream_link(&self) -> Result<HttpTransport> {
        let up = self.upstream()?.ok_or(SyncError::NotEnrolled)?;
        let url = up.url.as_deref().ok_or(SyncError::NotEnrolled)?;
        Ok(HttpTransport::new(url, up.tls_hash)?)
    }

    fn log_sync(&mut self, now: DateTime<Utc>, outcome: Result<&Report, &str>) -> Result<()> {
        let (ok, code, report) = match outcome {
            Ok(report) => (true, None, report.clone()),
            Err(code) => (false, Some(code.to_string()), Report::default()),
        };
        let lan = self.upstream()?.is_some_and(|up| up.lan);
        self.record_sync(&SyncLogEntry {
            at: now.to_rfc3339(),
            via: if lan { "lan" } else { "hub" }.into(),
            ok,
            code,
            bytes_sent: report.bytes_sent,
            bytes_received: report.bytes_received,
            rounds: report.rounds,
        })
    }

    fn try_sync_upstream<T: Transport>(
        &mut self,
        transport: T,
        now: DateTime<Utc>,
        progress: impl FnMut(Phase, f32),
    ) -> Result<Report> {
        let up = self.upstream()?.ok_or(SyncError::NotEnrolled)?;
        let peer = up.peer_key.ok_or(SyncError::NotEnrolled)?;
        let key = self.device_key(now)?;
        let oldest_undelivered_ms = self.undelivered()?.first().map(|u| u.oldest_ms);
        let mut link = Link {
            transport,
            key: &key,
            org: self.org_id()?,
            peer,
            now_ms: now.timestamp_millis(),
            oldest_undelivered_ms,
        };
        // The main machine is the same school: it shares every document, accounts included.
        let scope = (!up.lan).then_some(Scope::Upstream);
        let mut replica = self.replica(UPSTREAM, scope, now);
        let report = dala_sync::sync(&mut replica, &mut link, progress)?;
        if let Some(notice) = &report.fixation {
            self.set_fixation(Some(notice))?;
        }
        Ok(report)
    }

    /// What a bundle for the upstream carries: every document with changes the upstream has
    /// not acknowledged, those changes, and this device's heads. `None` when nothing waits.
    pub fn submission(&mut self, now: DateTime<Utc>) -> Result<Option<Submission>> {
        let up = self.hub_upstream()?;
        let queue = self.undelivered()?;
        let mut docs = Vec::new();
        for item in &queue {
            let acked = acked(&self.conn, item.doc)?;
            if let Some(doc) = self.loaded(item.doc)? {
                docs.push(DocChanges {
                    doc: item.doc.name(),
                    heads: dala_sync::heads_of(&mut doc.doc),
                    changes: doc.doc.save_after(&acked),
                });
            }
        }
        let enrol = up.confirmed_at.is_none();
        if docs.is_empty() && !enrol {
            return Ok(None);
        }
        let (org, org_name) = self.org_identity()?;
        Ok(Some(Submission {
            org,
            org_name: org_name.clone(),
            hub: up.peer_hash,
            made_at_ms: now.timestamp_millis(),
            oldest_undelivered_ms: queue.first().map(|u| u.oldest_ms),
            enrol: up.secret.filter(|_| enrol).map(|secret| Enrolment {
                secret,
                org_name,
                device_name: device_name(),
                director: None,
            }),
            docs,
        }))
    }

    /// The bundle file for the upstream, signed by this device: everything it has not
    /// acknowledged, and the director's confirmation when given. `sync.nothing_to_send` when
    /// nothing waits.
    pub fn export_bundle(
        &mut self,
        now: DateTime<Utc>,
        confirm: Option<Confirm>,
    ) -> Result<Vec<u8>> {
        let submission = self.submission(now)?.ok_or(SyncError::NothingToSend)?;
        let confirmation = match confirm {
            Some(c) => Some(self.confirmation(c, &submission.digest()?, now)?),
            None => None,
        };
        let key = self.device_key(now)?;
        let bytes = SchoolBundle {
            submission,
            confirmation,
        }
        .seal(&key)?;
        self.record_sync(&SyncLogEntry {
            at: now.to_rfc3339(),
            via: "bundle".into(),
            ok: true,
            code: None,
            bytes_sent: bytes.len() as u64,
            bytes_received: 0,
            rounds: 0,
        })?;
        Ok(bytes)
    }

    /// The director's signature over a digest, audited as the director's act.
    fn confirmation(
        &mut self,
        confirm: Confirm,
        digest: &[u8; 32],
        now: DateTime<Utc>,
    ) -> Result<Confirmation> {
        let (key, account, name) = self.director_key(confirm.login, confirm.password)?;
        self.record("sync.confirmed", Some(&account), now)?;
        Ok(Confirmation {
            director: key.public(),
            login: account.login,
            name,
            signature: key.sign(digest),
        })
    }

    /// After a sync, the director confirms over the link what the hub now holds (M8).
    pub fn confirm_upstream_over<T: Transport>(
        &mut self,
        transport: T,
        confirm: Confirm,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let up = self.hub_upstream()?;
        let peer = up.peer_key.ok_or(SyncError::NotEnrolled)?;
        let org = self.org_id()?;
        let heads = self
            .replica(UPSTREAM, Some(Scope::Upstream), now)
            .manifest()?;
        let statement = Statement {
            org,
            at_ms: now.timestamp_millis(),
            heads,
        };
        let confirmation = self.confirmation(confirm, &statement.digest()?, now)?;
        let key = self.device_key(now)?;
        let mut link = Link {
            transport,
            key: &key,
            org,
            peer,
            now_ms: now.timestamp_millis(),
            oldest_undelivered_ms: None,
        };
        dala_sync::confirm(&mut link, statement, confirmation)?;
        Ok(())
    }

    /// The same over the link to the hub.
    pub fn confirm_upstream(&mut self, confirm: Confirm, now: DateTime<Utc>) -> Result<()> {
        let transport = self.upstream_link()?;
        self.confirm_upstream_over(transport, confirm, now)
    }

    /// Takes the hub's answer bundle: the changes it sends back, its acknowledgements, its
    /// fixation, and — on the paper path — the confirmation of the enrolment, in one
    /// transaction. Importing the same answer twice changes nothing.
    pub fn import_answer(&mut self, bytes: &[u8], now: DateTime<Utc>) -> Result<AnswerImport> {
        let mut up = self.hub_upstream()?;
        let device = self.device_key(now)?.public();
        let (hub, answer) = HubAnswer::open(bytes, &up.peer_hash, self.org_id()?, &device)?;
        if up.peer_key.is_some_and(|k| k != hub) {
            return Err(SyncError::WrongHub.into());
        }
        let imported = self.apply_upstream(&answer.docs, &answer.acks, now)?;
        if up.peer_key.is_none() || up.confirmed_at.is_none() {
            up.peer_key = Some(hub);
            up.secret = None;
            up.confirmed_at = Some(now.to_rfc3339());
            self.set_upstream(&up)?;
        }
        self.set_fixation(answer.fixation.as_ref())?;
        Ok(imported)
    }

    /// What the upstream sent (a hub's answer, a snapshot): its documents' changes and its
    /// heads, applied in one transaction. On an error nothing is applied, and the documents
    /// touched leave the cache, which may hold them half-merged.
    pub(crate) fn apply_upstream(
        &mut self,
        changes: &[DocChanges],
        acks: &[DocHeads],
        now: DateTime<Utc>,
    ) -> Result<AnswerImport> {
        let mut touched = Vec::new();
        let result = self.try_apply_upstream(changes, acks, &mut touched, now);
        if result.is_err() {
            for key in touched {
                self.docs.remove(&key);
            }
        }
        result
    }

    fn try_apply_upstream(
        &mut self,
        incoming: &[DocChanges],
        acks: &[DocHeads],
        touched: &mut Vec<DocKey>,
        now: DateTime<Utc>,
    ) -> Result<AnswerImport> {
        let Store {
            conn, docs, actor, ..
        } = self;
        let tx = conn.transaction()?;
        let mut applied = 0;
        for changes in incoming {
            let key = upstream_key(&changes.doc)?;
            let mut doc = take(&tx, docs, actor, key)?;
            touched.push(key);
            let before = doc.doc.get_heads();
            doc.doc
                .load_incremental(&changes.changes)
                .map_err(|e| SyncError::Malformed {
                    detail: format!("{}: {e}", changes.doc),
                })?;
            if doc.doc.get_heads() != before {
                applied += 1;
                doc.append_unsaved(&tx, now.timestamp_millis())?;
                crate::reproject(&tx, &doc)?;
            }
            keep(docs, doc);
        }
        let mut acknowledged = 0;
        for ack in acks {
            let key = upstream_key(&ack.doc)?;
            let mut doc = take(&tx, docs, actor, key)?;
            let known: Vec<ChangeHash> = ack
                .heads
                .iter()
                .map(|h| ChangeHash(*h))
                .filter(|h| doc.doc.get_change_by_hash(h).is_some())
                .collect();
            keep(docs, doc);
            set_acked(&tx, key, &known)?;
            acknowledged += 1;
        }
        tx.commit()?;
        Ok(AnswerImport {
            applied_docs: applied,
            acknowledged,
        })
    }
}

/// The name this computer goes by, for the hub's list of devices.
fn device_name() -> String {
    std::fs::read_to_string("/etc/hostname")
        .ok()
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "Dala".into())
}

fn upstream_key(name: &str) -> Result<DocKey> {
    let key = DocKey::parse(name).ok_or_else(|| SyncError::Malformed {
        detail: format!("document {name}"),
    })?;
    if key.scope() != Scope::Upstream {
        return Err(SyncError::OutOfScope { doc: key.name() }.into());
    }
    Ok(key)
}

/// A document out of the cache (or off the disk, or empty), to be put back when done.
fn take(
    conn: &Connection,
    docs: &mut HashMap<DocKey, Document>,
    actor: &automerge::ActorId,
    key: DocKey,
) -> Result<Document> {
    Ok(match docs.remove(&key) {
        Some(doc) => doc,
        None => Document::load(conn, key, actor)?.unwrap_or_else(|| Document::empty(key, actor)),
    })
}

/// Puts a document back in the cache, unless it was never written: a command must find no
/// document there rather than one without its genesis.
fn keep(docs: &mut HashMap<DocKey, Document>, doc: Document) {
    if doc.chunks > 0 {
        docs.insert(doc.key, doc);
    }
}

fn acked(conn: &Connection, key: DocKey) -> Result<Vec<ChangeHash>> {
    let bytes: Option<Vec<u8>> = conn
        .query_row(
            "SELECT heads FROM sync_acked WHERE doc_key = ?1",
            [key.name()],
            |r| r.get(0),
        )
        .optional()?;
    Ok(bytes.map(|b| heads_from(&b)).unwrap_or_default())
}

fn set_acked(conn: &Connection, key: DocKey, heads: &[ChangeHash]) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO sync_acked (doc_key, heads) VALUES (?1, ?2)",
        params![key.name(), hash_list(heads)],
    )?;
    conn.execute("DELETE FROM sync_queue WHERE doc_key = ?1", [key.name()])?;
    Ok(())
}

/// The store as one side of a sync with one peer.
pub struct StoreReplica<'a> {
    store: &'a mut Store,
    peer: &'a str,
    /// Only documents of this scope are offered and accepted; `None`: all (a LAN peer).
    scope: Option<Scope>,
    now: DateTime<Utc>,
    /// The session's sync states: they remember what is in flight between rounds.
    states: HashMap<DocKey, State>,
}

impl StoreReplica<'_> {
    fn key(&self, name: &str) -> Result<DocKey> {
        let key = DocKey::parse(name).ok_or_else(|| SyncError::Malformed {
            detail: format!("document {name}"),
        })?;
        if self.scope.is_some_and(|s| s != key.scope()) {
            return Err(SyncError::OutOfScope { doc: key.name() }.into());
        }
        Ok(key)
    }

    fn state(&mut self, key: DocKey) -> Result<&mut State> {
        if !self.states.contains_key(&key) {
            let bytes: Option<Vec<u8>> = self
                .store
                .conn
                .query_row(
                    "SELECT state FROM sync_state WHERE peer = ?1 AND doc_key = ?2",
                    params![self.peer, key.name()],
                    |r| r.get(0),
                )
                .optional()?;
            self.states.insert(key, dala_sync::state(bytes.as_deref()));
        }
        Ok(self.states.entry(key).or_default())
    }

    fn receive_all(&mut self, messages: &[DocMessage], touched: &mut Vec<DocKey>) -> Result<()> {
        let keys = messages
            .iter()
            .map(|m| self.key(&m.doc))
            .collect::<Result<Vec<_>>>()?;
        for key in &keys {
            self.state(*key)?;
        }
        let StoreReplica {
            store,
            peer,
            now,
            states,
            ..
        } = self;
        let Store {
            conn, docs, actor, ..
        } = &mut **store;
        let tx = conn.transaction()?;
        for (message, key) in messages.iter().zip(keys) {
            let mut doc = take(&tx, docs, actor, key)?;
            touched.push(key);
            let state = states.entry(key).or_default();
            let before = doc.doc.get_heads();
            let received = dala_sync::receive(&mut doc.doc, state, &message.message);
            if let Err(e) = received {
                keep(docs, doc);
                return Err(e.into());
            }
            if doc.doc.get_heads() != before {
                doc.append_unsaved(&tx, now.timestamp_millis())?;
                crate::reproject(&tx, &doc)?;
            }
            tx.execute(
                "INSERT OR REPLACE INTO sync_state (peer, doc_key, state) VALUES (?1, ?2, ?3)",
                params![*peer, key.name(), state.encode()],
            )?;
            if *peer == UPSTREAM {
                let theirs = state.their_heads.clone().unwrap_or_default();
                let known: Vec<ChangeHash> = theirs
                    .into_iter()
                    .filter(|h| doc.doc.get_change_by_hash(h).is_some())
                    .collect();
                set_acked(&tx, key, &known)?;
            }
            keep(docs, doc);
        }
        tx.commit()?;
        Ok(())
    }
}

impl Replica for StoreReplica<'_> {
    type Error = StoreError;

    fn manifest(&mut self) -> Result<Vec<DocHeads>> {
        let keys = document::all_keys(&self.store.conn)?;
        let mut manifest = Vec::new();
        for key in keys {
            if self.scope.is_some_and(|s| s != key.scope()) {
                continue;
            }
            if let Some(doc) = self.store.loaded(key)? {
                manifest.push(DocHeads {
                    doc: key.name(),
                    heads: dala_sync::heads_of(&mut doc.doc),
                });
            }
        }
        Ok(manifest)
    }

    fn generate(&mut self, names: &[String]) -> Result<Vec<DocMessage>> {
        let mut out = Vec::new();
        for name in names {
            let key = self.key(name)?;
            self.state(key)?;
            let state = self.states.entry(key).or_default();
            let Store {
                conn, docs, actor, ..
            } = &mut *self.store;
            let mut doc = take(conn, docs, actor, key)?;
            let message = dala_sync::generate(&mut doc.doc, state);
            keep(docs, doc);
            if let Some(message) = message {
                out.push(DocMessage {
                    doc: name.clone(),
                    message,
                });
            }
        }
        Ok(out)
    }

    fn shared(&mut self, docs: Vec<DocHeads>) -> Result<()> {
        if self.peer != UPSTREAM {
            return Ok(());
        }
        let keys = docs
            .iter()
            .map(|d| self.key(&d.doc))
            .collect::<Result<Vec<_>>>()?;
        let tx = self.store.conn.transaction()?;
        for (shared, key) in docs.into_iter().zip(keys) {
            let heads: Vec<ChangeHash> = shared.heads.into_iter().map(ChangeHash).collect();
            set_acked(&tx, key, &heads)?;
        }
        tx.commit()?;
        Ok(())
    }

    fn receive(&mut self, messages: Vec<DocMessage>) -> Result<()> {
        let mut touched = Vec::new();
        let result = self.receive_all(&messages, &mut touched);
        if result.is_err() {
            // The documents in memory may hold what the rolled-back transaction did not keep.
            for key in touched {
                self.store.docs.remove(&key);
                self.states.remove(&key);
            }
        }
        result
    }
}
