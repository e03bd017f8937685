//! The signed envelope every sync message and bundle travels in: a short header, the signer's
//! public key, the body (postcard, zstd-compressed) and an Ed25519 signature over header and
//! body. The signature is checked before anything is decompressed or decoded.

use std::io::Read;

use serde::{Deserialize, Serialize, de::DeserializeOwned};

use crate::error::{Result, SyncError};
use crate::identity::{PublicKey, SecretKey, Signature};

const MAGIC: &[u8; 4] = b"DALA";
const VERSION: u8 = 1;
/// A week of a large school is a few megabytes; anything near this limit is not ours.
const MAX_BODY: u64 = 256 << 20;
const LEVEL: i32 = 3;

/// What an envelope holds, so that a message of one kind is never read as another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Request = b'Q' as isize,
    Response = b'R' as isize,
    Bundle = b'B' as isize,
    Answer = b'A' as isize,
    Snapshot = b'S' as isize,
}

#[derive(Serialize, Deserialize)]
struct Sealed {
    signer: PublicKey,
    body: Vec<u8>,
    signature: Signature,
}

fn signed_bytes(kind: Kind, body: &[u8]) -> Vec<u8> {
    let mut data = Vec::with_capacity(6 + body.len());
    data.extend_from_slice(MAGIC);
    data.push(kind as u8);
    data.push(VERSION);
    data.extend_from_slice(body);
    data
}

pub fn seal<T: Serialize>(kind: Kind, key: &SecretKey, value: &T) -> Result<Vec<u8>> {
    let plain = postcard::to_stdvec(value).map_err(SyncError::malformed)?;
    seal_raw(kind, key, &plain)
}

/// Seals a body that is already encoded, as `seal` does a value's: for the fuzzers and tests
/// that must reach the decoders behind the signature with bytes of their own.
#[doc(hidden)]
pub fn seal_raw(kind: Kind, key: &SecretKey, plain: &[u8]) -> Result<Vec<u8>> {
    let body = zstd::bulk::compress(plain, LEVEL).map_err(SyncError::malformed)?;
    let signature = key.sign(&signed_bytes(kind, &body));
    let sealed = Sealed {
        signer: key.public(),
        body,
        signature,
    };
    let mut out = Vec::from(&MAGIC[..]);
    out.push(kind as u8);
    out.push(VERSION);
    out.extend(postcard::to_stdvec(&sealed).map_err(SyncError::malformed)?);
    Ok(out)
}

/// Checks the header and the signature, then decodes; answers the signer with the value.
pub fn open<T: DeserializeOwned>(kind: Kind, bytes: &[u8]) -> Result<(PublicKey, T)> {
    let rest = bytes
        .strip_prefix(&MAGIC[..])
        .ok_or_else(|| SyncError::malformed("not a Dala file"))?;
    match rest {
        [k, VERSION, ..] if *k == kind as u8 => {}
        [k, v, ..] if *k == kind as u8 => {
            return Err(SyncError::malformed(format!("version {v}")));
        }
        _ => return Err(SyncError::malformed("another kind of Dala data")),
    }
    let sealed: Sealed = decode_all(&rest[2..])?;
    // The envelope itself is not signed, only what it carries: it must be the one encoding of
    // what it holds (no bytes after it, no lengths spelt long), so that altered bytes never open.
    if postcard::to_stdvec(&sealed).map_err(SyncError::malformed)? != rest[2..] {
        return Err(SyncError::malformed(
            "the envelope is not in its own encoding",
        ));
    }
    sealed
        .signer
        .verify(&signed_bytes(kind, &sealed.body), &sealed.signature)?;
    let mut plain = Vec::new();
    zstd::stream::Decoder::new(sealed.body.as_slice())
        .map_err(SyncError::malformed)?
        .take(MAX_BODY + 1)
        .read_to_end(&mut plain)
        .map_err(SyncError::malformed)?;
    if plain.len() as u64 > MAX_BODY {
        return Err(SyncError::malformed("the body is too large"));
    }
    let value = decode_all(&plain)?;
    Ok((sealed.signer, value))
}

/// Decodes a value that must take every byte: anything after it means the data is not ours.
fn decode_all<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T> {
    let (value, rest) = postcard::take_from_bytes(bytes).map_err(SyncError::malformed)?;
    if !rest.is_empty() {
        return Err(SyncError::malformed(format!(
            "{} bytes after the end",
            rest.len()
        )));
    }
    Ok(value)
}
