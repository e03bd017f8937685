//! `dala serve`: the API and the built UI to browsers. Plain HTTP on loopback for a browser on
//! this computer; with `--lan`, every address of the machine over TLS, with the certificate made
//! at set-up and its fingerprint printed so that users can check what their browser shows (R11).
//! The desktop window reaches the same Router without any port. The store stays locked until
//! someone logs in. With `--lan` the laptops enrolled here (`dala sync lan-code`) sync with this
//! machine at `dala_sync::SYNC_PATH` while its store is open.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};

use axum::Router;
use axum_server::tls_rustls::RustlsConfig;
use dala_api::{ApiState, router};
use dala_i18n::{Lang, text};
use tower_http::services::{ServeDir, ServeFile};

use crate::error::CliError;

pub fn run(dir: PathBuf, port: u16, ui: PathBuf, lan: bool, lang: Lang) -> Result<(), CliError> {
    if !dir.join(dala_store::SLOTS_FILE).exists() && !dir.join(dala_store::DB_FILE).exists() {
        // An empty folder is fine: the first-run wizard sets it up. A missing one is made.
        std::fs::create_dir_all(&dir).map_err(|e| CliError::io(&dir, e))?;
    }
    let runtime = tokio::runtime::Runtime::new().map_err(|e| CliError::io(&dir, e))?;
    let index = ui.join("index.html");
    if !index.exists() {
        let path = ui.display().to_string();
        eprintln!(
            "{}",
            text(lang, "cli-serve-no-ui", &[("path", path.as_str().into())])
        );
    }
    let state = ApiState::new(dir.clone());
    // Over TLS on every address the school's laptops reach this machine, and sync with it.
    let state = if lan { state.serving_lan() } else { state };
    let app = router(state).fallback_service(ServeDir::new(&ui).fallback(ServeFile::new(&index)));
    if lan {
        runtime.block_on(serve_lan(&dir, port, app, lang))
    } else {
        runtime.block_on(serve_local(&dir, port, app, lang))
    }
}

async fn serve_local(dir: &Path, port: u16, app: Router, lang: Lang) -> Result<(), CliError> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|e| CliError::Usage(format!("{address}: {e}")))?;
    let url = format!("http://{address}/");
    println!(
        "{}",
        text(lang, "cli-serve-listening", &[("url", url.as_str().into())])
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| CliError::io(dir, e))
}

async fn serve_lan(dir: &Path, port: u16, app: Router, lang: Lang) -> Result<(), CliError> {
    // One process, one crypto provider; a second install (never here) would only be refused.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let certificate = dala_store::tls::certificate(dir)?;
    let config = RustlsConfig::from_pem(
        certificate.cert_pem.into_bytes(),
        certificate.key_pem.as_bytes().to_vec(),
    )
    .await
    .map_err(|e| CliError::io(&dir.join(dala_store::tls::CERT_FILE), e))?;
    let address = SocketAddr::from((Ipv4Addr::UNSPECIFIED, port));
    let url = format!("https://{}:{port}/", lan_name());
    println!(
        "{}",
        text(lang, "cli-serve-listening", &[("url", url.as_str().into())])
    );
    let fingerprint = certificate.fingerprint.as_str();
    println!(
        "{}",
        text(
            lang,
            "cli-serve-fingerprint",
            &[("fingerprint", fingerprint.into())]
        )
    );
    axum_server::bind_rustls(address, config)
        .serve(app.into_make_service())
        .await
        .map_err(|e| CliError::io(dir, e))
}

/// The address other devices reach this machine at, for the message; `localhost` if unknown.
fn lan_name() -> String {
    let socket = std::net::UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok();
    socket
        .and_then(|s| {
            s.connect((Ipv4Addr::new(10, 255, 255, 255), 9))
                .ok()
                .map(|_| s)
        })
        .and_then(|s| s.local_addr().ok())
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "localhost".into())
}
