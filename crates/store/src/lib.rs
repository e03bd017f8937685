//! dala-store: the encrypted store of one organisation on one device. A data folder holds two
//! files: `dala.db`, a SQLCipher database keyed by a random master key, and `keys.json`, the
//! master key wrapped once per account and once for the recovery key. Inside the database the
//! automerge documents are the truth; projections (SQL tables) serve queries; the audit log
//! chains every change. One command is one SQLite transaction: document change, projection rows
//! and audit entries are on disk together or not at all.

mod access;
mod audit;
mod check;
mod document;
mod error;
mod keys;
mod lan;
mod migrate;
mod projection;
mod provision;
mod sync;
pub mod tls;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use automerge::ActorId;
use chrono::{DateTime, NaiveDate, Utc};
use dala_core::account::{self, Account};
use dala_core::journal::Lesson;
use dala_core::org::{OrgKind, Organisation};
use dala_core::year::school_date;
use dala_core::{Change, Collection, Command, DocKey, Entity, Fields, Grid, Lookup};
use rusqlite::{Connection, params};
use uuid::Uuid;

pub use access::LoginAttempt;
pub use audit::AuditEntry;
pub use check::CheckReport;
pub use document::{Cell, Contents, contents};
pub use error::{Result, StoreError};
pub use keys::{KdfParams, Key, KeySlots, RecoveryKey, SLOTS_FILE};
pub use lan::LanDevice;
pub use provision::Provision;
pub use sync::{
    AnswerImport, Confirm, StoreReplica, SyncLogEntry, UPSTREAM, Undelivered, Upstream,
};

use document::Document;
use projection::Projections;

pub const DB_FILE: &str = "dala.db";
/// Documents with more chunks than this are folded into one snapshot after a command.
const COMPACT_AFTER: i64 = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Commit,
    RollBack,
}

/// Who is acting: the unlocked account, recorded in every audit entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub account_id: Option<Uuid>,
    pub login: String,
}

pub struct Store {
    dir: PathBuf,
    conn: Connection,
    slots: KeySlots,
    master: Key,
    actor: ActorId,
    author: Author,
    docs: HashMap<DocKey, Document>,
}

/// What `init` needs to know of the new organisation and its administrator.
pub struct Setup<'a> {
    pub kind: OrgKind,
    pub name: &'a str,
    pub admin_login: &'a str,
    pub password: &'a str,
    pub kdf: KdfParams,
}

/// Empties a data folder that `create` was making, so that a second try finds it as the first
/// did. Best effort: what cannot be removed is left for the user to see.
pub(crate) fn empty_folder(dir: &Path) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            let _ = if path.is_dir() {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            };
        }
    }
}

/// The first administrator of a new data folder.
pub(crate) struct Admin<'a> {
    pub login: &'a str,
    pub password: &'a str,
    pub kdf: KdfParams,
}

impl Store {
    /// Creates the data folder of a new organisation. The folder must be empty or absent.
    pub fn init(dir: &Path, setup: &Setup, now: DateTime<Utc>) -> Result<(Store, RecoveryKey)> {
        let org = Organisation::new(Uuid::now_v7(), setup.kind, setup.name);
        org.validate()?;
        let admin = Admin {
            login: setup.admin_login,
            password: setup.password,
            kdf: setup.kdf,
        };
        Store::create(dir, &admin, now, |store| {
            store.execute(&Command::SetOrganisation(org), now)?;
            Ok(setup.kind)
        })
    }

    /// Makes the data folder: the master key and its slots, the database, the device's actor;
    /// `fill` gives the organisation its documents (and answers its kind), then the first
    /// administrator's account and key slot follow. A failure leaves the folder empty again.
    pub(crate) fn create(
        dir: &Path,
        admin: &Admin,
        now: DateTime<Utc>,
        fill: impl FnOnce(&mut Store) -> Result<OrgKind>,
    ) -> Result<(Store, RecoveryKey)> {
        account::validate_login(admin.login)?;
        account::validate_password(admin.password)?;
        let not_empty = std::fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false);
        if not_empty {
            return Err(StoreError::AlreadyInitialised {
                path: dir.display().to_string(),
            });
        }
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        let made = Store::make(dir, admin, now, fill);
        if made.is_err() {
            empty_folder(dir);
        }
        made
    }

    fn make(
        dir: &Path,
        admin: &Admin,
        now: DateTime<Utc>,
        fill: impl FnOnce(&mut Store) -> Result<OrgKind>,
    ) -> Result<(Store, RecoveryKey)> {
        let master = Key::random()?;
        let (mut slots, recovery) = KeySlots::create(dir, &master)?;
        let mut conn = connect(&dir.join(DB_FILE), &master)?;
        migrate::migrate(&mut conn, &now.to_rfc3339())?;
        let actor = ActorId::random();
        conn.execute(
            "INSERT INTO device (id, actor, created_at) VALUES (1, ?1, ?2)",
            params![hex::encode(actor.to_bytes()), now.to_rfc3339()],
        )?;
        let id = Uuid::now_v7();
        let login = account::normalise_login(admin.login);
        let mut store = Store {
            dir: dir.to_path_buf(),
            conn,
            slots: KeySlots::create(dir, &master)?.0,
            master,
            actor,
            author: Author {
                account_id: Some(id),
                login: login.clone(),
            },
            docs: HashMap::new(),
        };
        let kind = fill(&mut store)?;
        let account = Account {
            id,
            login,
            role: account::Role::administrator(kind),
            person_id: None,
            lang: "kk".into(),
            must_change_password: false,
            totp_secret: None,
        };
        store.execute(&Command::CreateAccount(account.clone()), now)?;
        tls::create(dir)?;
        slots.set_password(&account.login, admin.password, admin.kdf, &store.master)?;
        // The slot file is written last: a folder without it is not a Dala folder yet.
        slots.save()?;
        store.slots = slots;
        Ok((store, recovery))
    }

    /// Opens the data folder with an account's password. A wrong one writes nothing.
    pub fn unlock(dir: &Path, login: &str, password: &str, now: DateTime<Utc>) -> Result<Store> {
        let slots = KeySlots::load(dir)?;
        let master = slots.unlock(login, password)?;
        let mut store = Store::open(dir, slots, master, now)?;
        let login = account::normalise_login(login);
        let id = Projections(&store.conn).account_with_login(&login)?;
        store.author = Author {
            account_id: id,
            login,
        };
        Ok(store)
    }

    /// Opens the data folder with the recovery key printed at set-up.
    pub fn unlock_with_recovery(
        dir: &Path,
        recovery: &RecoveryKey,
        now: DateTime<Utc>,
    ) -> Result<Store> {
        let slots = KeySlots::load(dir)?;
        let master = slots.unlock_with_recovery(recovery)?;
        Store::open(dir, slots, master, now)
    }

    fn open(dir: &Path, slots: KeySlots, master: Key, now: DateTime<Utc>) -> Result<Store> {
        let path = dir.join(DB_FILE);
        if !path.exists() {
            return Err(StoreError::NotInitialised {
                path: dir.display().to_string(),
            });
        }
        let mut conn = connect(&path, &master)?;
        migrate::migrate(&mut conn, &now.to_rfc3339())?;
        let actor = fresh_actor(&conn)?;
        let author = Author {
            account_id: None,
            login: "recovery".into(),
        };
        Ok(Store {
            dir: dir.to_path_buf(),
            conn,
            slots,
            master,
            actor,
            author,
            docs: HashMap::new(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn author(&self) -> &Author {
        &self.author
    }

    /// Applies one command: its rules, its document changes, projections and audit, atomically.
    pub fn execute(&mut self, command: &Command, now: DateTime<Utc>) -> Result<()> {
        self.execute_batch(std::slice::from_ref(command), now)
            .map_err(first_error)
    }

    /// Applies several commands as one: each is checked against the state the ones before it
    /// left, and if any is refused nothing is written. The refusals come back with their index.
    pub fn execute_batch(
        &mut self,
        commands: &[Command],
        now: DateTime<Utc>,
    ) -> Result<(), Vec<(usize, StoreError)>> {
        self.run_batch(commands, now, Outcome::Commit)
    }

    /// Checks a batch as `execute_batch` would apply it and reports every refusal, then rolls
    /// it back: an import shows all its bad rows at once, even when some failed to parse.
    pub fn try_batch(
        &mut self,
        commands: &[Command],
        now: DateTime<Utc>,
    ) -> Result<(), Vec<(usize, StoreError)>> {
        self.run_batch(commands, now, Outcome::RollBack)
    }

    fn run_batch(
        &mut self,
        commands: &[Command],
        now: DateTime<Utc>,
        outcome: Outcome,
    ) -> Result<(), Vec<(usize, StoreError)>> {
        let mut touched = BTreeSet::new();
        let result = self.apply_all(commands, now, &mut touched, outcome);
        if result.is_err() || outcome == Outcome::RollBack {
            // The in-memory documents may hold changes that never reached the disk.
            for key in &touched {
                self.docs.remove(key);
            }
            return result;
        }
        for key in touched {
            if self
                .docs
                .get(&key)
                .is_some_and(|d| d.chunks > COMPACT_AFTER)
            {
                self.compact(key).map_err(|e| vec![(0, e)])?;
            }
        }
        Ok(())
    }

    fn apply_all(
        &mut self,
        commands: &[Command],
        now: DateTime<Utc>,
        touched: &mut BTreeSet<DocKey>,
        outcome: Outcome,
    ) -> Result<(), Vec<(usize, StoreError)>> {
        let Store {
            conn,
            docs,
            actor,
            author,
            ..
        } = self;
        let tx = conn.transaction().map_err(|e| vec![(0, e.into())])?;
        let mut refused = Vec::new();
        for (i, command) in commands.iter().enumerate() {
            match apply(&tx, docs, actor, author, command, now, touched) {
                Ok(()) => {}
                Err(e @ StoreError::Core(_)) => refused.push((i, e)),
                Err(e) => {
                    refused.push((i, e));
                    return Err(refused);
                }
            }
        }
        if !refused.is_empty() {
            return Err(refused);
        }
        let message = match commands {
            [one] => one.action(),
            _ => "batch",
        };
        for key in touched.iter() {
            if let Some(doc) = docs.get_mut(key) {
                doc.append_change(&tx, message, now.timestamp_millis())
                    .map_err(|e| vec![(0, e)])?;
            }
        }
        match outcome {
            Outcome::Commit => tx.commit().map_err(|e| vec![(0, e.into())]),
            Outcome::RollBack => Ok(()),
        }
    }

    /// Adds an account with its key slot. The slot file is written before the account, so an
    /// account never exists that cannot log in; a refused account removes its slot again.
    pub fn create_account(
        &mut self,
        account: &Account,
        password: &str,
        kdf: KdfParams,
        now: DateTime<Utc>,
    ) -> Result<()> {
        account::validate_login(&account.login)?;
        account::validate_password(password)?;
        if self.slots.has_login(&account.login) {
            return Err(dala_core::CoreError::LoginTaken {
                login: account.login.clone(),
            }
            .into());
        }
        self.slots
            .set_password(&account.login, password, kdf, &self.master)?;
        self.slots.save()?;
        if let Err(e) = self.execute(&Command::CreateAccount(account.clone()), now) {
            self.slots.remove(&account.login);
            self.slots.save()?;
            return Err(e);
        }
        Ok(())
    }

    /// Every entity of a kind, from its projection.
    pub fn list<E: Entity>(&self) -> Result<Vec<E>> {
        projection::entities(&self.conn, "ORDER BY rowid", &[])
    }

    pub fn get<E: Entity>(&self, id: Uuid) -> Result<Option<E>> {
        Ok(
            projection::entities(&self.conn, "WHERE id = ?1", &[&id.to_string()])?
                .into_iter()
                .next(),
        )
    }

    /// The entities of a kind whose field holds the value (`field` is one of the entity's own).
    pub fn find<E: Entity>(&self, field: &'static str, value: &str) -> Result<Vec<E>> {
        projection::entities(
            &self.conn,
            &format!("WHERE {field} = ?1 ORDER BY rowid"),
            &[&value],
        )
    }

    /// Everyone's name («Surname Name») by id: what lists of pupils and staff show, read without
    /// decoding whole records.
    pub fn names(&self) -> Result<HashMap<Uuid, String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, last_name, first_name FROM people")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        let mut names = HashMap::new();
        for row in rows {
            let (id, last, first) = row?;
            if let Ok(id) = id.parse() {
                let name = format!("{} {}", last.unwrap_or_default(), first.unwrap_or_default());
                names.insert(id, name);
            }
        }
        Ok(names)
    }

    /// The lessons of a class's term journal, by date and period.
    pub fn lessons_of(&self, class: Uuid, term: Uuid) -> Result<Vec<Lesson>> {
        Projections(&self.conn).lessons_of(class, term)
    }

    /// The lessons of every class between two dates, by date and period.
    pub fn lessons_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Lesson>> {
        projection::entities(
            &self.conn,
            "WHERE date >= ?1 AND date <= ?2 ORDER BY date, period",
            &[&from.to_string(), &to.to_string()],
        )
    }

    /// The cells of one grid of a document.
    pub fn cells(&self, doc: DocKey, grid: Grid) -> Result<Vec<Cell>> {
        projection::cells(&self.conn, doc, grid)
    }

    /// The audit entries of one action, oldest first.
    pub fn audit_of(&self, action: &str) -> Result<Vec<AuditEntry>> {
        audit::entries_of(&self.conn, action)
    }

    pub fn audit_log(&self) -> Result<Vec<AuditEntry>> {
        Ok(audit::entries(&self.conn)?
            .into_iter()
            .map(|(e, _, _)| e)
            .collect())
    }

    /// Folds a document's chunks into one snapshot.
    pub fn compact(&mut self, key: DocKey) -> Result<()> {
        let Store {
            conn, docs, actor, ..
        } = self;
        let tx = conn.transaction()?;
        let doc = match docs.get_mut(&key) {
            Some(doc) => doc,
            None => match Document::load(&tx, key, actor)? {
                Some(doc) => docs.entry(key).or_insert(doc),
                None => return Ok(()),
            },
        };
        doc.compact(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Rewrites every projection row from the documents, in one transaction.
    pub fn rebuild_projections(&mut self) -> Result<()> {
        let tx = self.conn.transaction()?;
        for collection in Collection::ALL {
            tx.execute(&format!("DELETE FROM {}", collection.name()), [])?;
        }
        tx.execute("DELETE FROM cells", [])?;
        for key in document::all_keys(&tx)? {
            if let Some(doc) = Document::load(&tx, key, &self.actor)? {
                project_document(&tx, &doc)?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Every document this store holds.
    pub fn document_keys(&self) -> Result<Vec<DocKey>> {
        document::all_keys(&self.conn)
    }

    /// A document as it is now, whole: what another device needs to merge it.
    pub fn document_bytes(&mut self, key: DocKey) -> Result<Option<Vec<u8>>> {
        let Store {
            conn, docs, actor, ..
        } = self;
        if let Some(doc) = docs.get_mut(&key) {
            return Ok(Some(doc.doc.save()));
        }
        Ok(Document::load(conn, key, actor)?.map(|mut d| d.doc.save()))
    }

    /// Merges another device's copy of a document (changes that arrived by sync or a bundle):
    /// the new changes are appended and the document's projection rows rewritten, in one
    /// transaction. Values both sides changed concurrently are kept, the others as conflicts.
    pub fn merge(&mut self, key: DocKey, bytes: &[u8], now: DateTime<Utc>) -> Result<()> {
        let mut incoming =
            automerge::AutoCommit::load(bytes).map_err(|e| StoreError::DocumentCorrupt {
                doc: key.name(),
                detail: e.to_string(),
            })?;
        let Store {
            conn, docs, actor, ..
        } = self;
        let tx = conn.transaction()?;
        let mut doc = match docs.remove(&key) {
            Some(doc) => doc,
            None => match Document::load(&tx, key, actor)? {
                Some(doc) => doc,
                None => Document::new(key, actor)?,
            },
        };
        doc.doc
            .merge(&mut incoming)
            .map_err(|e| StoreError::DocumentCorrupt {
                doc: key.name(),
                detail: e.to_string(),
            })?;
        doc.append_unsaved(&tx, now.timestamp_millis())?;
        reproject(&tx, &doc)?;
        tx.commit()?;
        docs.insert(key, doc);
        Ok(())
    }

    /// SQLCipher's page check, the projections against the documents, and the audit chain.
    pub fn check(&self) -> Result<CheckReport> {
        check::run(&self.conn, &self.actor)
    }

    /// The raw connection, for benchmarks and tests that must look beneath the store.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// Rewrites one document's projection rows, after a merge brought changes from elsewhere.
fn reproject(tx: &Connection, doc: &Document) -> Result<()> {
    for collection in doc.key.collections() {
        tx.execute(
            &format!("DELETE FROM {} WHERE doc_key = ?1", collection.name()),
            [doc.key.name()],
        )?;
    }
    tx.execute("DELETE FROM cells WHERE doc_key = ?1", [doc.key.name()])?;
    project_document(tx, doc)
}

/// Writes every projection row of one document.
fn project_document(tx: &Connection, doc: &Document) -> Result<()> {
    for (collection, id, fields) in doc.entities()? {
        projection::write(tx, doc.key, collection, id, &fields)?;
    }
    for cell in doc.cells()? {
        projection::write_cell(tx, doc.key, &cell)?;
    }
    Ok(())
}

fn first_error(mut errors: Vec<(usize, StoreError)>) -> StoreError {
    errors.swap_remove(0).1
}

fn apply(
    tx: &Connection,
    docs: &mut HashMap<DocKey, Document>,
    actor: &ActorId,
    author: &Author,
    command: &Command,
    now: DateTime<Utc>,
    touched: &mut BTreeSet<DocKey>,
) -> Result<()> {
    let changes = command.plan(&Projections(tx), school_date(now))?;
    let entry = |collection: String, entity_id: String, personal, before, after| AuditEntry {
        seq: 0,
        at: now.to_rfc3339(),
        account_id: author.account_id.map(|id| id.to_string()),
        login: author.login.clone(),
        action: command.action().to_string(),
        collection: Some(collection),
        entity_id: Some(entity_id),
        personal,
        before,
        after,
    };
    // A register's cells are audited as one entry per document: which cells, before and after.
    let mut cell_audit: BTreeMap<DocKey, (Grid, CellValues, CellValues)> = BTreeMap::new();
    for change in changes {
        let key = change.doc();
        let doc = match docs.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let doc = match Document::load(tx, key, actor)? {
                    Some(doc) => doc,
                    None => Document::new(key, actor)?,
                };
                e.insert(doc)
            }
        };
        touched.insert(key);
        let (collection, id, before, after) = match change {
            Change::Put {
                collection,
                id,
                fields,
                ..
            } => {
                let before = doc.get(collection, id)?;
                doc.put(collection, id, &fields)?;
                let after = doc.get(collection, id)?.unwrap_or_default();
                projection::write(tx, key, collection, id, &after)?;
                (collection, id, before, Some(after))
            }
            Change::Remove { collection, id, .. } => {
                let before = doc.get(collection, id)?;
                doc.remove(collection, id)?;
                projection::remove(tx, collection, id)?;
                (collection, id, before, None)
            }
            Change::Cell {
                grid,
                row,
                col,
                value,
                ..
            } => {
                let before = doc.put_cell(grid, &row, &col, value.as_deref())?;
                match &value {
                    Some(value) => {
                        let cell = Cell {
                            grid,
                            row: row.clone(),
                            col: col.clone(),
                            value: value.clone(),
                            conflicts: Vec::new(),
                        };
                        projection::write_cell(tx, key, &cell)?;
                    }
                    None => projection::remove_cell(tx, key, grid, &row, &col)?,
                }
                let at = format!("{}/{row}/{col}", grid.name());
                let (_, was, is) = cell_audit
                    .entry(key)
                    .or_insert_with(|| (grid, BTreeMap::new(), BTreeMap::new()));
                was.entry(at.clone()).or_insert(before);
                is.insert(at, value);
                continue;
            }
        };
        let json = |f: Option<Fields>| {
            f.map(|mut f| {
                for name in collection.secret_fields() {
                    if let Some(value) = f.get_mut(*name) {
                        *value = dala_core::Value::Text("(set)".into());
                    }
                }
                serde_json::to_string(&f).unwrap_or_default()
            })
        };
        audit::append(
            tx,
            entry(
                collection.name().to_string(),
                id.to_string(),
                collection.is_personal(),
                json(before),
                json(after),
            ),
        )?;
    }
    for (key, (grid, before, after)) in cell_audit {
        let json = |values: CellValues| serde_json::to_string(&values).ok();
        // Marks and presence are about pupils: personal data (R5.13).
        audit::append(
            tx,
            entry(
                grid.name().to_string(),
                key.name(),
                true,
                json(before),
                json(after),
            ),
        )?;
    }
    Ok(())
}

/// Cells by `grid/row/col`, with their values (`None`: empty).
type CellValues = BTreeMap<String, Option<String>>;

/// Opens a data folder's database with its master key and no migration: for tools that must see
/// the database as it is on disk (the fixture test, benchmarks).
/// Every opening of the store writes under an automerge actor of its own. A database restored
/// from a backup, copied to another computer or opened by two programs at once can then never
/// write a second, different change under an actor that already wrote one elsewhere — which
/// automerge would refuse at the next merge. The cost is 16 bytes in a document's actor table
/// per opening that writes to it.
fn fresh_actor(conn: &Connection) -> Result<ActorId> {
    let actor = ActorId::random();
    let updated = conn.execute(
        "UPDATE device SET actor = ?1 WHERE id = 1",
        [hex::encode(actor.to_bytes())],
    )?;
    if updated != 1 {
        return Err(StoreError::Corrupt {
            detail: "no device identity".into(),
        });
    }
    Ok(actor)
}

pub fn raw_connection(dir: &Path, master: &Key) -> Result<Connection> {
    connect(&dir.join(DB_FILE), master)
}

/// Opens the database with the raw master key and checks that the key fits before anything else.
fn connect(path: &Path, master: &Key) -> Result<Connection> {
    let conn = Connection::open(path)?;
    conn.execute_batch(&format!(
        "PRAGMA key = \"{}\";",
        master.sqlcipher_pragma().as_str()
    ))?;
    let readable = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    });
    if readable.is_err() {
        return Err(StoreError::Corrupt {
            detail: "the database does not open with its key".into(),
        });
    }
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.execute_batch(
        "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
    )?;
    Ok(conn)
}
