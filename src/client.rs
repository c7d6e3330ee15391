//! The client: one project URL and key, one session shared by REST and auth.

use std::rc::Rc;

use crate::auth::{AuthClient, AuthOptions};
use crate::http::{Method, Transport};
use crate::rest::{Count, QueryBuilder, RestContext, TableDef, Typed};

/// Options of [`Client::new`].
#[derive(Clone, Default)]
pub struct ClientOptions {
    pub transport: Transport,
    pub auth: AuthOptions,
}

/// A Mission Control client.
///
/// ```js
/// import { createClient } from "@mission-control/sdk";
/// const mc = createClient("http://127.0.0.1:54321", anonKey);
/// ```
#[derive(Clone)]
pub struct Client {
    url: String,
    key: String,
    transport: Transport,
    auth: AuthClient,
    schema: String,
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
        Client {
            url,
            key: key.to_string(),
            transport: options.transport,
            auth,
            schema: "public".into(),
        }
    }

    /// The product's workflows (task, escalation, chat, agent, message and memory steps).
    ///
    /// ```js
    /// await mc.tasks.start(taskId); // Rust: client.workflows().run("tasks", "start", &[json!(id)]).await
    /// ```
    pub fn workflows(&self) -> crate::domain::Workflows {
        crate::domain::Workflows::new(self.clone())
    }

    /// The auth client.
    ///
    /// ```js
    /// mc.auth.signUp({ email, password })
    /// ```
    pub fn auth(&self) -> &AuthClient {
        &self.auth
    }

    /// The same client, reading and writing in another exposed schema.
    ///
    /// ```js
    /// mc.schema("mc_test").rpc("echo", { x: 1 })
    /// ```
    pub fn schema(&self, schema: &str) -> Client {
        Client {
            schema: schema.to_string(),
            ..self.clone()
        }
    }

    fn context(&self) -> RestContext {
        let auth = self.auth.clone();
        let refresher = self.auth.clone();
        RestContext {
            url: format!("{}/rest/v1", self.url),
            api_key: self.key.clone(),
            transport: self.transport.clone(),
            token: Rc::new(move || auth.access_token()),
            schema: self.schema.clone(),
            refresh: Some(Rc::new(move || {
                let a = refresher.clone();
                Box::pin(
                    async move { a.session().is_some() && a.refresh_session(None).await.is_ok() },
                )
            })),
        }
    }

    /// A query on `table`.
    ///
    /// ```js
    /// mc.from("agents").select("*").eq("tier", 2)
    /// ```
    pub fn from(&self, table: &str) -> QueryBuilder {
        QueryBuilder::new(self.context(), table)
    }

    /// A typed query on table `T` (`Agents`, `Tasks`, …): typed columns, values and rows.
    ///
    /// ```js
    /// // Rust: let blocked = client.table::<Tasks>().eq(Tasks::STATUS, TaskStatus::Blocked).fetch().await?;
    /// ```
    pub fn table<T: TableDef>(&self) -> Typed<T> {
        Typed::new(self.from(T::NAME))
    }

    /// Calls a database function: POST with `args` as the body, or GET/HEAD with them as
    /// query parameters.
    ///
    /// ```js
    /// const { data } = await mc.rpc("echo", { a: 1 }, { get: true });
    /// ```
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
