//! Key slots: the database's random 256-bit master key exists on disk only wrapped, once per
//! account under a key derived from its password (argon2id, parameters kept in the slot) and once
//! under the recovery key printed at set-up. The slot file lies beside the encrypted database, so
//! it names no one: a slot is found by a salted hash of the login.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use data_encoding::BASE32_NOPAD;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::error::{Result, StoreError};

pub const SLOTS_FILE: &str = "keys.json";
const FORMAT: u32 = 1;

/// A 256-bit key. It cannot be printed or serialised, and it is wiped when dropped.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct Key([u8; 32]);

impl Key {
    pub fn random() -> Result<Key> {
        let mut bytes = [0u8; 32];
        getrandom::getrandom(&mut bytes).map_err(|e| StoreError::Io {
            path: "getrandom".into(),
            detail: e.to_string(),
        })?;
        Ok(Key(bytes))
    }

    pub(crate) fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The form SQLCipher takes a raw key in: `x'…'`, which skips its own passphrase KDF.
    pub(crate) fn sqlcipher_pragma(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("x'{}'", hex::encode(self.0)))
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

/// The recovery key as the director reads it from paper: 52 base32 letters in groups of four.
pub struct RecoveryKey(Key);

impl RecoveryKey {
    pub fn display(&self) -> Zeroizing<String> {
        let text = Zeroizing::new(BASE32_NOPAD.encode(&self.0.0));
        let groups: Vec<&str> = text
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap_or(""))
            .collect();
        Zeroizing::new(groups.join("-"))
    }

    pub fn parse(text: &str) -> Result<RecoveryKey> {
        let clean: Zeroizing<String> = Zeroizing::new(
            text.chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .map(|c| c.to_ascii_uppercase())
                .collect(),
        );
        let bytes = Zeroizing::new(
            BASE32_NOPAD
                .decode(clean.as_bytes())
                .map_err(|_| StoreError::RecoveryKeyInvalid)?,
        );
        let key: [u8; 32] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| StoreError::RecoveryKeyInvalid)?;
        Ok(RecoveryKey(Key(key)))
    }
}

/// argon2id cost. The default follows OWASP's first recommendation (46 MiB, one pass), about a
/// tenth of a second on an old school laptop; each slot keeps its own, so it can be raised later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl Default for KdfParams {
    fn default() -> KdfParams {
        KdfParams {
            m_kib: 47_104,
            t: 1,
            p: 1,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Unlocker {
    Password { kdf: KdfParams, salt: String },
    Recovery,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Slot {
    /// Salted hash of the normalised login, or "recovery".
    id: String,
    unlocker: Unlocker,
    nonce: String,
    wrapped: String,
    /// The account's personal signing key (a director's, M8), wrapped under the same password:
    /// whoever opens the database without that password cannot sign in its owner's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    personal: Option<Sealed>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Sealed {
    nonce: String,
    wrapped: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct SlotFile {
    format: u32,
    lookup_salt: String,
    slots: Vec<Slot>,
}

/// The key slots of one data folder.
pub struct KeySlots {
    path: PathBuf,
    file: SlotFile,
}

const RECOVERY_ID: &str = "recovery";

impl KeySlots {
    /// New slots for a new master key: the recovery slot only.
    pub fn create(dir: &Path, master: &Key) -> Result<(KeySlots, RecoveryKey)> {
        let salt = Key::random()?;
        let recovery = RecoveryKey(Key::random()?);
        let mut slots = KeySlots {
            path: dir.join(SLOTS_FILE),
            file: SlotFile {
                format: FORMAT,
                lookup_salt: hex::encode(salt.0),
                slots: Vec::new(),
            },
        };
        let slot = wrap(RECOVERY_ID.into(), Unlocker::Recovery, &recovery.0, master)?;
        slots.file.slots.push(slot);
        Ok((slots, recovery))
    }

    pub fn load(dir: &Path) -> Result<KeySlots> {
        let path = dir.join(SLOTS_FILE);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::NotInitialised {
                    path: dir.display().to_string(),
                });
            }
            Err(e) => return Err(StoreError::io(&path, e)),
        };
        let corrupt = || StoreError::KeySlotsCorrupt {
            path: dir.display().to_string(),
        };
        let file: SlotFile = serde_json::from_str(&text).map_err(|_| corrupt())?;
        if file.format != FORMAT {
            return Err(corrupt());
        }
        Ok(KeySlots { path, file })
    }

    fn slot_id(&self, login: &str) -> String {
        let mut hash = Sha256::new();
        hash.update(self.file.lookup_salt.as_bytes());
        hash.update(dala_core::account::normalise_login(login).as_bytes());
        hex::encode(hash.finalize())
    }

    pub fn unlock(&self, login: &str, password: &str) -> Result<Key> {
        let (index, kek) = self.open_slot(login, password)?;
        unwrap(&self.file.slots[index], &kek).ok_or(StoreError::InvalidCredentials)
    }

    pub fn unlock_with_recovery(&self, recovery: &RecoveryKey) -> Result<Key> {
        let slot = self
            .file
            .slots
            .iter()
            .find(|s| s.id == RECOVERY_ID)
            .ok_or_else(|| self.corrupt())?;
        unwrap(slot, &recovery.0).ok_or(StoreError::RecoveryKeyInvalid)
    }

    /// Adds or replaces the slot of `login`. Written to disk by `save`.
    pub fn set_password(
        &mut self,
        login: &str,
        password: &str,
        kdf: KdfParams,
        master: &Key,
    ) -> Result<()> {
        let id = self.slot_id(login);
        let salt = Key::random()?;
        let kek = derive(password, &kdf, &salt.0)?;
        let slot = wrap(
            id.clone(),
            Unlocker::Password {
                kdf,
                salt: hex::encode(salt.0),
            },
            &kek,
            master,
        )?;
        self.file.slots.retain(|s| s.id != id);
        self.file.slots.push(slot);
        Ok(())
    }

    /// The password's key and the slot it opens, or `InvalidCredentials`.
    fn open_slot(&self, login: &str, password: &str) -> Result<(usize, Key)> {
        let id = self.slot_id(login);
        let index = self.file.slots.iter().position(|s| s.id == id);
        let Some(index) = index else {
            // Spend the same effort as a real attempt, so timing does not tell which logins exist.
            let _ = derive(password, &KdfParams::default(), &[0u8; 32]);
            return Err(StoreError::InvalidCredentials);
        };
        let slot = &self.file.slots[index];
        let Unlocker::Password { kdf, salt } = &slot.unlocker else {
            return Err(StoreError::InvalidCredentials);
        };
        let salt = hex::decode(salt).map_err(|_| self.corrupt())?;
        let kek = derive(password, kdf, &salt)?;
        unwrap(slot, &kek).ok_or(StoreError::InvalidCredentials)?;
        Ok((index, kek))
    }

    /// The account's personal signing key, opened with its password; made at its first use
    /// (then the slots must be saved: the answer says so).
    pub fn personal_key(
        &mut self,
        login: &str,
        password: &str,
    ) -> Result<(Zeroizing<[u8; 32]>, bool)> {
        let (index, kek) = self.open_slot(login, password)?;
        let slot = &mut self.file.slots[index];
        let aad = personal_aad(slot);
        if let Some(sealed) = &slot.personal {
            let key = open(sealed, &kek, &aad).ok_or(StoreError::KeySlotsCorrupt {
                path: "personal key".into(),
            })?;
            return Ok((Zeroizing::new(key), false));
        }
        let key = Zeroizing::new(Key::random()?.0);
        slot.personal = Some(seal(&kek, &aad, &key)?);
        Ok((key, true))
    }

    /// An account's own change of password: the master key and the personal key are wrapped
    /// anew under the new password. Written to disk by `save`.
    pub fn change_password(
        &mut self,
        login: &str,
        current: &str,
        new: &str,
        kdf: KdfParams,
        master: &Key,
    ) -> Result<()> {
        let (index, old_kek) = self.open_slot(login, current)?;
        let old = &self.file.slots[index];
        let personal = match &old.personal {
            Some(sealed) => Some(Zeroizing::new(
                open(sealed, &old_kek, &personal_aad(old)).ok_or(StoreError::InvalidCredentials)?,
            )),
            None => None,
        };
        self.set_password(login, new, kdf, master)?;
        if let Some(key) = personal {
            let (index, kek) = self.open_slot(login, new)?;
            let slot = &mut self.file.slots[index];
            slot.personal = Some(seal(&kek, &personal_aad(slot), &key)?);
        }
        Ok(())
    }

    pub fn remove(&mut self, login: &str) {
        let id = self.slot_id(login);
        self.file.slots.retain(|s| s.id != id);
    }

    pub fn has_login(&self, login: &str) -> bool {
        let id = self.slot_id(login);
        self.file.slots.iter().any(|s| s.id == id)
    }

    /// Replaces the file atomically: a crash leaves the old slots or the new, never half of each.
    pub fn save(&self) -> Result<()> {
        let text = serde_json::to_string_pretty(&self.file).map_err(|e| StoreError::Io {
            path: self.path.display().to_string(),
            detail: e.to_string(),
        })?;
        let tmp = self.path.with_extension("json.tmp");
        let write = || -> std::io::Result<()> {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
            fs::rename(&tmp, &self.path)?;
            if let Some(dir) = self.path.parent() {
                fs::File::open(dir)?.sync_all()?;
            }
            Ok(())
        };
        write().map_err(|e| StoreError::io(&self.path, e))
    }

    fn corrupt(&self) -> StoreError {
        let dir = self.path.parent().unwrap_or(&self.path);
        StoreError::KeySlotsCorrupt {
            path: dir.display().to_string(),
        }
    }
}

fn derive(password: &str, kdf: &KdfParams, salt: &[u8]) -> Result<Key> {
    let params = Params::new(kdf.m_kib, kdf.t, kdf.p, Some(32)).map_err(|e| {
        StoreError::KeySlotsCorrupt {
            path: format!("argon2: {e}"),
        }
    })?;
    let mut out = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(password.as_bytes(), salt, &mut out)
        .map_err(|e| StoreError::KeySlotsCorrupt {
            path: format!("argon2: {e}"),
        })?;
    Ok(Key(out))
}

/// The slot id is bound in as associated data, so a slot cannot be moved to another login.
fn wrap(id: String, unlocker: Unlocker, kek: &Key, master: &Key) -> Result<Slot> {
    let sealed = seal(kek, id.as_bytes(), &master.0)?;
    Ok(Slot {
        id,
        unlocker,
        nonce: sealed.nonce,
        wrapped: sealed.wrapped,
        personal: None,
    })
}

fn unwrap(slot: &Slot, kek: &Key) -> Option<Key> {
    let sealed = Sealed {
        nonce: slot.nonce.clone(),
        wrapped: slot.wrapped.clone(),
    };
    open(&sealed, kek, slot.id.as_bytes()).map(Key)
}

/// What the personal key is bound to: its slot, and its being the personal key, not the master.
fn personal_aad(slot: &Slot) -> Vec<u8> {
    [slot.id.as_bytes(), b":personal"].concat()
}

fn seal(kek: &Key, aad: &[u8], msg: &[u8; 32]) -> Result<Sealed> {
    let mut nonce = [0u8; 24];
    getrandom::getrandom(&mut nonce).map_err(|e| StoreError::Io {
        path: "getrandom".into(),
        detail: e.to_string(),
    })?;
    let cipher = XChaCha20Poly1305::new((&kek.0).into());
    let wrapped = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg, aad })
        .map_err(|_| StoreError::KeySlotsCorrupt {
            path: "wrap".into(),
        })?;
    Ok(Sealed {
        nonce: hex::encode(nonce),
        wrapped: hex::encode(wrapped),
    })
}

fn open(sealed: &Sealed, kek: &Key, aad: &[u8]) -> Option<[u8; 32]> {
    let nonce = hex::decode(&sealed.nonce).ok().filter(|n| n.len() == 24)?;
    let wrapped = hex::decode(&sealed.wrapped).ok()?;
    let cipher = XChaCha20Poly1305::new((&kek.0).into());
    let plain = Zeroizing::new(
        cipher
            .decrypt(XNonce::from_slice(&nonce), Payload { msg: &wrapped, aad })
            .ok()?,
    );
    plain.as_slice().try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHEAP: KdfParams = KdfParams {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    #[test]
    fn a_password_unwraps_only_its_own_slot() {
        let dir = tempfile::tempdir().unwrap();
        let master = Key::random().unwrap();
        let (mut slots, recovery) = KeySlots::create(dir.path(), &master).unwrap();
        slots
            .set_password("Director", "құпия-сөз-123", CHEAP, &master)
            .unwrap();
        slots.save().unwrap();
        let slots = KeySlots::load(dir.path()).unwrap();
        assert_eq!(
            slots.unlock("director", "құпия-сөз-123").unwrap().0,
            master.0
        );
        assert!(matches!(
            slots.unlock("director", "wrong"),
            Err(StoreError::InvalidCredentials)
        ));
        assert!(matches!(
            slots.unlock("nobody", "құпия-сөз-123"),
            Err(StoreError::InvalidCredentials)
        ));
        let typed = RecoveryKey::parse(&recovery.display().to_lowercase()).unwrap();
        assert_eq!(slots.unlock_with_recovery(&typed).unwrap().0, master.0);
        let other = RecoveryKey(Key::random().unwrap());
        assert!(matches!(
            slots.unlock_with_recovery(&other),
            Err(StoreError::RecoveryKeyInvalid)
        ));
        assert!(matches!(
            RecoveryKey::parse("not-a-key"),
            Err(StoreError::RecoveryKeyInvalid)
        ));
    }

    #[test]
    fn the_personal_key_opens_with_its_password_only_and_outlives_a_change_of_it() {
        let dir = tempfile::tempdir().unwrap();
        let master = Key::random().unwrap();
        let (mut slots, _) = KeySlots::create(dir.path(), &master).unwrap();
        slots
            .set_password("director", "first-pass-1", CHEAP, &master)
            .unwrap();
        let (key, made) = slots.personal_key("director", "first-pass-1").unwrap();
        assert!(made);
        slots.save().unwrap();
        let mut slots = KeySlots::load(dir.path()).unwrap();
        let (again, made) = slots.personal_key("Director", "first-pass-1").unwrap();
        assert!(!made);
        assert_eq!(*again, *key);
        assert!(matches!(
            slots.personal_key("director", "wrong"),
            Err(StoreError::InvalidCredentials)
        ));
        slots
            .change_password("director", "first-pass-1", "second-pass-2", CHEAP, &master)
            .unwrap();
        let (kept, made) = slots.personal_key("director", "second-pass-2").unwrap();
        assert!((*kept == *key) && !made);
        assert_eq!(
            slots.unlock("director", "second-pass-2").unwrap().0,
            master.0
        );
        // A reset by an administrator cannot carry it: the next signature needs a new key.
        slots
            .set_password("director", "third-pass-3", CHEAP, &master)
            .unwrap();
        let (fresh, made) = slots.personal_key("director", "third-pass-3").unwrap();
        assert!(made && *fresh != *key);
        let text = serde_json::to_string(&slots.file).unwrap();
        assert!(!text.contains(&hex::encode(*fresh)), "stored only wrapped");
    }

    #[test]
    fn the_slot_file_names_no_login() {
        let dir = tempfile::tempdir().unwrap();
        let master = Key::random().unwrap();
        let (mut slots, _) = KeySlots::create(dir.path(), &master).unwrap();
        slots
            .set_password("aigerim.kasymova", "password-1", CHEAP, &master)
            .unwrap();
        slots.save().unwrap();
        let text = fs::read_to_string(dir.path().join(SLOTS_FILE)).unwrap();
        assert!(!text.contains("aigerim"));
        assert!(format!("{master:?}").contains('…'));
    }

    #[test]
    fn a_damaged_slot_file_is_reported_not_panicked_on() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(SLOTS_FILE), "{ not json").unwrap();
        assert!(matches!(
            KeySlots::load(dir.path()),
            Err(StoreError::KeySlotsCorrupt { .. })
        ));
        let empty = tempfile::tempdir().unwrap();
        assert!(matches!(
            KeySlots::load(empty.path()),
            Err(StoreError::NotInitialised { .. })
        ));
    }
}
