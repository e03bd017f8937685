//! dala-desktop: one window, and the `dala://` scheme that feeds it. `/api/…` requests go to the
//! same dala-api Router that `dala serve` puts on the LAN, called in-process through tower's
//! `oneshot`; every other path is a file of the built UI. So the window and a LAN browser run the
//! same code behind the same relative URLs, and the desktop opens no TCP port another program
//! could reach. The web view gets no IPC commands and no plugin permissions (R5.3): the scheme is
//! its only way into Rust. No rule lives here.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::PathBuf;

use axum::Router;
use axum::body::Body;
use dala_api::{ApiState, router};
use tauri::http::{self, HeaderValue, Request, Response, StatusCode, header};
use tauri::{AppHandle, Manager, UriSchemeContext, UriSchemeResponder, WebviewUrl};
use tower::ServiceExt;

const SCHEME: &str = "dala";

fn main() {
    let run = tauri::Builder::default()
        // A second launch brings the running window forward: two processes on one data folder
        // would each hold the store's key and race on its writes.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .register_asynchronous_uri_scheme_protocol(SCHEME, answer)
        .setup(|app| {
            let dir = data_dir(app.handle())?;
            std::fs::create_dir_all(&dir)
                .map_err(|e| format!("while creating the data folder {}: {e}", dir.display()))?;
            app.manage(router(ApiState::new(dir)));
            open_window(app.handle())?;
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(error) = run {
        eprintln!("dala-desktop: {error}");
        std::process::exit(1);
    }
}

/// `DALA_DATA` when set (tests, a school that keeps its data on another disk), else the
/// platform's per-user app-data folder.
fn data_dir(app: &AppHandle) -> Result<PathBuf, String> {
    match std::env::var_os("DALA_DATA") {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => app
            .path()
            .app_data_dir()
            .map_err(|e| format!("while finding the app-data folder: {e}")),
    }
}

/// The window of tauri.conf.json, pointed at the scheme instead of Tauri's own asset protocol.
fn open_window(app: &AppHandle) -> tauri::Result<()> {
    let mut config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == "main")
        .cloned()
        .unwrap_or_default();
    config.url = WebviewUrl::CustomProtocol(home_url());
    tauri::WebviewWindowBuilder::from_config(app, &config)?.build()?;
    Ok(())
}

/// Where wry serves a custom scheme: `dala://localhost/` on Linux and macOS; Windows (WebView2)
/// and Android reach custom schemes only as `http://dala.localhost/`.
fn home_url() -> tauri::Url {
    let url = if cfg!(any(windows, target_os = "android")) {
        format!("http://{SCHEME}.localhost/")
    } else {
        format!("{SCHEME}://localhost/")
    };
    url.parse().expect("a constant URL")
}

fn answer(
    ctx: UriSchemeContext<'_, tauri::Wry>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    // The handler runs on the UI thread; the API's work (argon2id at login, SQLCipher) must not.
    tauri::async_runtime::spawn(async move {
        let response = if request.uri().path().starts_with("/api/") {
            match app.try_state::<Router>() {
                Some(api) => call_api(api.inner().clone(), request).await,
                None => plain(StatusCode::SERVICE_UNAVAILABLE, "starting"),
            }
        } else {
            ui_file(&app, request.uri().path())
        };
        responder.respond(response);
    });
}

/// One request through the Router, as a server would hand it over: method, headers, body, and the
/// URI reduced to its path and query.
async fn call_api(api: Router, request: Request<Vec<u8>>) -> Response<Vec<u8>> {
    let (mut parts, body) = request.into_parts();
    let path = parts
        .uri
        .path_and_query()
        .map_or("/", http::uri::PathAndQuery::as_str);
    parts.uri = match path.parse() {
        Ok(uri) => uri,
        Err(_) => return plain(StatusCode::BAD_REQUEST, "bad URI"),
    };
    let response = match api
        .oneshot(Request::from_parts(parts, Body::from(body)))
        .await
    {
        Ok(response) => response,
        Err(never) => match never {},
    };
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => Response::from_parts(parts, bytes.to_vec()),
        Err(e) => plain(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// A file of the built UI; paths the UI does not have get index.html. With `custom-protocol` the
/// resolver also carries the CSP of tauri.conf.json, with the hashes of the bundled scripts.
fn ui_file(app: &AppHandle, path: &str) -> Response<Vec<u8>> {
    let resolver = app.asset_resolver();
    // A build without `custom-protocol` reads ui/dist from disk and has no such fallback.
    let found = resolver
        .get(path.to_owned())
        .or_else(|| resolver.get("index.html".to_owned()));
    let Some(asset) = found else {
        return plain(StatusCode::NOT_FOUND, "not found");
    };
    // That build gets no CSP from the resolver either: give it the configured one, so a page that
    // breaks the policy breaks in development too.
    let csp = asset.csp_header.or_else(|| {
        let configured = app.config().app.security.csp.as_ref()?;
        (asset.mime_type == "text/html").then(|| configured.to_string())
    });
    let mut response = Response::new(asset.bytes);
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&asset.mime_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    if let Some(value) = csp.and_then(|csp| HeaderValue::from_str(&csp).ok()) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

fn plain(status: StatusCode, text: &str) -> Response<Vec<u8>> {
    let mut response = Response::new(text.as_bytes().to_vec());
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}
