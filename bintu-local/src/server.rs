//! Starts bintu-local: opens the database, seeds the demo organisation on first start, binds
//! the HTTP listener and assembles API, media and console behind one origin.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tower_http::cors::{Any, CorsLayer};
use tower_http::trace::TraceLayer;

use crate::config::Config;
use crate::db::{orgs, sessions, Db};
use crate::ingest::Ingest;
use crate::live::LiveControl;
use crate::{api, page_headers, public_url, storage, web};

/// Everything a handler needs, cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    /// `http://host:port` as clients reach this server when a request names no host (see
    /// `public_url::current` for the URLs handed out to a request).
    pub public_base: Arc<str>,
    /// `rtmp://host:port/live`, the ingest URL for a request that names no host.
    pub rtmp_base: Arc<str>,
    /// Where the HTTP and RTMP listeners are bound.
    pub http_addr: SocketAddr,
    pub rtmp_addr: SocketAddr,
    /// Live publishes and their stop signals.
    pub live: LiveControl,
}

/// A running server. Dropping it does not stop it; call `shutdown`.
pub struct Running {
    pub http_addr: SocketAddr,
    /// Where the RTMP ingest listens (`rtmp://<rtmp_addr>/live/<name>`).
    pub rtmp_addr: SocketAddr,
    ingest: Ingest,
    pub state: AppState,
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Running {
    pub fn base_url(&self) -> String {
        format!("http://{}", self.http_addr)
    }

    /// Stops accepting, ends live publishes (ffmpeg finalises MP4s and playlists, no child
    /// outlives the server), lets in-flight requests finish, and waits for the server task.
    pub async fn shutdown(self) {
        self.ingest.shutdown().await;
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }
}

/// Opens the data directory, seeds the demo organisation if there is none, and serves.
pub async fn serve(config: Config) -> anyhow::Result<Running> {
    std::fs::create_dir_all(config.media_dir())?;
    let db = Db::open(&config.db_path())?;
    {
        let mut conn = db.lock();
        if orgs::demo_org(&conn)?.is_none() {
            let org = orgs::create_org(&mut conn, "Demo Organisation", true, true)?;
            tracing::info!(org = %org.name, hash = %org.hash, "seeded demo organisation");
        }
        // Nothing is being ingested at start-up: close what a crash left live.
        let recovered = sessions::recover_after_restart(&conn)?;
        if recovered > 0 {
            tracing::info!(
                streams = recovered,
                "ended streams left live by a previous run"
            );
        }
    }
    // Recordings a crash left unfinished are finalised and listed before anything is served.
    crate::engine::recover::run(&db, &config.media_dir(), &config.data_dir.join("work")).await;
    let listener = TcpListener::bind((config.host, config.port)).await?;
    let http_addr = listener.local_addr()?;
    // Bound before the state so `rtmp_base` carries the real port when rtmp_port is 0.
    let rtmp_listener = TcpListener::bind((config.host, config.rtmp_port)).await?;
    let rtmp_addr = rtmp_listener.local_addr()?;
    let bases = public_url::for_request(config.public_url.as_deref(), None, http_addr, rtmp_addr);
    let state = AppState {
        db,
        public_base: bases.http.into(),
        rtmp_base: bases.rtmp.into(),
        http_addr,
        rtmp_addr,
        config: Arc::new(config),
        live: LiveControl::default(),
    };
    let ingest = Ingest::start(rtmp_listener, state.clone())?;
    let c = &state.config;
    storage::spawn(
        state.db.clone(),
        c.media_dir(),
        c.retention.clone(),
        c.retention_every,
    );
    let app = app(state.clone());
    let (stop, stopped) = watch::channel(false);
    let limits = state.config.limits.clone();
    let task = tokio::spawn(crate::http::serve(listener, app, limits, stopped));
    Ok(Running {
        http_addr,
        rtmp_addr,
        ingest,
        state,
        stop,
        task,
    })
}

/// The whole HTTP surface: API (with SPA negotiation), `/vod` media, console files.
pub fn app(state: AppState) -> Router {
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([
            axum::http::Method::GET,
            axum::http::Method::POST,
            axum::http::Method::PUT,
            axum::http::Method::DELETE,
        ])
        .allow_headers([
            axum::http::header::CONTENT_TYPE,
            axum::http::header::ACCEPT,
            axum::http::HeaderName::from_static(api::auth::APIKEY_HEADER),
            axum::http::HeaderName::from_static(api::auth::TOKEN_HEADER),
        ]);
    let limit = state.config.body_limit;
    api::router()
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            web::spa_navigation,
        ))
        .nest(contract::media::VOD, Router::new().fallback(web::media))
        .fallback(web::fallback)
        .layer(DefaultBodyLimit::max(limit))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            public_url::scope,
        ))
        .layer(page_headers::nosniff())
        .layer(cors)
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
