//! The client: one project URL and key, one session shared by REST and auth.

use std::rc::Rc;

use crate::auth::{AuthClient, AuthOptions};
use crate::http::{Method, Transport};
use crate::rest::{Count, QueryBuilder, RestContext, TableDef, Typed};

/// Options of [`Client::new`].
#[derive(Clone, Default)]
pub struct ClientOptions {
    /// HTTP: the `fetch` to use, retries, timeouts.
    pub transport: Transport,
    /// The session: storage, persistence, refresh.
    pub auth: AuthOptions,
}

/// A Mission Control client.
#[derive(Clone)]
pub struct Client {
    auth: AuthClient,
    /// What every query of this client starts from (made once, cloned per query).
    rest: RestContext,
}

impl Client {
    /// A client for the project at `url` (no trailing `/rest/v1`) with its anon key.
    pub fn new(url: &str, key: &str, options: ClientOptions) -> Client {
        let url = url.trim_end_matches('/').to_string();
        let auth = AuthClient::new(
            format!("{url}/auth/v1"),
            key.to_string(),
            options.transport.clone(),
            options.auth.clone(),
            &url,
        );
        let rest = rest_context(&url, key, &options.transport, &auth);
        Client { auth, rest }
    }

    /// The auth client.
    pub fn auth(&self) -> &AuthClient {
        &self.auth
    }

    /// The same client, reading and writing in another exposed schema.
    pub fn schema(&self, schema: &str) -> Client {
        let mut c = self.clone();
        c.rest.schema = schema.to_string();
        c
    }

    /// The transport every request of this client goes through.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn transport(&self) -> &Transport {
        &self.rest.transport
    }

    fn context(&self) -> RestContext {
        self.rest.clone()
    }

    /// A query on `table`.
    pub fn from(&self, table: &str) -> QueryBuilder {
        QueryBuilder::new(self.context(), table)
    }

    /// A typed query on table `T` (`Agents`, `Tasks`, …): typed columns, values and rows.
    pub fn table<T: TableDef>(&self) -> Typed<T> {
        Typed::new(self.from(T::NAME))
    }

    /// Calls a database function: POST with `args` as the body, or GET/HEAD with them as
    /// query parameters.
    pub fn rpc(
        &self,
        function: &str,
        args: serde_json::Value,
        method: Method,
        count: Option<Count>,
    ) -> QueryBuilder {
        QueryBuilder::rpc(self.context(), function, args, method, count)
    }
}

/// After a `jwt_expired` answer: refreshes a signed-in session; `true` when a new access token
/// is in place and the query may be sent again.
pub(crate) async fn refresh_after_expiry(auth: &AuthClient) -> bool {
    auth.session().is_some() && auth.refresh_session(None).await.is_ok()
}

fn rest_context(url: &str, key: &str, transport: &Transport, auth: &AuthClient) -> RestContext {
    let auth = auth.clone();
    let refresher = auth.clone();
    RestContext {
        url: format!("{url}/rest/v1"),
        api_key: key.to_string(),
        transport: transport.clone(),
        token: Rc::new(move || auth.access_token()),
        schema: "public".into(),
        refresh: Some(Rc::new(move || {
            let a = refresher.clone();
            Box::pin(async move { refresh_after_expiry(&a).await })
        })),
    }
}
