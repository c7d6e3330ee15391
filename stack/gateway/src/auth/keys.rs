//! Asymmetric signing keys, as new Supabase projects have them: access tokens are signed with
//! an ES256 (P-256) key named by `kid`, the public keys are served at
//! `/.well-known/jwks.json` (GoTrue's WellKnownJwks: `use: "sig"`, `key_ops: ["verify"]`, no
//! symmetric key listed). As on Supabase, a standby key is published before it signs: a
//! rotation makes the standby key the signing key and publishes a new standby, while the old
//! keys keep verifying — so verifiers that fetched the JWKS since the last rotation already
//! hold the new signing key. The legacy HS256 secret still verifies (the stack's anon and service_role keys
//! are HS256 JWTs). The keys live in one file shared by the stack's gateways, re-read when it
//! changes.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use base64::Engine;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header};
use ring::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};
use serde_json::{json, Value};

/// One P-256 key: its id, private key (PKCS#8) and public coordinates.
#[derive(Clone)]
struct Key {
    kid: String,
    pkcs8: Vec<u8>,
    x: String,
    y: String,
}

impl Key {
    fn generate() -> anyhow::Result<Key> {
        let rng = ring::rand::SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng)
            .map_err(|_| anyhow::anyhow!("cannot generate a P-256 key"))?;
        Key::from_pkcs8(uuid::Uuid::new_v4().to_string(), pkcs8.as_ref().to_vec())
    }

    fn from_pkcs8(kid: String, pkcs8: Vec<u8>) -> anyhow::Result<Key> {
        let rng = ring::rand::SystemRandom::new();
        let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &pkcs8, &rng)
            .map_err(|_| anyhow::anyhow!("not a P-256 PKCS#8 key"))?;
        let point = pair.public_key().as_ref(); // 0x04 || X || Y
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        Ok(Key {
            kid,
            x: b64.encode(&point[1..33]),
            y: b64.encode(&point[33..65]),
            pkcs8,
        })
    }

    fn to_file(&self) -> Value {
        json!({"kid": self.kid, "pkcs8": base64::engine::general_purpose::STANDARD.encode(&self.pkcs8)})
    }

    fn public_jwk(&self) -> Value {
        json!({"kty": "EC", "crv": "P-256", "x": self.x, "y": self.y, "kid": self.kid, "alg": "ES256", "use": "sig", "key_ops": ["verify"]})
    }
}

/// The keys, oldest first: the second-to-last signs, the last is the standby. Kept in `path`.
#[derive(Clone)]
pub struct SigningKeys {
    path: Option<PathBuf>,
    state: Arc<Mutex<(Vec<Key>, Option<SystemTime>)>>,
}

impl SigningKeys {
    /// The keys in `path` (created with one new key if missing); `None`: HS256 only.
    pub fn open(path: Option<PathBuf>) -> anyhow::Result<SigningKeys> {
        let keys = SigningKeys {
            path,
            state: Arc::new(Mutex::new((Vec::new(), None))),
        };
        if let Some(p) = &keys.path {
            if !p.exists() {
                keys.write(&[Key::generate()?, Key::generate()?])?;
            }
        }
        keys.reload();
        Ok(keys)
    }

    fn write(&self, keys: &[Key]) -> anyhow::Result<()> {
        let Some(p) = &self.path else { return Ok(()) };
        let text = serde_json::to_string(&keys.iter().map(Key::to_file).collect::<Vec<_>>())?;
        let tmp = p.with_extension("tmp");
        std::fs::write(&tmp, text)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o600))?;
        }
        std::fs::rename(tmp, p)?;
        Ok(())
    }

    /// Re-reads the file when it changed (another gateway rotated).
    fn reload(&self) -> Vec<Key> {
        let mut st = self.state.lock().unwrap();
        let Some(p) = &self.path else {
            return st.0.clone();
        };
        let modified = std::fs::metadata(p).and_then(|m| m.modified()).ok();
        if modified.is_some() && modified != st.1 {
            if let Ok(text) = std::fs::read_to_string(p) {
                let parsed: Vec<Value> = serde_json::from_str(&text).unwrap_or_default();
                let keys: Vec<Key> = parsed
                    .iter()
                    .filter_map(|k| {
                        let der = base64::engine::general_purpose::STANDARD
                            .decode(k["pkcs8"].as_str()?)
                            .ok()?;
                        Key::from_pkcs8(k["kid"].as_str()?.to_string(), der).ok()
                    })
                    .collect();
                if !keys.is_empty() {
                    *st = (keys, modified);
                }
            }
        }
        st.0.clone()
    }

    /// Signs `claims`: ES256 with the signing key (its `kid` in the header), or HS256 with
    /// `secret` where there are no keys.
    pub fn sign(
        &self,
        claims: &Value,
        secret: &str,
    ) -> Result<String, jsonwebtoken::errors::Error> {
        let keys = self.reload();
        match keys.iter().rev().nth(1).or(keys.last()) {
            Some(k) => {
                let mut header = Header::new(Algorithm::ES256);
                header.kid = Some(k.kid.clone());
                jsonwebtoken::encode(&header, claims, &EncodingKey::from_ec_der(&k.pkcs8))
            }
            None => jsonwebtoken::encode(
                &Header::default(),
                claims,
                &EncodingKey::from_secret(secret.as_bytes()),
            ),
        }
    }

    /// The key that verifies a token with this header: the ES256 key of its `kid`, or the
    /// HS256 secret.
    pub fn verifying_key(&self, header: &Header, secret: &str) -> Option<(DecodingKey, Algorithm)> {
        match header.alg {
            Algorithm::HS256 => Some((
                DecodingKey::from_secret(secret.as_bytes()),
                Algorithm::HS256,
            )),
            Algorithm::ES256 => {
                let kid = header.kid.as_deref()?;
                let keys = self.reload();
                let k = keys.iter().find(|k| k.kid == kid)?;
                Some((
                    DecodingKey::from_ec_components(&k.x, &k.y).ok()?,
                    Algorithm::ES256,
                ))
            }
            _ => None,
        }
    }

    /// `{"keys": [...]}`: every public key, newest last.
    pub fn jwks(&self) -> Value {
        json!({ "keys": self.reload().iter().map(Key::public_jwk).collect::<Vec<_>>() })
    }

    /// Rotates: the standby key signs from now on, a new standby is published, the others
    /// keep verifying. Returns the kids of the signing and the new standby key.
    pub fn rotate(&self) -> anyhow::Result<(String, String)> {
        let mut keys = self.reload();
        let signing = keys.last().map(|k| k.kid.clone()).unwrap_or_default();
        let standby = Key::generate()?;
        let kid = standby.kid.clone();
        keys.push(standby);
        self.write(&keys)?;
        self.reload();
        Ok((signing, kid))
    }
}
