//! Sign-in through another provider, as supabase-js does it: `signInWithOAuth` (GoTrue's
//! `/authorize` URL, PKCE when the flow is PKCE, the browser sent there), `signInWithIdToken`
//! (a provider's ID token for a session), and the user's identities (list, link, unlink).

use serde_json::Value;

use super::{AuthClient, Session};
use crate::error::{Error, ErrorCode};

/// An identity of the user: how they can sign in (`email`, or a provider's account).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Identity {
    /// Its id (what [`AuthClient::unlink_identity`] takes).
    pub identity_id: String,
    /// The provider's id of the user (`sub`).
    pub id: String,
    /// The user.
    pub user_id: String,
    /// `email`, `keycloak`, …
    pub provider: String,
    /// The address the provider gave.
    #[serde(default)]
    pub email: Option<String>,
    /// What the provider said of the user.
    #[serde(default)]
    pub identity_data: Value,
}

/// Options of [`AuthClient::sign_in_with_oauth`] and [`AuthClient::link_identity`].
#[derive(Debug, Clone, Default)]
pub struct OAuthOptions {
    /// Where the provider's round trip lands (`redirectTo`).
    pub redirect_to: Option<String>,
    /// More scopes to ask the provider for (space-separated).
    pub scopes: Option<String>,
    /// Query parameters passed on to the provider (`queryParams`, e.g. `login_hint`).
    pub query_params: Vec<(String, String)>,
    /// Only answer the URL: do not send the browser there.
    pub skip_browser_redirect: bool,
}

impl AuthClient {
    /// A session for the user of a provider's ID token (`nonce`: the raw nonce whose SHA-256
    /// the token carries), SIGNED_IN.
    pub async fn sign_in_with_id_token(
        &self,
        provider: &str,
        token: &str,
        access_token: Option<&str>,
        nonce: Option<&str>,
    ) -> Result<Session, Error> {
        let call = super::plan::sign_in_with_id_token(provider, token, access_token, nonce)?;
        self.run(call)
            .await?
            .session
            .ok_or_else(|| Error::new(ErrorCode::Undecodable, "the auth server sent no session"))
    }

    /// The user's identities, from the server.
    pub async fn user_identities(&self) -> Result<Vec<Identity>, Error> {
        let user = self.get_user().await?;
        let list = user.as_json()["identities"].clone();
        if list.is_null() {
            return Ok(Vec::new());
        }
        super::mfa::decode(list, "the identities")
    }

    /// Unlinks an identity (by its `identity_id`); a user keeps at least one.
    pub async fn unlink_identity(&self, identity_id: &str) -> Result<(), Error> {
        self.run(super::plan::unlink_identity(identity_id)?).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn identities_read_as_gotrue_lists_them() {
        let list = json!([{"identity_id": "i1", "id": "sub-1", "user_id": "u", "provider": "keycloak",
            "identity_data": {"email": "a@b.co"}, "email": "a@b.co", "created_at": "2026-12-03T10:00:00Z"}]);
        let ids: Vec<Identity> = super::super::mfa::decode(list, "identities").unwrap();
        assert_eq!(
            (
                ids[0].identity_id.as_str(),
                ids[0].provider.as_str(),
                ids[0].email.as_deref()
            ),
            ("i1", "keycloak", Some("a@b.co"))
        );
        assert_eq!(ids[0].identity_data["email"], "a@b.co");
    }
}
