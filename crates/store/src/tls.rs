//! The certificate a school machine shows when it serves Dala over the LAN (R11). Self-signed and
//! made once, at set-up: teachers' devices cannot ask a public authority about a village LAN, so
//! they check the fingerprint the director reads out instead. The private key is a file readable
//! by its owner only; it proves the server's identity and holds no personal data.

use std::fs;
use std::net::{IpAddr, Ipv4Addr, UdpSocket};
use std::path::Path;

use rcgen::{CertificateParams, KeyPair, SanType};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::error::{Result, StoreError};

pub const CERT_FILE: &str = "tls.crt";
pub const KEY_FILE: &str = "tls.key";

pub struct Certificate {
    pub cert_pem: String,
    pub key_pem: Zeroizing<String>,
    /// SHA-256 of the certificate, as pairs of hex digits: what users compare.
    pub fingerprint: String,
}

/// This folder's certificate, made now if the folder predates certificates.
pub fn certificate(dir: &Path) -> Result<Certificate> {
    let (cert_path, key_path) = (dir.join(CERT_FILE), dir.join(KEY_FILE));
    if !cert_path.exists() || !key_path.exists() {
        create(dir)?;
    }
    let cert_pem = fs::read_to_string(&cert_path).map_err(|e| StoreError::io(&cert_path, e))?;
    let key_pem =
        Zeroizing::new(fs::read_to_string(&key_path).map_err(|e| StoreError::io(&key_path, e))?);
    let fingerprint = fingerprint(&cert_pem)?;
    Ok(Certificate {
        cert_pem,
        key_pem,
        fingerprint,
    })
}

pub(crate) fn create(dir: &Path) -> Result<()> {
    let failed = |e: rcgen::Error| StoreError::Io {
        path: dir.join(CERT_FILE).display().to_string(),
        detail: e.to_string(),
    };
    let mut params = CertificateParams::new(vec!["localhost".to_string()]).map_err(failed)?;
    let mut addresses = vec![IpAddr::V4(Ipv4Addr::LOCALHOST)];
    addresses.extend(lan_address());
    params
        .subject_alt_names
        .extend(addresses.into_iter().map(SanType::IpAddress));
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "Dala");
    params.not_after = rcgen::date_time_ymd(2036, 12, 31);
    let key = KeyPair::generate().map_err(failed)?;
    let cert = params.self_signed(&key).map_err(failed)?;
    write_private(&dir.join(KEY_FILE), &Zeroizing::new(key.serialize_pem()))?;
    let path = dir.join(CERT_FILE);
    fs::write(&path, cert.pem()).map_err(|e| StoreError::io(&path, e))
}

/// The address this machine uses on its LAN: the one a socket would send from (nothing is sent).
fn lan_address() -> Option<IpAddr> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    socket.connect((Ipv4Addr::new(10, 255, 255, 255), 9)).ok()?;
    Some(socket.local_addr().ok()?.ip()).filter(|ip| !ip.is_loopback() && !ip.is_unspecified())
}

fn write_private(path: &Path, text: &str) -> Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(|e| StoreError::io(path, e))?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(|e| StoreError::io(path, e))
}

fn fingerprint(cert_pem: &str) -> Result<String> {
    Ok(der_hash(cert_pem)?
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":"))
}

/// SHA-256 of this folder's certificate as devices pin it: what a main machine states to a
/// laptop enrolling over the LAN, which the laptop compares with the certificate it saw.
pub fn certificate_hash(dir: &Path) -> Result<[u8; 32]> {
    der_hash(&certificate(dir)?.cert_pem)
}

fn der_hash(cert_pem: &str) -> Result<[u8; 32]> {
    let corrupt = || StoreError::Io {
        path: CERT_FILE.into(),
        detail: "not a PEM certificate".into(),
    };
    let body: String = cert_pem
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    let der = data_encoding::BASE64
        .decode(body.trim().as_bytes())
        .map_err(|_| corrupt())?;
    Ok(Sha256::digest(&der).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_certificate_is_made_once_and_its_key_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let first = certificate(dir.path()).unwrap();
        let again = certificate(dir.path()).unwrap();
        assert_eq!(first.fingerprint, again.fingerprint);
        assert_eq!(first.fingerprint.split(':').count(), 32);
        assert!(first.cert_pem.starts_with("-----BEGIN CERTIFICATE-----"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(dir.path().join(KEY_FILE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
