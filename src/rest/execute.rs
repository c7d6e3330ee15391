//! Sending a built request, refreshing once on an expired token, and shaping the answer.

use serde_json::Value;

use super::builder::{QueryBuilder, RestResponse, ReturnShape};
use crate::error::{Error, ErrorCode};

impl ReturnShape {
    /// Which row of a list of `n` becomes `data`: `Ok(None)` for all of them (or for null with
    /// `maybeSingle` and no rows), `Ok(Some(0))` for the one row of `maybeSingle`; more than
    /// one row for `maybeSingle` is PostgREST's `PGRST116` error.
    ///
    /// ```js
    /// const { data } = await mc.from("tasks").select().eq("id", id).maybeSingle(); // row or null
    /// ```
    pub fn pick(self, n: usize) -> Result<Option<usize>, Error> {
        match (self, n) {
            (ReturnShape::MaybeSingle, 0) => Ok(None),
            (ReturnShape::MaybeSingle, 1) => Ok(Some(0)),
            (ReturnShape::MaybeSingle, n) => {
                let mut e = Error::new(
                    ErrorCode::SingleRowMismatch,
                    "JSON object requested, multiple (or no) rows returned",
                );
                e.details = Some(format!("The result contains {n} rows"));
                e.server_code = Some("PGRST116".into());
                e.status = 406;
                Err(e)
            }
            _ => Ok(None),
        }
    }
}

impl RestResponse {
    /// `data` as supabase-js gives it: the rows, one row (`single`), one row or null
    /// (`maybeSingle`), the CSV text, or null when there was no body.
    ///
    /// ```js
    /// const { data } = await mc.from("tasks").select("id").maybeSingle();
    /// ```
    pub fn data(&self) -> Result<Value, Error> {
        let Some(text) = self.text() else {
            return Ok(Value::Null);
        };
        if self.shape == ReturnShape::Csv {
            return Ok(Value::String(text.into_owned()));
        }
        let parsed: Value = serde_json::from_str(&text).map_err(|_| {
            Error::new(
                ErrorCode::Undecodable,
                "the server answered with invalid JSON",
            )
        })?;
        match (self.shape, parsed) {
            (ReturnShape::MaybeSingle, Value::Array(mut rows)) => {
                Ok(match self.shape.pick(rows.len())? {
                    Some(i) => rows.swap_remove(i),
                    None => Value::Null,
                })
            }
            (_, v) => Ok(v),
        }
    }
}

impl QueryBuilder {
    /// Sends the request; a server error becomes an [`Error`] with a stable code. The builder
    /// stays usable: running it again sends the same request again.
    ///
    /// ```js
    /// const q = mc.from("tasks").select("id"); await q; await q; // two requests
    /// ```
    pub async fn execute(&self) -> Result<RestResponse, Error> {
        let req = self.build()?;
        let mut res = self.ctx.transport.send(req).await?;
        if !(200..300).contains(&res.status) {
            let mut e = super::errors::from_response(&res);
            // An access token that expired in flight: refresh once and send once more.
            if e.code == ErrorCode::JwtExpired {
                if let Some(refresh) = &self.ctx.refresh {
                    if refresh().await {
                        res = self.ctx.transport.send(self.build()?).await?;
                        if (200..300).contains(&res.status) {
                            return Ok(self.answer(res));
                        }
                        e = super::errors::from_response(&res);
                    }
                }
            }
            return Err(e);
        }
        Ok(self.answer(res))
    }

    fn answer(&self, res: crate::http::Response) -> RestResponse {
        let count = res
            .header("content-range")
            .and_then(|r| r.rsplit('/').next())
            .and_then(|total| total.parse::<u64>().ok());
        let body = if self.head || res.body.is_empty() {
            None
        } else {
            Some(res.body)
        };
        RestResponse {
            status: res.status,
            status_text: res.status_text,
            count,
            body,
            shape: self.shape,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maybe_single_picks_one_or_none() {
        assert_eq!(ReturnShape::MaybeSingle.pick(0).unwrap(), None);
        assert_eq!(ReturnShape::MaybeSingle.pick(1).unwrap(), Some(0));
        let e = ReturnShape::MaybeSingle.pick(2).unwrap_err();
        assert_eq!((e.code, e.status), (ErrorCode::SingleRowMismatch, 406));
        assert_eq!(ReturnShape::Many.pick(5).unwrap(), None);
    }

    #[test]
    fn data_applies_the_shape() {
        let res = |body: &str, shape| RestResponse {
            status: 200,
            status_text: "OK".into(),
            count: None,
            body: Some(crate::http::Body::Text(body.into())),
            shape,
        };
        assert_eq!(
            res("[{\"a\":1}]", ReturnShape::MaybeSingle).data().unwrap(),
            serde_json::json!({"a": 1})
        );
        assert_eq!(
            res("[]", ReturnShape::MaybeSingle).data().unwrap(),
            Value::Null
        );
        assert!(res("[1,2]", ReturnShape::MaybeSingle).data().is_err());
        assert_eq!(
            res("a,b", ReturnShape::Csv).data().unwrap(),
            serde_json::json!("a,b")
        );
    }
}
