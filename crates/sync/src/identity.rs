//! Who signs: each device's Ed25519 key, the hub's identity key and the director's personal key.
//! A secret key is a type that cannot be printed or serialised; its bytes leave it only to be
//! stored encrypted.

use ed25519_dalek::{Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::error::{Result, SyncError};

/// A secret signing key.
pub struct SecretKey(SigningKey);

impl SecretKey {
    pub fn generate() -> Result<SecretKey> {
        let mut bytes = Zeroizing::new([0u8; 32]);
        getrandom::getrandom(bytes.as_mut()).map_err(|e| SyncError::Offline {
            detail: format!("no randomness: {e}"),
        })?;
        Ok(SecretKey(SigningKey::from_bytes(&bytes)))
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<SecretKey> {
        let bytes: [u8; 32] = bytes
            .try_into()
            .map_err(|_| SyncError::malformed("key length"))?;
        Ok(SecretKey(SigningKey::from_bytes(&bytes)))
    }

    /// The secret's bytes, for the encrypted store only.
    pub fn to_bytes(&self) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(self.0.to_bytes())
    }

    pub fn public(&self) -> PublicKey {
        PublicKey(self.0.verifying_key().to_bytes())
    }

    pub fn sign(&self, data: &[u8]) -> Signature {
        Signature(self.0.sign(data).to_bytes())
    }
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SecretKey({})", self.public().fingerprint())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PublicKey(pub [u8; 32]);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature(#[serde(with = "signature_bytes")] pub [u8; 64]);

impl PublicKey {
    pub fn verify(&self, data: &[u8], signature: &Signature) -> Result<()> {
        let key = VerifyingKey::from_bytes(&self.0).map_err(|_| SyncError::Signature)?;
        key.verify(data, &ed25519_dalek::Signature::from_bytes(&signature.0))
            .map_err(|_| SyncError::Signature)
    }

    /// The first 10 bytes of the key's SHA-256: what an enrolment code carries and people compare.
    pub fn short_hash(&self) -> [u8; 10] {
        let digest = Sha256::digest(self.0);
        let mut short = [0u8; 10];
        short.copy_from_slice(&digest[..10]);
        short
    }

    /// The short hash as groups of hex digits, for screens and paper.
    pub fn fingerprint(&self) -> String {
        fingerprint_of(&self.short_hash())
    }

    pub fn to_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    pub fn from_hex(text: &str) -> Result<PublicKey> {
        let bytes = data_encoding::HEXLOWER_PERMISSIVE
            .decode(text.as_bytes())
            .map_err(|_| SyncError::malformed("key"))?;
        let bytes: [u8; 32] = bytes.try_into().map_err(|_| SyncError::malformed("key"))?;
        Ok(PublicKey(bytes))
    }
}

/// A short hash as people read it: groups of four hex digits. A device enrolled from paper knows
/// only the hash of the hub's key, not the key.
pub fn fingerprint_of(bytes: &[u8]) -> String {
    bytes
        .chunks(2)
        .map(|pair| pair.iter().map(|b| format!("{b:02X}")).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// serde derives arrays only up to 32 elements.
mod signature_bytes {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8; 64], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(bytes)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[u8; 64], D::Error> {
        let bytes: &[u8] = Deserialize::deserialize(d)?;
        bytes
            .try_into()
            .map_err(|_| serde::de::Error::custom("a signature is 64 bytes"))
    }
}
