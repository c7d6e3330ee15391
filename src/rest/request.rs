//! Turning a builder into the one HTTP request it stands for.

use super::builder::{QueryBuilder, ReturnShape};
use crate::error::Error;
use serde_json::Value;

use crate::http::{push_encoded, Request};

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
        let mut url = String::with_capacity(self.ctx.url.len() + 64);
        url.push_str(&self.ctx.url);
        match &self.function {
            Some(f) => {
                url.push_str("/rpc/");
                push_encoded(&mut url, f);
            }
            None => {
                url.push('/');
                push_encoded(&mut url, &self.table);
            }
        }
        let implicit_select = self.function.is_none()
            && self.method.is_safe()
            && !self.params.iter().any(|(k, _)| k == "select");
        let implicit = [("select".to_string(), "*".to_string())];
        let implicit = if implicit_select { &implicit[..] } else { &[] };
        for (i, (k, v)) in implicit.iter().chain(&self.params).enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            push_encoded(&mut url, k);
            url.push('=');
            push_encoded(&mut url, v);
        }
        let token = (self.ctx.token)();
        let token = token.as_deref().unwrap_or(&self.ctx.api_key);
        let accept = match self.shape {
            ReturnShape::Single => "application/vnd.pgrst.object+json",
            ReturnShape::Csv => "text/csv",
            _ => "application/json",
        };
        let profile = if self.method.is_safe() {
            "Accept-Profile"
        } else {
            "Content-Profile"
        };
        // Distinct names, so no replacing is needed until the caller's own headers.
        let mut headers = vec![
            ("apikey".to_string(), self.ctx.api_key.clone()),
            ("Authorization".to_string(), format!("Bearer {token}")),
            (
                "X-Client-Info".to_string(),
                concat!("mission-control-sdk/", env!("CARGO_PKG_VERSION")).to_string(),
            ),
            ("Accept".to_string(), accept.to_string()),
            (profile.to_string(), self.ctx.schema.clone()),
        ];
        if self.body.is_some() {
            headers.push(("Content-Type".to_string(), "application/json".to_string()));
        }
        if !self.prefer.is_empty() {
            headers.push(("Prefer".to_string(), self.prefer.join(",")));
        }
        let mut req = Request::new(self.method, url);
        req.headers = headers;
        req.timeout_ms = self.timeout_ms;
        req.signal = self.signal.clone();
        req.body = self.body.as_ref().map(Value::to_string);
        for (k, v) in &self.headers {
            req = req.header(k, v.clone());
        }
        Ok(req)
    }
}
