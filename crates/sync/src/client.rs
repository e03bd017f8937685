//! The HTTP link to a hub or to the school's main machine: reqwest over rustls. Neither has a
//! certificate a public authority signed (a village LAN cannot have one), so the client pins the
//! certificate by its hash instead: at enrolment it records the one it saw and keeps it only if
//! the hub's signed answer names the same hash. Plain HTTP is allowed on loopback only.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use sha2::{Digest, Sha256};

use crate::error::{Result, SyncError};
use crate::message::Hash;
use crate::session::Transport;

/// The path every sync request is posted to, on the hub and on a school's main machine.
pub const SYNC_PATH: &str = "/sync/v1";

pub struct HttpTransport {
    client: reqwest::blocking::Client,
    url: String,
    seen: Arc<Mutex<Option<Hash>>>,
}

impl HttpTransport {
    /// A link to `base` (`https://hub.example:8443`), pinned to a certificate hash once known.
    pub fn new(base: &str, pinned: Option<Hash>) -> Result<HttpTransport> {
        let url = reqwest::Url::parse(base).map_err(|e| SyncError::Offline {
            detail: format!("{base}: {e}"),
        })?;
        let seen = Arc::new(Mutex::new(None));
        if !(url.scheme() == "https" || url.scheme() == "http" && is_loopback(&url)) {
            return Err(SyncError::Offline {
                detail: format!("{base}: only https, or http on this computer"),
            });
        }
        // Our own TLS settings even for http: reqwest would otherwise look for a process-wide
        // crypto provider, and none is installed.
        let builder = reqwest::blocking::Client::builder()
            .connect_timeout(Duration::from_secs(20))
            .timeout(Duration::from_secs(300))
            .no_proxy()
            .use_preconfigured_tls(tls_config(pinned, seen.clone())?);
        let client = builder.build().map_err(|e| SyncError::Offline {
            detail: e.to_string(),
        })?;
        Ok(HttpTransport {
            client,
            url: format!("{}{SYNC_PATH}", base.trim_end_matches('/')),
            seen,
        })
    }
}

fn is_loopback(url: &reqwest::Url) -> bool {
    let host = url.host_str().unwrap_or_default();
    let ip = host.trim_start_matches('[').trim_end_matches(']');
    host == "localhost"
        || ip
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

impl Transport for HttpTransport {
    /// The hash of the certificate the peer showed, after a request over https.
    fn seen_certificate(&self) -> Option<Hash> {
        *self.seen.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn exchange(&mut self, request: Vec<u8>) -> Result<Vec<u8>> {
        let response = self
            .client
            .post(&self.url)
            .header("content-type", "application/octet-stream")
            .body(request)
            .send()
            .map_err(|e| SyncError::Offline {
                detail: describe(&e),
            })?;
        let status = response.status();
        let body = response.bytes().map_err(|e| SyncError::Offline {
            detail: describe(&e),
        })?;
        if !status.is_success() {
            let detail: String = String::from_utf8_lossy(&body).chars().take(200).collect();
            return Err(SyncError::Refused {
                status: status.as_u16(),
                detail,
            });
        }
        Ok(body.to_vec())
    }
}

/// reqwest's error with its causes: "error sending request" alone tells nobody anything.
fn describe(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

fn tls_config(
    pinned: Option<Hash>,
    seen: Arc<Mutex<Option<Hash>>>,
) -> Result<rustls::ClientConfig> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = PinnedCertificate {
        pinned,
        seen,
        provider: provider.clone(),
    };
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| SyncError::Offline {
            detail: e.to_string(),
        })?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    Ok(config)
}

#[derive(Debug)]
struct PinnedCertificate {
    pinned: Option<Hash>,
    seen: Arc<Mutex<Option<Hash>>>,
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for PinnedCertificate {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        let hash: Hash = Sha256::digest(end_entity.as_ref()).into();
        *self.seen.lock().unwrap_or_else(|p| p.into_inner()) = Some(hash);
        match self.pinned {
            Some(pinned) if pinned != hash => Err(rustls::Error::General(
                "the certificate differs from the one recorded at enrolment".into(),
            )),
            _ => Ok(ServerCertVerified::assertion()),
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}
