//! Turning a builder into the one HTTP request it stands for.

use super::builder::{QueryBuilder, ReturnShape};
use crate::error::Error;

use crate::http::{push_encoded, Request};

impl QueryBuilder {
    /// The request this builder would send, or the problem that stops it.
    pub fn build(&self) -> Result<Request, Error> {
        let mut url = String::with_capacity(self.ctx.url.len() + 64);
        let mut headers = Vec::with_capacity(8);
        self.write(&mut url, &mut |name, value| {
            headers.push((name.to_string(), value.concat()));
        })?;
        let mut req = Request::new(self.method, url);
        req.headers = headers;
        req.timeout_ms = self.timeout_ms;
        req.signal = self.signal.clone();
        req.body = self.body.as_ref().map(crate::json::write);
        Ok(req)
    }

    /// Writes the request's URL into `url` and hands each header to `header` (its value in
    /// parts, to be joined), without building a [`Request`]: what [`QueryBuilder::build`] and
    /// the JS façade's one-string request (`js::query::plan`) are both made from.
    pub fn write(
        &self,
        url: &mut String,
        header: &mut dyn FnMut(&str, &[&str]),
    ) -> Result<(), Error> {
        if let Some(p) = &self.problem {
            return Err(p.clone());
        }
        // Names are path segments: percent-encoded, so `../x` or `t?a=b` cannot leave them.
        url.push_str(&self.ctx.url);
        match &self.function {
            Some(f) => {
                url.push_str("/rpc/");
                push_encoded(url, f);
            }
            None => {
                url.push('/');
                push_encoded(url, &self.table);
            }
        }
        let implicit_select = self.function.is_none()
            && self.method.is_safe()
            && !self.params.iter().any(|(k, _)| k == "select");
        let mut first = true;
        let mut param = |k: &str, v: &str| {
            url.push(if first { '?' } else { '&' });
            first = false;
            push_encoded(url, k);
            url.push('=');
            push_encoded(url, v);
        };
        if implicit_select {
            param("select", "*");
        }
        for (k, v) in &self.params {
            param(k, v);
        }
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
        // The caller's own headers (`setHeader`) replace ours of the same name, and come last.
        let mut ours = |name: &str, value: &[&str]| {
            if !self
                .headers
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                header(name, value);
            }
        };
        let token = (self.ctx.token)();
        ours("apikey", &[&self.ctx.api_key]);
        let bearer = token.as_deref().unwrap_or(&self.ctx.api_key);
        ours("Authorization", &["Bearer ", bearer]);
        ours(
            "X-Client-Info",
            &[concat!("mission-control-sdk/", env!("CARGO_PKG_VERSION"))],
        );
        ours("Accept", &[accept]);
        ours(profile, &[&self.ctx.schema]);
        if self.body.is_some() {
            ours("Content-Type", &["application/json"]);
        }
        if !self.prefer.is_empty() {
            ours("Prefer", &[&self.prefer.join(",")]);
        }
        for (k, v) in &self.headers {
            header(k, &[v]);
        }
        Ok(())
    }
}
