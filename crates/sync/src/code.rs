//! The one-time enrolment code the hub prints and the district hands over on paper. It carries
//! the secret that binds a device to its organisation at the hub, and the short hash of the hub's
//! identity key, so that a school with no link at all can check that an answer comes from its hub.
//! The school's main machine issues the same codes to teachers' laptops; its codes are told apart
//! by their check digits, so the laptop knows from the code alone that it enrols on the LAN.

use data_encoding::BASE32_NOPAD;
use sha2::{Digest, Sha256};

use crate::error::{Result, SyncError};
use crate::identity::PublicKey;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnrolmentCode {
    pub secret: [u8; 8],
    pub hub: [u8; 10],
    /// Issued by a school's main machine for a device of the same school, not by the hub.
    pub lan: bool,
}

/// Mixed into a LAN code's check digits: the same 18 bytes check as one kind of code only.
const LAN_CHECK: &[u8] = b"dala-lan";

fn check(bytes: &[u8], lan: bool) -> [u8; 2] {
    let mut hasher = Sha256::new();
    if lan {
        hasher.update(LAN_CHECK);
    }
    hasher.update(bytes);
    let digest = hasher.finalize();
    [digest[0], digest[1]]
}

impl EnrolmentCode {
    pub fn new(hub: &PublicKey) -> Result<EnrolmentCode> {
        let mut secret = [0u8; 8];
        getrandom::getrandom(&mut secret).map_err(|e| SyncError::Offline {
            detail: format!("no randomness: {e}"),
        })?;
        Ok(EnrolmentCode {
            secret,
            hub: hub.short_hash(),
            lan: false,
        })
    }

    /// A code of the school's main machine for one of the school's own devices.
    pub fn new_lan(main: &PublicKey) -> Result<EnrolmentCode> {
        Ok(EnrolmentCode {
            lan: true,
            ..EnrolmentCode::new(main)?
        })
    }

    /// 32 letters and digits in groups of four: `ABCD-EFGH-…`.
    pub fn to_text(&self) -> String {
        let mut bytes = Vec::with_capacity(20);
        bytes.extend_from_slice(&self.secret);
        bytes.extend_from_slice(&self.hub);
        let check = check(&bytes, self.lan);
        bytes.extend_from_slice(&check);
        let text = BASE32_NOPAD.encode(&bytes);
        text.as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }

    /// Reads a code as people type it: any case, with or without dashes and spaces, and with
    /// the digits 0, 1 and 8 taken for the letters O, I and B they are mistaken for.
    pub fn parse(text: &str) -> Result<EnrolmentCode> {
        let clean: String = text
            .chars()
            .filter(|c| !matches!(c, '-' | ' '))
            .map(|c| match c.to_ascii_uppercase() {
                '0' => 'O',
                '1' => 'I',
                '8' => 'B',
                c => c,
            })
            .collect();
        let bytes = BASE32_NOPAD
            .decode(clean.as_bytes())
            .map_err(|_| SyncError::CodeInvalid)?;
        if bytes.len() != 20 {
            return Err(SyncError::CodeInvalid);
        }
        let lan = match (check(&bytes[..18], false), check(&bytes[..18], true)) {
            (hub, _) if hub == bytes[18..] => false,
            (_, lan) if lan == bytes[18..] => true,
            _ => return Err(SyncError::CodeInvalid),
        };
        let mut code = EnrolmentCode {
            secret: [0; 8],
            hub: [0; 10],
            lan,
        };
        code.secret.copy_from_slice(&bytes[..8]);
        code.hub.copy_from_slice(&bytes[8..18]);
        Ok(code)
    }

    /// Whether a key is the hub the code was made by.
    pub fn is_hub(&self, key: &PublicKey) -> bool {
        key.short_hash() == self.hub
    }
}
