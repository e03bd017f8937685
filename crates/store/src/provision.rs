//! A new computer of an organisation, made from the hub's snapshot file and the one-time code
//! that came with it (the sync issue's item 7): every document the hub holds, checked to be
//! the hub's and made for this code, goes into a new encrypted folder in one transaction, as
//! acknowledged by the hub; the code enrols the computer from paper, and then over the link when
//! the hub's address is given (otherwise the first bundle completes it); the person at the
//! keyboard becomes its administrator. The accounts never leave a school, so the snapshot has
//! none: the school's other accounts arrive from its main computer over the LAN, or are made
//! again here.

use std::path::Path;

use chrono::{DateTime, Utc};
use dala_core::org::Organisation;
use dala_core::{DocKey, Scope};
use dala_sync::{DocHeads, EnrolmentCode, Snapshot, SyncError};

use crate::error::{Result, StoreError};
use crate::keys::{KdfParams, RecoveryKey};
use crate::{Admin, Store, empty_folder};

pub struct Provision<'a> {
    /// The snapshot file's bytes.
    pub snapshot: &'a [u8],
    pub code: &'a str,
    /// The hub's address, to enrol over the link at once; none enrols from the paper code.
    pub hub_url: Option<&'a str>,
    pub admin_login: &'a str,
    pub password: &'a str,
    pub kdf: KdfParams,
}

impl Store {
    /// Makes the data folder of a new computer from a snapshot. The folder must be empty or
    /// absent; on any refusal it is left so.
    pub fn provision(
        dir: &Path,
        provision: &Provision,
        now: DateTime<Utc>,
    ) -> Result<(Store, RecoveryKey)> {
        let code = EnrolmentCode::parse(provision.code)?;
        let (_, snapshot) = Snapshot::open(provision.snapshot, &code)?;
        for doc in &snapshot.docs {
            match DocKey::parse(&doc.doc) {
                Some(key) if key.scope() == Scope::Upstream => {}
                _ => {
                    return Err(SyncError::OutOfScope {
                        doc: doc.doc.clone(),
                    }
                    .into());
                }
            }
        }
        let admin = Admin {
            login: provision.admin_login,
            password: provision.password,
            kdf: provision.kdf,
        };
        let made = Store::create(dir, &admin, now, |store| {
            let heads: Vec<DocHeads> = snapshot
                .docs
                .iter()
                .map(|d| DocHeads {
                    doc: d.doc.clone(),
                    heads: d.heads.clone(),
                })
                .collect();
            // What the hub holds needs no delivery: acknowledged, as by the hub's answer.
            store.apply_upstream(&snapshot.docs, &heads, now)?;
            let org = store.list::<Organisation>()?;
            let [org] = org.as_slice() else {
                return Err(StoreError::Corrupt {
                    detail: format!("the snapshot holds {} organisations", org.len()),
                });
            };
            if org.id != snapshot.org {
                return Err(SyncError::WrongOrg.into());
            }
            store.enrol(None, provision.code, now)?;
            store.set_fixation(snapshot.fixation.as_ref())?;
            Ok(org.kind)
        })?;
        // Over the link last, when nothing else can fail: the hub spends the code as it answers.
        if let Some(url) = provision.hub_url {
            let (mut store, recovery) = made;
            if let Err(e) = store.enrol(Some(url), provision.code, now) {
                drop(store);
                empty_folder(dir);
                return Err(e);
            }
            return Ok((store, recovery));
        }
        Ok(made)
    }
}
