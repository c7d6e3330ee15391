//! The session, in supabase-js's JSON format.

pub(crate) use crate::runtime::{base64url_decode as base64url, base64url_encode};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, ErrorCode};

/// A user as GoTrue returns it: typed reads of what apps use, and every field the server sent
/// kept as it came (its metadata is free-form), so the session JSON stays supabase-js's.
///
/// ```
/// use mission_control_sdk::auth::User;
/// let u = User::from_json(serde_json::json!({
///     "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "email": "ada@example.com",
///     "is_anonymous": false, "user_metadata": {"name": "Ada"}, "app_metadata": {"provider": "email"},
/// }));
/// assert_eq!(u.id(), Some("7c9e6679-7425-40de-944b-e07fc1f90ae7"));
/// assert_eq!(u.email(), Some("ada@example.com"));
/// assert!(!u.is_anonymous());
/// assert_eq!(u.user_metadata()["name"], "Ada");
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct User(Value);

impl User {
    /// The user from GoTrue's JSON.
    pub fn from_json(v: Value) -> User {
        User(v)
    }

    fn text(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(Value::as_str)
    }

    /// The user's id (a UUID), the `sub` of its access tokens.
    pub fn id(&self) -> Option<&str> {
        self.text("id")
    }

    /// The email address, if the user has one.
    pub fn email(&self) -> Option<&str> {
        self.text("email").filter(|e| !e.is_empty())
    }

    /// The phone number, if the user has one.
    pub fn phone(&self) -> Option<&str> {
        self.text("phone").filter(|p| !p.is_empty())
    }

    /// The database role its tokens carry (`authenticated`).
    pub fn role(&self) -> Option<&str> {
        self.text("role")
    }

    /// Whether the user signed in anonymously.
    pub fn is_anonymous(&self) -> bool {
        self.0.get("is_anonymous").and_then(Value::as_bool) == Some(true)
    }

    /// The metadata the user may change (`options.data` at sign-up, `updateUser({ data })`).
    pub fn user_metadata(&self) -> &Value {
        self.0.get("user_metadata").unwrap_or(&Value::Null)
    }

    /// The metadata only the server sets (provider, roles).
    pub fn app_metadata(&self) -> &Value {
        self.0.get("app_metadata").unwrap_or(&Value::Null)
    }

    /// Every field as the server sent it.
    pub fn as_json(&self) -> &Value {
        &self.0
    }
}

/// A signed-in session: the same JSON supabase-js stores, so both can share one login.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The JWT sent as `Authorization: Bearer` (RLS reads its claims).
    pub access_token: String,
    /// The token that gets a new access token once.
    pub refresh_token: String,
    /// Seconds the access token lives, from issue.
    pub expires_in: i64,
    /// When the access token expires, in seconds since the Unix epoch.
    pub expires_at: i64,
    /// `bearer`.
    pub token_type: String,
    /// The user the server answered with the session.
    pub user: User,
    /// Every other field of the server's answer, kept as supabase-js keeps them (its session is
    /// the answer spread whole): the password grant's `weak_password` (`null`, or
    /// `{ reasons }`), and whatever a later GoTrue adds.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, Value>,
}

/// The fields of [`Session`] that have a name of their own.
const SESSION_FIELDS: [&str; 6] = [
    "access_token",
    "refresh_token",
    "expires_in",
    "expires_at",
    "token_type",
    "user",
];

impl Session {
    /// Reads a session from GoTrue's answer, computing `expires_at` when it is absent.
    pub fn from_json(mut v: Value) -> Result<Session, Error> {
        if v.get("expires_at").is_none_or(Value::is_null) {
            let now = super::now();
            let exp = v.get("expires_in").and_then(Value::as_i64).unwrap_or(3600);
            v["expires_at"] = Value::from(now + exp);
        }
        // Read field by field, as serde's derive would (every field required, the numbers whole):
        // the derive's deserializer would bring float formatting for its messages into the wasm.
        let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let whole = |k: &str| v.get(k).and_then(Value::as_i64);
        let missing = |k: &str| {
            Error::new(
                ErrorCode::Undecodable,
                format!("session: `{k}` is missing or of the wrong type"),
            )
        };
        Ok(Session {
            access_token: text("access_token").ok_or_else(|| missing("access_token"))?,
            refresh_token: text("refresh_token").ok_or_else(|| missing("refresh_token"))?,
            expires_in: whole("expires_in").ok_or_else(|| missing("expires_in"))?,
            expires_at: whole("expires_at").ok_or_else(|| missing("expires_at"))?,
            token_type: text("token_type").ok_or_else(|| missing("token_type"))?,
            user: User(v.get("user").cloned().ok_or_else(|| missing("user"))?),
            extra: match v {
                Value::Object(mut m) => {
                    for k in SESSION_FIELDS {
                        m.remove(k);
                    }
                    m
                }
                _ => serde_json::Map::new(),
            },
        })
    }

    /// The session as JSON, field for field what serde's derive writes (what storage keeps and
    /// JS receives).
    pub fn to_json(&self) -> Value {
        let mut m = serde_json::Map::new();
        m.insert("access_token".into(), self.access_token.clone().into());
        m.insert("refresh_token".into(), self.refresh_token.clone().into());
        m.insert("expires_in".into(), self.expires_in.into());
        m.insert("expires_at".into(), self.expires_at.into());
        m.insert("token_type".into(), self.token_type.clone().into());
        m.insert("user".into(), self.user.0.clone());
        for (k, v) in &self.extra {
            m.insert(k.clone(), v.clone());
        }
        Value::Object(m)
    }

    /// A session from its stored JSON text (supabase-js's format), if it is one.
    pub fn from_text(text: &str) -> Option<Session> {
        Session::from_json(crate::json::parse(text).ok()?).ok()
    }
}

/// The claims of a JWT (not verified: the server does that).
pub(crate) fn jwt_claims(token: &str) -> Option<Value> {
    let payload = token.split('.').nth(1)?;
    // From text, like every other JSON the wasm reads (one parser instance, not two).
    let bytes = base64url(payload)?;
    crate::json::parse(std::str::from_utf8(&bytes).ok()?).ok()
}

/// The `exp` claim of a JWT.
pub(crate) fn jwt_exp(token: &str) -> Option<i64> {
    jwt_claims(token)?.get("exp")?.as_i64()
}

/// Whether an API key bypasses row-level security: a JWT whose `role` is `service_role`, or
/// one of Supabase's secret keys (`sb_secret_…`).
pub fn is_service_key(key: &str) -> bool {
    key.starts_with("sb_secret_")
        || jwt_claims(key)
            .is_some_and(|c| c.get("role").and_then(Value::as_str) == Some("service_role"))
}

/// supabase-js's storage key for a project URL: `sb-<first label of the host>-auth-token`.
pub fn storage_key(url: &str) -> String {
    let host = url.split("://").nth(1).unwrap_or(url);
    let host = host.split(['/', ':']).next().unwrap_or(host);
    let label = host.split('.').next().unwrap_or(host);
    format!("sb-{label}-auth-token")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// `{"role":"service_role","n":"?>?>~"}` and `{"role":"anon","n":"?>?>~"}`, in the URL-safe
    /// alphabet (with `-` and `_`), the standard one (`+`, `/`) and with or without padding.
    const SERVICE_URL: &str = "eyJyb2xlIjoic2VydmljZV9yb2xlIiwibiI6Ij8-Pz5-In0=";
    const SERVICE_STD: &str = "eyJyb2xlIjoic2VydmljZV9yb2xlIiwibiI6Ij8+Pz5+In0";
    const ANON_URL: &str = "eyJyb2xlIjoiYW5vbiIsIm4iOiI_Pj8-fiJ9";
    const ANON_STD: &str = "eyJyb2xlIjoiYW5vbiIsIm4iOiI/Pj8+fiJ9";

    #[test]
    fn user_reads_each_field_as_gotrue_sends_it() {
        let v = json!({
            "id": "0f8fad5b-d9cb-469f-a165-70867728950e",
            "email": "ada@example.com",
            "phone": "15550100",
            "role": "authenticated",
            "is_anonymous": false,
            "user_metadata": {"name": "Ada"},
            "app_metadata": {"provider": "email"},
        });
        let u = User::from_json(v.clone());
        assert_eq!(
            (u.id(), u.email(), u.phone(), u.role(), u.is_anonymous()),
            (
                Some("0f8fad5b-d9cb-469f-a165-70867728950e"),
                Some("ada@example.com"),
                Some("15550100"),
                Some("authenticated"),
                false
            )
        );
        assert_eq!(u.user_metadata(), &json!({"name": "Ada"}));
        assert_eq!(u.app_metadata(), &json!({"provider": "email"}));
        assert_eq!(u.as_json(), &v);
        // GoTrue sends "" for a missing email or phone; an anonymous user says so.
        let anon =
            User::from_json(json!({"id": "x", "email": "", "phone": "", "is_anonymous": true}));
        assert_eq!(
            (anon.email(), anon.phone(), anon.role(), anon.is_anonymous()),
            (None, None, None, true)
        );
        assert_eq!(anon.user_metadata(), &Value::Null);
        assert_eq!(anon.app_metadata(), &Value::Null);
        assert!(!User::from_json(json!({"is_anonymous": "true"})).is_anonymous());
    }

    /// supabase-js's session is GoTrue's answer spread whole: `weak_password: null` stays.
    #[test]
    fn a_session_keeps_the_answers_other_fields() {
        let answer = json!({"access_token": "a", "token_type": "bearer", "expires_in": 3600,
            "expires_at": 1_900_000_000, "refresh_token": "r", "user": {"id": "u"},
            "weak_password": null});
        let s = Session::from_json(answer.clone()).unwrap();
        assert_eq!(s.extra.get("weak_password"), Some(&Value::Null));
        assert_eq!(s.to_json(), answer);
        assert_eq!(
            Session::from_text(&crate::json::write(&s.to_json())),
            Some(s)
        );
    }

    #[test]
    fn base64url_encode_writes_rfc4648_vectors_without_padding() {
        let cases = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in cases {
            assert_eq!(base64url_encode(plain.as_bytes()), coded);
            assert_eq!(base64url(coded).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn base64url_reads_both_alphabets_and_padding() {
        let text = |s: &str| String::from_utf8(base64url(s).unwrap()).unwrap();
        assert_eq!(text(SERVICE_URL), r#"{"role":"service_role","n":"?>?>~"}"#);
        assert_eq!(text(SERVICE_STD), r#"{"role":"service_role","n":"?>?>~"}"#);
        assert_eq!(text(ANON_URL), r#"{"role":"anon","n":"?>?>~"}"#);
        assert_eq!(text(ANON_STD), r#"{"role":"anon","n":"?>?>~"}"#);
        assert_eq!(base64url("a.b"), None);
    }

    #[test]
    fn service_keys_are_the_service_role_jwt_and_sb_secret_keys() {
        let jwt = |payload: &str| format!("eyJhbGciOiJIUzI1NiJ9.{payload}.c2ln");
        assert!(is_service_key(&jwt(SERVICE_URL)));
        assert!(is_service_key(&jwt(SERVICE_STD)));
        assert!(!is_service_key(&jwt(ANON_URL)));
        assert!(!is_service_key(&jwt(ANON_STD)));
        assert!(is_service_key("sb_secret_abc123"));
        assert!(!is_service_key("sb_publishable_abc123"));
        assert!(!is_service_key("not a jwt"));
    }

    /// The hand reader accepts exactly what serde's derive accepts (with `expires_at` given).
    #[test]
    fn the_hand_reader_agrees_with_the_derive() {
        let good = json!({"access_token": "a", "refresh_token": "r", "expires_in": 3600,
            "expires_at": 1_900_000_000, "token_type": "bearer", "user": {"id": "u"}});
        let mut weak = good.clone();
        weak["weak_password"] = Value::Null;
        let mut reasons = good.clone();
        reasons["weak_password"] = json!({"reasons": ["length"]});
        reasons["provider_token"] = json!("p");
        let mut cases = vec![good.clone(), weak, reasons];
        for (k, bad) in [
            ("access_token", json!(1)),
            ("refresh_token", json!(null)),
            ("expires_in", json!(1.5)),
            ("expires_in", json!("3600")),
            ("expires_in", json!(u64::MAX)),
            ("expires_at", json!(false)),
            ("token_type", json!({})),
            ("user", json!(null)),
        ] {
            let mut v = good.clone();
            v[k] = bad;
            cases.push(v);
            let mut v = good.clone();
            v.as_object_mut().unwrap().remove(k);
            if k != "expires_at" {
                cases.push(v);
            }
        }
        for v in cases {
            let derive = serde_json::from_value::<Session>(v.clone()).ok();
            assert_eq!(Session::from_json(v.clone()).ok(), derive, "{v}");
            assert_eq!(Session::from_text(&v.to_string()), derive, "{v}");
            if let Some(s) = derive {
                // and writes what the derive writes (storage and JS get the same JSON)
                assert_eq!(s.to_json(), serde_json::to_value(&s).unwrap());
                assert_eq!(
                    crate::json::write(&s.to_json()),
                    serde_json::to_string(&s).unwrap()
                );
            }
        }
    }

    #[test]
    fn storage_key_uses_first_host_label() {
        assert_eq!(storage_key("http://127.0.0.1:54321"), "sb-127-auth-token");
        assert_eq!(
            storage_key("https://abcd.supabase.co"),
            "sb-abcd-auth-token"
        );
        assert_eq!(
            storage_key("http://localhost:54321/"),
            "sb-localhost-auth-token"
        );
    }

    #[test]
    fn jwt_exp_reads_the_claim() {
        // {"alg":"HS256"} . {"sub":"x","exp":1700000000}
        let t = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4IiwiZXhwIjoxNzAwMDAwMDAwfQ.sig";
        assert_eq!(jwt_exp(t), Some(1_700_000_000));
        assert_eq!(jwt_exp("garbage"), None);
    }

    #[test]
    fn expires_at_is_computed_when_absent() {
        let s = Session::from_json(json!({"access_token": "a", "refresh_token": "r", "expires_in": 60, "token_type": "bearer", "user": {}})).unwrap();
        let now = chrono::Utc::now().timestamp();
        assert!(
            (s.expires_at - (now + 60)).abs() <= 1,
            "expires_at {} vs now {}",
            s.expires_at,
            now
        );
    }
}
