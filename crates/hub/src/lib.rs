//! dala-hub: the central server of a district or region. Schools sync with it over HTTPS or
//! bring bundles; it keeps each organisation's documents, announces the fixation and reports.
//! The binary `dala-hub` is a thin command line over this library.

pub mod bundle;
pub mod districts;
mod error;
mod hub;
pub mod report;
pub mod snapshot;
pub mod sync;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{NaiveDate, Utc};
use sqlx::Row;

pub use error::{HubError, Result};
pub use hub::Hub;

/// The hub's answer to every sync request, on `SYNC_PATH`.
pub fn router(hub: Arc<Hub>) -> Router {
    Router::new()
        .route(dala_sync::SYNC_PATH, post(sync_request))
        .route("/reports", get(districts::report_request))
        .layer(DefaultBodyLimit::max(256 << 20))
        .with_state(hub)
}

/// Plain HTTP on 127.0.0.1: for tests and load tests on this computer only.
pub async fn serve_loopback(hub: Hub, listener: tokio::net::TcpListener) -> Result<()> {
    axum::serve(listener, router(Arc::new(hub)))
        .await
        .map_err(|e| HubError::Invalid(e.to_string()))
}

/// HTTPS on every address with the hub's self-signed certificate, whose hash devices pin at
/// enrolment.
pub async fn serve_tls(
    mut hub: Hub,
    port: u16,
    ready: impl FnOnce(SocketAddr, &Hub),
) -> Result<()> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let certificate =
        dala_store::tls::certificate(&hub.dir).map_err(|e| HubError::Invalid(e.to_string()))?;
    hub.tls = Some(certificate_hash(&certificate.fingerprint)?);
    let config = axum_server::tls_rustls::RustlsConfig::from_pem(
        certificate.cert_pem.into_bytes(),
        certificate.key_pem.as_bytes().to_vec(),
    )
    .await
    .map_err(|e| HubError::io(&hub.dir, e))?;
    let address = SocketAddr::from((Ipv4Addr::UNSPECIFIED, port));
    ready(address, &hub);
    axum_server::bind_rustls(address, config)
        .serve(router(Arc::new(hub)).into_make_service())
        .await
        .map_err(|e| HubError::Invalid(e.to_string()))
}

/// The certificate's SHA-256 from its fingerprint's hex pairs.
fn certificate_hash(fingerprint: &str) -> Result<dala_sync::Hash> {
    let bytes =
        hex::decode(fingerprint.replace(':', "")).map_err(|e| HubError::Invalid(e.to_string()))?;
    bytes
        .try_into()
        .map_err(|_| HubError::Invalid("certificate fingerprint".into()))
}

async fn sync_request(State(hub): State<Arc<Hub>>, body: Bytes) -> Response {
    match sync::answer(&hub, &body, Utc::now()).await {
        Ok(bytes) => ([("content-type", "application/octet-stream")], bytes).into_response(),
        Err(e) => (StatusCode::BAD_REQUEST, format!("{}: {e}", e.code())).into_response(),
    }
}

/// The archive of a fixation date: each organisation's document heads, as JSON.
pub async fn archive_json(hub: &Hub, date: NaiveDate) -> Result<serde_json::Value> {
    let rows = sqlx::query(
        "SELECT o.name, a.doc_key, a.heads FROM hub_archive a JOIN hub_orgs o ON o.id = a.org
         WHERE a.date = $1 ORDER BY o.name, a.doc_key",
    )
    .bind(date.to_string())
    .fetch_all(&hub.pool)
    .await?;
    let mut entries = Vec::new();
    for row in rows {
        let heads: Vec<u8> = row.try_get(2)?;
        entries.push(serde_json::json!({
            "organisation": row.try_get::<String, _>(0)?,
            "doc": row.try_get::<String, _>(1)?,
            "heads": hub::split_heads(&heads).iter().map(hex::encode).collect::<Vec<_>>(),
        }));
    }
    Ok(serde_json::json!({ "date": date.to_string(), "documents": entries }))
}

/// Writes the archive of a fixation date to a file.
pub async fn export_archive(hub: &Hub, date: NaiveDate, path: &Path) -> Result<()> {
    let json = archive_json(hub, date).await?;
    std::fs::write(path, json.to_string()).map_err(|e| HubError::io(path, e))
}
