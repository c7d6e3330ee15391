//! mc-gateway: the local stack's single base URL, shaped like a Supabase project.
//!
//! - `/rest/v1/*`: a PostgREST-compatible server (the `postrust-server` crate, in PostgREST
//!   compatibility mode), after the request normalisation in [`normalize`].
//! - `/auth/v1/*`: the auth stand-in in [`auth`] (GoTrue cannot be built here; see README).
//! - every route requires the `apikey` header (or query parameter), like Supabase's API gateway,
//!   and every response answers CORS so that pages on another origin can call it.
//!
//! On start it writes `MC_STACK_ENV` (URL, anon and service_role keys) for tests and the playground.

mod auth;
mod counts;
mod gate;
mod limits;
mod normalize;
mod oidc;

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use axum::routing::{any, get};
use axum::Router;

/// Settings read from the environment (the stack script sets them).
pub struct Config {
    pub port: u16,
    pub rest_db_url: String,
    pub auth_db_url: String,
    pub jwt_secret: String,
    pub jwt_exp: i64,
    pub env_file: Option<String>,
    pub anonymous_sign_ins: bool,
    pub refresh_reuse_interval: i64,
    pub min_password_length: usize,
    /// Where emailed links land when their `redirect_to` is not allowed (GoTrue's SITE_URL).
    pub site_url: String,
    /// With GoTrue's SECURITY_UPDATE_PASSWORD_REQUIRE_REAUTHENTICATION on: a session older than
    /// this many seconds (GoTrue: 24 h) needs a reauthentication nonce to change the password.
    pub reauthenticate_after: Option<i64>,
    /// Where the ES256 signing keys are kept (MC_AUTH_SIGNING_KEYS); without it, access
    /// tokens are HS256 with the JWT secret (a legacy project).
    pub signing_keys: Option<String>,
    /// GOTRUE_EXTERNAL_KEYCLOAK_URL: the OpenID Connect realm of the `keycloak` provider
    /// (MC_AUTH_EXTERNAL_KEYCLOAK_URL; `local` for the gateway's own test realm, `/oidc`).
    pub keycloak_url: Option<String>,
    /// GOTRUE_EXTERNAL_KEYCLOAK_CLIENT_ID.
    pub keycloak_client_id: String,
    /// GOTRUE_EXTERNAL_KEYCLOAK_SECRET.
    pub keycloak_secret: String,
    /// GOTRUE_SECURITY_MANUAL_LINKING_ENABLED (false by default, as GoTrue's).
    pub manual_linking: bool,
}

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

impl Config {
    fn from_env() -> anyhow::Result<Self> {
        Ok(Config {
            port: env_or("MC_PORT", "54321").parse().context("MC_PORT")?,
            rest_db_url: std::env::var("MC_REST_DB_URL").context("MC_REST_DB_URL is required")?,
            auth_db_url: std::env::var("MC_AUTH_DB_URL").context("MC_AUTH_DB_URL is required")?,
            jwt_secret: std::env::var("MC_JWT_SECRET").context("MC_JWT_SECRET is required")?,
            jwt_exp: env_or("MC_JWT_EXP", "3600").parse().context("MC_JWT_EXP")?,
            env_file: std::env::var("MC_STACK_ENV").ok(),
            // Supabase's default: anonymous sign-ins off until the project turns them on.
            anonymous_sign_ins: env_or("MC_AUTH_ANONYMOUS", "false") == "true",
            refresh_reuse_interval: env_or("MC_REFRESH_REUSE_INTERVAL", "10").parse()?,
            min_password_length: env_or("MC_PASSWORD_MIN_LENGTH", "6").parse()?,
            site_url: env_or("MC_AUTH_SITE_URL", "http://127.0.0.1:3000"),
            signing_keys: std::env::var("MC_AUTH_SIGNING_KEYS")
                .ok()
                .filter(|p| !p.is_empty()),
            keycloak_url: match std::env::var("MC_AUTH_EXTERNAL_KEYCLOAK_URL")
                .ok()
                .filter(|u| !u.is_empty())
            {
                Some(u) if u == "local" => Some(format!(
                    "http://127.0.0.1:{}{}",
                    env_or("MC_PORT", "54321"),
                    oidc::REALM_PATH
                )),
                other => other,
            },
            keycloak_client_id: env_or("MC_AUTH_EXTERNAL_KEYCLOAK_CLIENT_ID", oidc::CLIENT_ID),
            keycloak_secret: env_or("MC_AUTH_EXTERNAL_KEYCLOAK_SECRET", oidc::CLIENT_SECRET),
            manual_linking: env_or("MC_AUTH_MANUAL_LINKING", "false") == "true",
            reauthenticate_after: match std::env::var("MC_AUTH_REAUTHENTICATE_AFTER") {
                Ok(v) => Some(v.parse().context("MC_AUTH_REAUTHENTICATE_AFTER")?),
                Err(_) => None,
            },
        })
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "mc_gateway=info,postrust=warn".into()),
        )
        .init();
    let cfg = Config::from_env()?;
    let keys = gate::Keys::mint(&cfg.jwt_secret)?;

    // Bind first, so that a taken port is reported before anything else starts.
    let addr = SocketAddr::from(([127, 0, 0, 1], cfg.port));
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
        anyhow::anyhow!(
            "cannot listen on {addr}: {e} (is another stack or program using port {}?)",
            cfg.port
        )
    })?;

    // The PostgREST-compatible server, configured the way Supabase configures PostgREST.
    std::env::set_var("PGRST_DB_URI", &cfg.rest_db_url);
    std::env::set_var("PGRST_DB_SCHEMAS", "public,mc_test");
    std::env::set_var("PGRST_DB_ANON_ROLE", "anon");
    std::env::set_var("PGRST_JWT_SECRET", &cfg.jwt_secret);
    // With signing keys, users' tokens are ES256: the gateway verifies them and hands the REST
    // server an HS256 copy (gate::hand_over_token).
    std::env::set_var("PGRST_COMPAT_MODE", "true");
    std::env::set_var("PGRST_DB_MAX_ROWS", gate::MAX_ROWS.to_string());
    // Supabase's statement timeouts for the API roles (also set on the roles themselves).
    std::env::set_var(
        "PGRST_ROLE_SETTINGS",
        r#"{"anon":{"statement_timeout":3000},"authenticated":{"statement_timeout":8000}}"#,
    );
    std::env::set_var("PGRST_DB_POOL_TIMEOUT", "3");
    let rest_config = postrust_core::AppConfig::try_from_env()?;
    // A second instance without the row ceiling answers the requests with embedded counts
    // (see `counts`): the counted rows must all arrive; the gateway puts the ceiling back on
    // everything else such a request reads.
    let mut uncapped_config = rest_config.clone();
    uncapped_config.db_max_rows = None;
    let rest = postrust_server::build(rest_config, postrust_server::Host::SERVER)
        .await
        .context("starting the REST server (is PostgreSQL up and migrated?)")?
        .router;
    let rest_uncapped = postrust_server::build(uncapped_config, postrust_server::Host::SERVER)
        .await
        .context("starting the REST server for embedded counts")?
        .router;

    let auth_state = auth::AuthState::connect(&cfg, &keys).await?;
    let db = limits::DbWatch::start(&cfg.rest_db_url);
    let state = Arc::new(gate::GatewayState {
        keys: keys.clone(),
        signing: auth_state.keys.clone(),
        rest,
        rest_uncapped,
        secret: cfg.jwt_secret.clone(),
        db,
    });

    let app = Router::new()
        .route("/rest/v1", any(gate::rest))
        .route("/rest/v1/", any(gate::rest))
        .route("/rest/v1/{*path}", any(gate::rest))
        .nest("/auth/v1", auth::router(auth_state))
        .nest(
            oidc::REALM_PATH,
            oidc::router(oidc::Provider::new(cfg.port)?),
        )
        .with_state(state.clone())
        .route("/health", get(|| async { "ok" }))
        .layer(axum::middleware::from_fn_with_state(state, gate::gate));

    if let Some(path) = &cfg.env_file {
        let url = format!("http://127.0.0.1:{}", cfg.port);
        let body = format!(
            "MC_URL={url}\nMC_ANON_KEY={}\nMC_SERVICE_KEY={}\nMC_JWT_SECRET={}\n",
            keys.anon, keys.service, cfg.jwt_secret
        );
        // The JWT secret and the service_role key: readable by this user only.
        use std::io::Write as _;
        use std::os::unix::fs::OpenOptionsExt as _;
        let _ = std::fs::remove_file(path);
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .and_then(|mut f| f.write_all(body.as_bytes()))
            .with_context(|| format!("writing {path}"))?;
    }
    tracing::info!("mc-gateway listening on http://{addr}");
    let app = app.into_make_service_with_connect_info::<limits::ClientAddr>();
    axum::serve(postrust_server::lenient_uri::LenientListener(listener), app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
