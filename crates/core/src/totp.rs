//! Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, six digits), the second
//! factor of R5.11 that any authenticator app speaks. Pure: the time and the secret come in.

use hmac::{Hmac, Mac};
use sha1::Sha1;

const STEP_SECONDS: i64 = 30;
/// One step either side: a laptop's clock drifts, and typing a code takes time.
const DRIFT_STEPS: i64 = 1;

/// The six-digit code of a secret at a step (seconds since 1970 divided by 30).
pub fn code_at(secret: &[u8], step: i64) -> String {
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(secret) else {
        return String::new();
    };
    mac.update(&(step as u64).to_be_bytes());
    let hash = mac.finalize().into_bytes();
    let offset = usize::from(hash[19] & 0x0f);
    let binary = u32::from_be_bytes([
        hash[offset] & 0x7f,
        hash[offset + 1],
        hash[offset + 2],
        hash[offset + 3],
    ]);
    format!("{:06}", binary % 1_000_000)
}

pub fn step_of(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// The step a typed code belongs to, if it is the code of now or of a step beside it. The caller
/// refuses a step it has already accepted, so an overheard code cannot be used twice.
pub fn verify(secret: &[u8], typed: &str, unix_seconds: i64) -> Option<i64> {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if typed.len() != 6 || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let now = step_of(unix_seconds);
    (now - DRIFT_STEPS..=now + DRIFT_STEPS).find(|&step| code_at(secret, step) == typed)
}

/// The `otpauth://` address an authenticator app reads from a QR code or a pasted link.
pub fn provisioning_uri(secret_base32: &str, login: &str, organisation: &str) -> String {
    let escape = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    let issuer = escape(&format!("Dala {organisation}"));
    format!(
        "otpauth://totp/{issuer}:{}?secret={secret_base32}&issuer={issuer}&algorithm=SHA1&digits=6&period=30",
        escape(login)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B: the SHA-1 secret "12345678901234567890", codes cut to six digits.
    #[test]
    fn the_rfc_test_vectors_hold() {
        let secret = b"12345678901234567890";
        for (time, code) in [
            (59, "287082"),
            (1_111_111_109, "081804"),
            (1_111_111_111, "050471"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
            (20_000_000_000, "353130"),
        ] {
            assert_eq!(code_at(secret, step_of(time)), code, "at {time}");
        }
    }

    #[test]
    fn a_code_is_accepted_one_step_either_side_and_no_further() {
        let secret = b"12345678901234567890";
        let now = 1_234_567_890;
        let code = code_at(secret, step_of(now));
        assert_eq!(verify(secret, &code, now), Some(step_of(now)));
        assert_eq!(verify(secret, &code, now + 30), Some(step_of(now)));
        assert_eq!(verify(secret, &code, now - 30), Some(step_of(now)));
        assert_eq!(verify(secret, &code, now + 90), None);
        assert_eq!(verify(secret, "12345", now), None);
        assert_eq!(verify(secret, "abcdef", now), None);
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert_eq!(verify(secret, &spaced, now), Some(step_of(now)));
    }

    #[test]
    fn the_provisioning_uri_escapes_names() {
        let uri = provisioning_uri("JBSWY3DPEHPK3PXP", "director", "Ақсу мектебі");
        assert!(uri.starts_with("otpauth://totp/Dala%20%D0%90"));
        assert!(uri.contains("secret=JBSWY3DPEHPK3PXP"));
        assert!(!uri.contains(' '));
    }
}
