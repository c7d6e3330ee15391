//! GoTrue (`/auth/v1`): sign-up and sign-in, the session, where it is kept, how it is refreshed,
//! and the events that tell the app about it — the way supabase-js does it, so both can share
//! one login.

/// What the platform adds: in the browser the refresh tick, tabs sharing one session, page
/// visibility and Web Locks; elsewhere the same names doing what is left.
#[cfg_attr(target_arch = "wasm32", path = "browser.rs")]
#[cfg_attr(not(target_arch = "wasm32"), path = "native.rs")]
mod browser;
mod claims;
mod errors;
pub mod flow;
mod flows;
mod mfa;
mod oauth;
pub mod pkce;
pub mod plan;
mod session;
pub mod step;
mod storage;

pub use crate::runtime::{base64url_decode, base64url_encode};
pub use claims::{decode_jwt, Audience, AuthMethod, Jwt, JwtClaims};
pub use errors::{ends_session, from_answer};
pub use flows::{cleaned_url, parse_callback, Callback, ResendType};
pub use mfa::{
    assurance_level, enrolled as mfa_enrolled, list_factors, AssuranceLevel, Challenge, Enrollment,
    Factor, Factors, Totp,
};
pub use oauth::{Identity, OAuthOptions};
pub use session::{is_service_key, storage_key, Session, User};
pub use step::{Bearer, Call, Decision, Then};
pub use storage::Storage;

/// Turns the browser's auto-refresh tick on or off (no-op elsewhere).
pub fn set_auto_refresh(client: &AuthClient, on: bool) {
    browser::set_auto_refresh(client, on);
}

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use serde_json::{json, Value};

use flow::{Effect, Flow, Reply, Step};

use crate::error::{Error, ErrorCode, Violation};
use crate::http::Transport;

/// What happened to the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AuthEvent {
    /// The session a new subscriber starts from (null when signed out).
    InitialSession,
    /// A session began (sign-in, sign-up with autoconfirm, a verified code).
    SignedIn,
    /// The session ended (sign-out, or a refresh the server refused).
    SignedOut,
    /// The access token was refreshed.
    TokenRefreshed,
    /// The user's email, password or metadata changed.
    UserUpdated,
    /// A recovery code was verified: the app should ask for a new password.
    PasswordRecovery,
    /// A second factor was verified: the session is now `aal2`.
    MfaChallengeVerified,
}

impl AuthEvent {
    /// supabase-js's name of the event.
    pub fn as_str(self) -> &'static str {
        match self {
            AuthEvent::InitialSession => "INITIAL_SESSION",
            AuthEvent::SignedIn => "SIGNED_IN",
            AuthEvent::SignedOut => "SIGNED_OUT",
            AuthEvent::TokenRefreshed => "TOKEN_REFRESHED",
            AuthEvent::UserUpdated => "USER_UPDATED",
            AuthEvent::PasswordRecovery => "PASSWORD_RECOVERY",
            AuthEvent::MfaChallengeVerified => "MFA_CHALLENGE_VERIFIED",
        }
    }

    /// The event called `name`.
    pub fn parse(name: &str) -> Option<AuthEvent> {
        AuthEvent::ALL.iter().copied().find(|e| e.as_str() == name)
    }

    /// Every event.
    pub const ALL: &'static [AuthEvent] = &[
        AuthEvent::InitialSession,
        AuthEvent::SignedIn,
        AuthEvent::SignedOut,
        AuthEvent::TokenRefreshed,
        AuthEvent::UserUpdated,
        AuthEvent::PasswordRecovery,
        AuthEvent::MfaChallengeVerified,
    ];
}

/// Which sessions `signOut` ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SignOutScope {
    /// Every session of the user.
    #[default]
    Global,
    /// This one.
    Local,
    /// Every other one.
    Others,
}

impl SignOutScope {
    /// Every scope.
    pub const ALL: &'static [SignOutScope] = &[
        SignOutScope::Global,
        SignOutScope::Local,
        SignOutScope::Others,
    ];

    /// The scope as GoTrue spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            SignOutScope::Global => "global",
            SignOutScope::Local => "local",
            SignOutScope::Others => "others",
        }
    }
}

/// The kind of one-time code `verifyOtp` exchanges (every type GoTrue accepts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OtpType {
    /// A code from `signInWithOtp`.
    Email,
    /// The code that confirms a sign-up.
    Signup,
    /// A magic-link code.
    Magiclink,
    /// A password-recovery code.
    Recovery,
    /// An invitation code.
    Invite,
    /// The code that confirms an email change.
    EmailChange,
    /// A texted code.
    Sms,
    /// The code that confirms a phone change.
    PhoneChange,
}

impl OtpType {
    /// Every type.
    pub const ALL: &'static [OtpType] = &[
        OtpType::Email,
        OtpType::Signup,
        OtpType::Magiclink,
        OtpType::Recovery,
        OtpType::Invite,
        OtpType::EmailChange,
        OtpType::Sms,
        OtpType::PhoneChange,
    ];

    /// The type as GoTrue spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            OtpType::Email => "email",
            OtpType::Signup => "signup",
            OtpType::Magiclink => "magiclink",
            OtpType::Recovery => "recovery",
            OtpType::Invite => "invite",
            OtpType::EmailChange => "email_change",
            OtpType::Sms => "sms",
            OtpType::PhoneChange => "phone_change",
        }
    }
}

/// A subscriber to auth events.
pub type Listener = Rc<dyn Fn(AuthEvent, Option<&Session>)>;

/// Options of the auth client (supabase-js's `auth` options).
#[derive(Clone)]
pub struct AuthOptions {
    /// Where the session is kept.
    pub storage: Storage,
    /// Defaults to supabase-js's `sb-<first label of the host>-auth-token`.
    pub storage_key: Option<String>,
    /// Whether the session is kept in `storage` at all (false: memory only).
    pub persist_session: bool,
    /// Whether the session is refreshed before it expires.
    pub auto_refresh_token: bool,
    /// The refresh tick (30 s).
    pub tick_ms: u32,
    /// Refresh when this many ticks or fewer remain before expiry (3).
    pub margin_ticks: u32,
    /// Give up on an auth request after this long (10 s): a refresh must never hang.
    pub request_timeout_ms: u32,
    /// How emailed links and OAuth redirects hand the session over (implicit by default).
    pub flow_type: FlowType,
    /// In the browser, when the client starts: finish a sign-in whose redirect landed on this
    /// page (the implicit flow's `#access_token=…` or PKCE's `?code=…`) and clean the URL (true).
    pub detect_session_in_url: bool,
}

/// supabase-js's `flowType`: how a redirect hands the session to the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FlowType {
    /// The tokens come in the redirect's URL fragment.
    #[default]
    Implicit,
    /// The redirect brings a one-time `code` that only the client holding the code verifier
    /// can exchange for a session (RFC 7636).
    Pkce,
}

impl FlowType {
    /// Every flow.
    pub const ALL: &'static [FlowType] = &[FlowType::Implicit, FlowType::Pkce];

    /// supabase-js's name of the flow.
    pub fn as_str(self) -> &'static str {
        match self {
            FlowType::Implicit => "implicit",
            FlowType::Pkce => "pkce",
        }
    }
}

impl Default for AuthOptions {
    fn default() -> Self {
        AuthOptions {
            storage: Storage::default(),
            storage_key: None,
            persist_session: true,
            auto_refresh_token: true,
            tick_ms: 30_000,
            margin_ticks: 3,
            request_timeout_ms: 10_000,
            flow_type: FlowType::Implicit,
            detect_session_in_url: true,
        }
    }
}

pub(crate) struct Inner {
    url: String,
    api_key: String,
    transport: Transport,
    options: AuthOptions,
    key: String,
    session: RefCell<Option<Session>>,
    /// Counts session changes (see [`AuthClient::epoch`]).
    epoch: Cell<u32>,
    initialized: Cell<bool>,
    /// Set when [`AuthClient::initialize`] has finished (others wait for it).
    ready: Cell<bool>,
    /// What reading the page's URL for a redirect's session failed with, if it did.
    url_error: RefCell<Option<Error>>,
    /// The project's JWKS and when it was fetched (ms), for `getClaims` (kept 10 minutes).
    jwks: RefCell<Option<(f64, Value)>>,
    listeners: RefCell<Vec<(u32, Listener)>>,
    next_id: Cell<u32>,
    pub(crate) browser: RefCell<Option<browser::Browser>>,
}

/// The auth client; shares its session with the REST client of the same [`crate::Client`].
#[derive(Clone)]
pub struct AuthClient {
    pub(crate) inner: Rc<Inner>,
}

fn violation(field: &str, rule: &str, value: Value) -> Violation {
    Violation {
        table: "auth".into(),
        field: field.into(),
        rule: rule.into(),
        value,
    }
}

fn check_email(email: &str, out: &mut Vec<Violation>) {
    let ok = email.split_once('@').is_some_and(|(l, d)| {
        !l.is_empty()
            && d.contains('.')
            && !d.starts_with('.')
            && !d.ends_with('.')
            && !d.contains('@')
    }) && !email.chars().any(char::is_whitespace)
        && email.len() <= 255;
    if !ok {
        out.push(violation("email", "must be an email address", json!(email)));
    }
}

fn check_token(field: &str, token: &str, out: &mut Vec<Violation>) {
    if token.trim().is_empty() {
        out.push(violation(field, "must not be empty", json!(token)));
    }
}

fn done(v: Vec<Violation>) -> Result<(), Error> {
    if v.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(v))
    }
}

/// `path` with `redirect_to` in its query, as supabase-js sends an emailed link's target.
pub(crate) fn with_redirect(path: &str, redirect_to: Option<&str>) -> String {
    match redirect_to {
        Some(to) => {
            let sep = if path.contains('?') { '&' } else { '?' };
            format!(
                "{path}{sep}redirect_to={}",
                crate::http::encode_component(to)
            )
        }
        None => path.to_string(),
    }
}

/// What [`AuthClient::run`] brought back: the session kept, the user, or the answer itself.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// The session the answer began (and the client now holds).
    pub session: Option<Session>,
    /// The user the answer holds.
    pub user: Option<User>,
    /// The answer, where it is neither (`Then::Nothing`).
    pub answer: Value,
}

/// What [`AuthClient::update_user`] changes (supabase-js's `UserAttributes`).
#[derive(Debug, Clone, Default)]
pub struct UserAttributes {
    /// A new email address (pending until confirmed).
    pub email: Option<String>,
    /// A new password.
    pub password: Option<String>,
    /// User metadata to merge in.
    pub data: Option<Value>,
    /// The reauthentication code ([`AuthClient::reauthenticate`]) where the server asks for
    /// one before a password change.
    pub nonce: Option<String>,
}

/// What [`AuthClient::verify_otp`] verifies.
#[derive(Debug, Clone)]
pub struct VerifyOtp {
    /// The code and where it was sent, or the link's token hash.
    pub target: OtpTarget,
    /// The kind of code.
    pub kind: OtpType,
    /// Where the server's redirect should land, if it makes one.
    pub redirect_to: Option<String>,
}

/// A one-time code and where it was sent, or an emailed link's token hash.
#[derive(Debug, Clone)]
pub enum OtpTarget {
    /// A code emailed to `email`.
    Email {
        /// The address.
        email: String,
        /// The code.
        token: String,
    },
    /// A code texted to `phone`.
    Phone {
        /// The number.
        phone: String,
        /// The code.
        token: String,
    },
    /// The `token_hash` of an emailed link.
    TokenHash(String),
}

/// Options of [`AuthClient::sign_in_with_otp`] (supabase-js's `options`).
#[derive(Debug, Clone)]
pub struct OtpOptions {
    /// Create the user if the address is new (true).
    pub create_user: bool,
    /// User metadata for a new user.
    pub data: Option<Value>,
    /// Where the magic link lands (`emailRedirectTo`).
    pub redirect_to: Option<String>,
}

impl Default for OtpOptions {
    fn default() -> Self {
        OtpOptions {
            create_user: true,
            data: None,
            redirect_to: None,
        }
    }
}

pub(crate) fn now() -> i64 {
    (crate::runtime::now_millis() / 1000.0) as i64
}

impl AuthClient {
    /// An auth client for `https://<project>/auth/v1`; `project_url` names the storage key.
    pub fn new(
        url: String,
        api_key: String,
        transport: Transport,
        options: AuthOptions,
        project_url: &str,
    ) -> Self {
        let key = options
            .storage_key
            .clone()
            .unwrap_or_else(|| storage_key(project_url));
        let inner = Rc::new(Inner {
            url,
            api_key,
            transport,
            options,
            key,
            session: RefCell::new(None),
            epoch: Cell::new(0),
            initialized: Cell::new(false),
            ready: Cell::new(false),
            url_error: RefCell::new(None),
            jwks: RefCell::new(None),
            listeners: RefCell::new(Vec::new()),
            next_id: Cell::new(1),
            browser: RefCell::new(None),
        });
        AuthClient { inner }
    }

    /// The storage key (supabase-js's by default).
    pub fn storage_key(&self) -> &str {
        &self.inner.key
    }

    /// The access token to send to the REST API, if signed in.
    pub fn access_token(&self) -> Option<String> {
        self.inner
            .session
            .borrow()
            .as_ref()
            .map(|s| s.access_token.clone())
    }

    /// A number that changes whenever the session does (sign-in, refresh, sign-out, another
    /// tab's change): what was built with the old access token is stale once it moves.
    pub fn epoch(&self) -> u32 {
        self.inner.epoch.get()
    }

    fn put(&self, session: Option<Session>) {
        *self.inner.session.borrow_mut() = session;
        self.inner.epoch.set(self.inner.epoch.get().wrapping_add(1));
    }

    /// The session in memory (no I/O).
    pub fn session(&self) -> Option<Session> {
        self.inner.session.borrow().clone()
    }

    /// Loads the stored session once; in the browser also finishes a sign-in whose redirect
    /// landed on this page (`detect_session_in_url`) and starts the auto-refresh tick, the
    /// cross-tab channel and the visibility handling. Every method awaits it; a second caller
    /// waits for the first. The error of a redirect that brought one (also kept for
    /// [`AuthClient::initialize_error`]).
    pub async fn initialize(&self) {
        if self.inner.initialized.replace(true) {
            while !self.inner.ready.get() {
                let _ = crate::runtime::sleep(5, None).await;
            }
            return;
        }
        let page = if self.inner.options.detect_session_in_url {
            crate::runtime::page_url()
        } else {
            None
        };
        match Box::pin(self.drive(flow::start(self, page))).await {
            Ok(None) => {}
            Ok(Some(e)) | Err(e) => *self.inner.url_error.borrow_mut() = Some(e),
        }
        self.inner.ready.set(true);
    }

    /// What finishing a redirect's sign-in from the page's URL failed with, if it did (the
    /// `{ error }` of supabase-js's `initialize()`).
    pub fn initialize_error(&self) -> Option<Error> {
        self.inner.url_error.borrow().clone()
    }

    /// Subscribes to auth events; the subscriber first gets INITIAL_SESSION. Returns the id
    /// to pass to [`AuthClient::unsubscribe`].
    pub fn on_auth_state_change(&self, listener: Listener) -> u32 {
        let id = self.inner.next_id.get();
        self.inner.next_id.set(id + 1);
        self.inner
            .listeners
            .borrow_mut()
            .push((id, listener.clone()));
        let this = self.clone();
        let initial = async move {
            this.initialize().await;
            if this.inner.listeners.borrow().iter().any(|(i, _)| *i == id) {
                let s = this.session();
                listener(AuthEvent::InitialSession, s.as_ref());
            }
        };
        crate::runtime::spawn(initial);
        id
    }

    /// Ends a subscription.
    pub fn unsubscribe(&self, id: u32) {
        self.inner.listeners.borrow_mut().retain(|(i, _)| *i != id);
    }

    pub(crate) fn emit(&self, event: AuthEvent) {
        let s = self.session();
        let listeners: Vec<Listener> = self
            .inner
            .listeners
            .borrow()
            .iter()
            .map(|(_, l)| l.clone())
            .collect();
        for l in listeners {
            l(event, s.as_ref());
        }
    }

    /// Sets (or clears) the session, stores it, tells the other tabs and the subscribers.
    pub(crate) async fn commit(&self, session: Option<Session>, event: AuthEvent) {
        self.put(session.clone());
        if self.inner.options.persist_session {
            match &session {
                Some(s) => {
                    self.inner
                        .options
                        .storage
                        .set(&self.inner.key, &crate::json::write(&s.to_json()))
                        .await
                }
                None => self.inner.options.storage.remove(&self.inner.key).await,
            }
        }
        browser::broadcast(self, event, session.as_ref());
        self.emit(event);
    }

    /// Adopts a session another tab committed (no storage write, no broadcast).
    pub(crate) fn adopt(&self, session: Option<Session>, event: AuthEvent) {
        self.put(session);
        self.emit(event);
    }

    /// Sends `call` and carries out what its answer means ([`step::decide`]): the one request
    /// path of every auth method ([`flow::send`], driven after the client's start).
    pub fn run(&self, call: Call) -> Pin<Box<dyn Future<Output = Result<Outcome, Error>> + '_>> {
        let c = self.clone();
        Box::pin(self.drive(flow::started(move || flow::send(&c, call))))
    }

    /// Signs up with email and password (and user metadata). With autoconfirm on, the answer
    /// is a session and the client is signed in (SIGNED_IN).
    pub async fn sign_up(
        &self,
        email: &str,
        password: &str,
        data: Option<Value>,
    ) -> Result<(Option<Session>, User), Error> {
        let o = self.run(plan::sign_up(email, password, data)?).await?;
        let user = o.user.unwrap_or_else(|| User::from_json(Value::Null));
        Ok((o.session, user))
    }

    /// Runs a call whose answer is a session.
    async fn session_of(&self, call: Call) -> Result<Session, Error> {
        self.run(call)
            .await?
            .session
            .ok_or_else(|| Error::new(ErrorCode::Undecodable, "the auth server sent no session"))
    }

    /// Runs a call whose answer is the user.
    async fn user_of(&self, call: Call) -> Result<User, Error> {
        Ok(self
            .run(call)
            .await?
            .user
            .unwrap_or_else(|| User::from_json(Value::Null)))
    }

    /// Signs in with email and password (SIGNED_IN).
    pub async fn sign_in_with_password(
        &self,
        email: &str,
        password: &str,
    ) -> Result<Session, Error> {
        self.session_of(plan::sign_in_with_password(email, password)?)
            .await
    }

    /// Sends a one-time code and magic link to `email`; the link lands on `options.redirect_to`
    /// (the server's site URL by default).
    pub async fn sign_in_with_otp(&self, email: &str, options: OtpOptions) -> Result<(), Error> {
        self.run(plan::sign_in_with_otp(email, &options)?).await?;
        Ok(())
    }

    /// Verifies a one-time code — an emailed or texted code, or an emailed link's token hash:
    /// the session it opens (SIGNED_IN, or PASSWORD_RECOVERY for `recovery`), or `None` where
    /// it opens none (the first of a secure email change's two confirmations).
    pub async fn verify_otp(&self, params: VerifyOtp) -> Result<Option<Session>, Error> {
        Ok(self.run(plan::verify_otp(&params)?).await?.session)
    }

    /// Signs in as a new anonymous user, where the server allows it.
    pub async fn sign_in_anonymously(&self, data: Option<Value>) -> Result<Session, Error> {
        self.session_of(plan::sign_in_anonymously(data)).await
    }

    /// Refreshes now: with `refresh_token`, or the session's. One refresh at a time per client
    /// (callers share it) and, in the browser, per storage key across tabs.
    pub async fn refresh_session(&self, refresh_token: Option<&str>) -> Result<Session, Error> {
        let (c, t) = (self.clone(), refresh_token.map(str::to_string));
        self.drive(flow::started(move || {
            flow::refresh_session(&c, t.as_deref())
        }))
        .await
    }

    /// Starts a session from tokens obtained elsewhere (refreshing at once if the access token
    /// has expired).
    pub async fn set_session(
        &self,
        access_token: &str,
        refresh_token: &str,
    ) -> Result<Session, Error> {
        let (c, a, r) = (
            self.clone(),
            access_token.to_string(),
            refresh_token.to_string(),
        );
        self.drive(flow::started(move || flow::set_session(&c, &a, &r)))
            .await
    }

    /// The current session, refreshed first if its access token has expired.
    pub async fn get_session(&self) -> Result<Option<Session>, Error> {
        let c = self.clone();
        self.drive(flow::started(move || flow::get_session(&c)))
            .await
    }

    /// The signed-in user, as the server knows it now.
    pub async fn get_user(&self) -> Result<User, Error> {
        self.user_of(plan::get_user()).await
    }

    /// Changes the user's email, password or metadata (USER_UPDATED). A new email is pending
    /// until confirmed (on both addresses, with secure email change on): the answer's user has
    /// it as `new_email`; the confirmation link lands on `redirect_to`.
    pub async fn update_user(
        &self,
        attributes: UserAttributes,
        redirect_to: Option<&str>,
    ) -> Result<User, Error> {
        self.user_of(plan::update_user(&attributes, redirect_to)?)
            .await
    }

    /// Sends a password-recovery code and link to `email`; the link lands on `redirect_to`.
    pub async fn reset_password_for_email(
        &self,
        email: &str,
        redirect_to: Option<&str>,
    ) -> Result<(), Error> {
        self.run(plan::reset_password_for_email(email, redirect_to)?)
            .await?;
        Ok(())
    }

    /// Signs out: `global` (every session of the user), `local` (this one) or `others`.
    /// The session is revoked on the server for real: an expired access token is refreshed
    /// first (it could not authorise the logout), and an error is reported when revocation
    /// did not happen (network, 5xx — the local session is then kept, as supabase-js does).
    /// A session the server no longer knows counts as signed out.
    pub async fn sign_out(&self, scope: SignOutScope) -> Result<(), Error> {
        let c = self.clone();
        self.drive(flow::started(move || flow::sign_out(&c, scope)))
            .await
    }

    /// The claims of `jwt` (the session's access token when `None`; `Ok(None)` when signed
    /// out), verified: an asymmetric signature against the project's JWKS, anything else by the
    /// server. An expired token is refused unless `allow_expired`.
    pub async fn get_claims(
        &self,
        jwt: Option<&str>,
        allow_expired: bool,
    ) -> Result<Option<Jwt>, Error> {
        let (c, jwt) = (self.clone(), jwt.map(str::to_string));
        self.drive(flow::started(move || {
            flow::get_claims(&c, jwt.as_deref(), allow_expired)
        }))
        .await
    }

    /// Exchanges the code a PKCE redirect brought (`?code=`) for a session, with the code
    /// verifier this client — or supabase-js on the same storage — kept when the flow began
    /// (SIGNED_IN; PASSWORD_RECOVERY for a recovery flow). Returns the session and the
    /// redirect type (`Some("recovery")` for a recovery, as supabase-js's `redirectType`).
    pub async fn exchange_code_for_session(
        &self,
        auth_code: &str,
    ) -> Result<(Session, Option<&'static str>), Error> {
        let (c, code) = (self.clone(), auth_code.to_string());
        self.drive(flow::started(move || flow::exchange_code(&c, &code)))
            .await
    }

    /// Finishes the sign-in a redirect left in `url` (the page's address), as supabase-js's
    /// `detectSessionInUrl` does (see [`flow::session_from_url`]). `Ok(None)` when the
    /// URL holds nothing for auth; the error the server sent back in it, if any.
    pub async fn session_from_url(&self, url: &str) -> Result<Option<Session>, Error> {
        self.drive(flow::session_from_url(self, url)).await
    }

    /// A challenge and its verification in one step.
    pub async fn mfa_challenge_and_verify(
        &self,
        factor_id: &str,
        code: &str,
    ) -> Result<Session, Error> {
        let (c, f, code) = (self.clone(), factor_id.to_string(), code.to_string());
        self.drive(flow::started(move || {
            flow::mfa_challenge_and_verify(&c, &f, &code)
        }))
        .await
    }

    /// The session's assurance level, read from its access token (no request): where it is
    /// and where a verified factor could take it.
    pub async fn mfa_assurance_level(&self) -> Result<AssuranceLevel, Error> {
        let c = self.clone();
        self.drive(flow::started(move || flow::mfa_assurance_level(&c)))
            .await
    }

    /// The URL that signs in through `provider` (GoTrue's `/authorize`); in the browser the
    /// page goes there unless `skip_browser_redirect`. The round trip ends on `redirect_to`
    /// with the session (implicit) or a `code` (PKCE), which `detect_session_in_url` or
    /// [`AuthClient::exchange_code_for_session`] finishes.
    pub async fn sign_in_with_oauth(
        &self,
        provider: &str,
        o: &OAuthOptions,
    ) -> Result<String, Error> {
        let (c, p, o) = (self.clone(), provider.to_string(), o.clone());
        self.drive(flow::started(move || flow::sign_in_with_oauth(&c, &p, &o)))
            .await
    }

    /// The URL that links `provider`'s identity to the signed-in user (GoTrue's
    /// `/user/identities/authorize`); in the browser the page goes there unless
    /// `skip_browser_redirect`.
    pub async fn link_identity(&self, provider: &str, o: &OAuthOptions) -> Result<String, Error> {
        let (c, p, o) = (self.clone(), provider.to_string(), o.clone());
        self.drive(flow::started(move || flow::link_identity(&c, &p, &o)))
            .await
    }
}

impl AuthClient {
    /// Runs a method's steps: carries out each effect and hands its reply back, until done.
    /// The one driver of every auth method.
    pub async fn drive<T: 'static>(&self, step: Step<T>) -> Result<T, Error> {
        let mut flow = step?;
        loop {
            match flow {
                Flow::Done(v) => return Ok(v),
                Flow::Do(e, resume) => flow = resume(self.perform(*e).await)?,
            }
        }
    }

    /// Carries out one effect (one future for all of them).
    fn perform(&self, e: Effect) -> Pin<Box<dyn Future<Output = Reply> + '_>> {
        Box::pin(async move {
            let storage = &self.inner.options.storage;
            match e {
                Effect::Http(req) => Reply::Http(
                    self.inner
                        .transport
                        .send_once(&req)
                        .await
                        .map(|res| (res.status, res.body.text().into_owned())),
                ),
                Effect::Load(key) => Reply::Text(storage.get(&key).await),
                Effect::Store(key, Some(v)) => {
                    storage.set(&key, &v).await;
                    Reply::Done
                }
                Effect::Store(key, None) => {
                    storage.remove(&key).await;
                    Reply::Done
                }
                Effect::Put(s) => {
                    self.put(s);
                    Reply::Done
                }
                Effect::Commit(s, event) => {
                    self.commit(s, event).await;
                    Reply::Done
                }
                Effect::Adopt(s, event) => {
                    self.adopt(s, event);
                    Reply::Done
                }
                Effect::Refresh(token, explicit) => {
                    Reply::Session(browser::refresh_single_flight(self, token, explicit).await)
                }
                Effect::Challenge(verifier) => {
                    let (c, m) = pkce::challenge(&verifier).await;
                    Reply::Challenge(c, m)
                }
                Effect::Verify {
                    alg,
                    jwk,
                    signed,
                    signature,
                } => Reply::Verified(
                    crate::runtime::verify_signature(&alg, &jwk, signed.as_bytes(), &signature)
                        .await,
                ),
                Effect::KeepJwks(at, jwks) => {
                    *self.inner.jwks.borrow_mut() = Some((at, jwks));
                    Reply::Done
                }
                Effect::Start => {
                    browser::start(self);
                    Reply::Done
                }
                Effect::Navigate(url) => {
                    crate::runtime::assign_page_url(&url);
                    Reply::Done
                }
                Effect::ReplaceUrl(url) => {
                    crate::runtime::replace_page_url(&url);
                    Reply::Done
                }
                Effect::Initialize => {
                    self.initialize().await;
                    Reply::Done
                }
            }
        })
    }
}
