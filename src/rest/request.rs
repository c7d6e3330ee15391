//! Turning a builder into the one HTTP request it stands for.

use super::builder::{QueryBuilder, ReturnShape};
use crate::error::Error;
use crate::http::{encode_component, Request};

impl QueryBuilder {
    /// The request this builder would send, or the problem that stops it.
    ///
    /// ```js
    /// String(mc.from("tasks").select("id").eq("status", "PENDING")) // "GET …/rest/v1/tasks?select=id&status=eq.PENDING"
    /// ```
    pub fn build(&self) -> Result<Request, Error> {
        if let Some(p) = &self.problem {
            return Err(p.clone());
        }
        // Names are path segments: percent-encoded, so `../x` or `t?a=b` cannot leave them.
        let mut url = match &self.function {
            Some(f) => format!("{}/rpc/{}", self.ctx.url, encode_component(f)),
            None => format!("{}/{}", self.ctx.url, encode_component(&self.table)),
        };
        let mut params = self.params.clone();
        if self.function.is_none()
            && self.method.is_safe()
            && !params.iter().any(|(k, _)| k == "select")
        {
            params.insert(0, ("select".into(), "*".into()));
        }
        if !params.is_empty() {
            let q: Vec<String> = params
                .iter()
                .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
                .collect();
            url.push('?');
            url.push_str(&q.join("&"));
        }
        let token = (self.ctx.token)().unwrap_or_else(|| self.ctx.api_key.clone());
        let mut req = Request::new(self.method, url)
            .header("apikey", self.ctx.api_key.clone())
            .header("Authorization", format!("Bearer {token}"))
            .header(
                "X-Client-Info",
                concat!("mission-control-sdk/", env!("CARGO_PKG_VERSION")),
            );
        let accept = match self.shape {
            ReturnShape::Single => "application/vnd.pgrst.object+json",
            ReturnShape::Csv => "text/csv",
            _ => "application/json",
        };
        req = req.header("Accept", accept);
        let profile = if self.method.is_safe() {
            "Accept-Profile"
        } else {
            "Content-Profile"
        };
        req = req.header(profile, self.ctx.schema.clone());
        req.timeout_ms = self.timeout_ms;
        req.signal = self.signal.clone();
        if let Some(body) = &self.body {
            req = req.header("Content-Type", "application/json");
            req.body = Some(body.to_string());
        }
        if !self.prefer.is_empty() {
            req = req.header("Prefer", self.prefer.join(","));
        }
        for (k, v) in &self.headers {
            req = req.header(k, v.clone());
        }
        Ok(req)
    }
}
