//! Supabase's limits that a hosted project has and a bare server lacks: per-client rate
//! limits on the auth endpoints (token bucket per endpoint class and client address), and a
//! watch on PostgreSQL so that an outage is answered at once with 503 instead of a hang.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What a class of endpoints allows: `max` requests per `per`, refilled continuously.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limit {
    pub max: f64,
    pub per: Duration,
}

impl Limit {
    /// `"30/300"`: 30 requests per 300 seconds.
    pub fn parse(s: &str) -> Option<Limit> {
        let (max, secs) = s.split_once('/')?;
        Some(Limit {
            max: max.trim().parse().ok()?,
            per: Duration::from_secs(secs.trim().parse().ok()?),
        })
    }
}

/// The endpoint classes Supabase limits separately.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// `/token?grant_type=password`, `/signup` (sign-ins and sign-ups).
    SignIn,
    /// `/token?grant_type=refresh_token`.
    Refresh,
    /// `/verify`.
    Verify,
    /// `/otp`, `/recover` (each sends an email).
    Otp,
}

/// Supabase's hosted defaults; `MC_RATE_LIMIT_<CLASS>` (`"max/seconds"`) changes one, as a
/// project's auth settings would.
pub struct Limits {
    limits: HashMap<Class, Limit>,
    buckets: Mutex<HashMap<(Class, IpAddr), (f64, Instant)>>,
}

impl Limits {
    pub fn from_env() -> Limits {
        let read = |name: &str, default: &str| {
            let v = std::env::var(name).unwrap_or_else(|_| default.to_string());
            Limit::parse(&v).unwrap_or_else(|| panic!("{name}: expected max/seconds, got {v}"))
        };
        let limits = HashMap::from([
            (Class::SignIn, read("MC_RATE_LIMIT_SIGN_IN", "30/300")),
            (
                Class::Refresh,
                read("MC_RATE_LIMIT_TOKEN_REFRESH", "150/300"),
            ),
            (Class::Verify, read("MC_RATE_LIMIT_VERIFY", "30/300")),
            (Class::Otp, read("MC_RATE_LIMIT_OTP", "30/3600")),
        ]);
        Limits {
            limits,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one request from the bucket of `class` for `ip`; `false` when it is empty.
    pub fn allow(&self, class: Class, ip: IpAddr) -> bool {
        let limit = self.limits[&class];
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        let (tokens, last) = buckets.entry((class, ip)).or_insert((limit.max, now));
        let refill = now.duration_since(*last).as_secs_f64() / limit.per.as_secs_f64() * limit.max;
        *tokens = (*tokens + refill).min(limit.max);
        *last = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// The client's address, for the per-client limits.
#[derive(Clone, Copy, Debug)]
pub struct ClientAddr(pub std::net::SocketAddr);

impl<'a>
    axum::extract::connect_info::Connected<
        axum::serve::IncomingStream<'a, postrust_server::lenient_uri::LenientListener>,
    > for ClientAddr
{
    fn connect_info(
        stream: axum::serve::IncomingStream<'a, postrust_server::lenient_uri::LenientListener>,
    ) -> Self {
        ClientAddr(*stream.remote_addr())
    }
}

/// Whether PostgreSQL answers, checked every 500 ms by connecting to its port.
#[derive(Clone)]
pub struct DbWatch(Arc<AtomicBool>);

impl DbWatch {
    /// Starts watching the database of `url` (`postgres://user:pw@host:port/db`).
    pub fn start(url: &str) -> DbWatch {
        let addr = url
            .rsplit('@')
            .next()
            .and_then(|rest| rest.split('/').next())
            .unwrap_or("127.0.0.1:5432")
            .to_string();
        let up = Arc::new(AtomicBool::new(true));
        let flag = up.clone();
        tokio::spawn(async move {
            loop {
                let ok = matches!(
                    tokio::time::timeout(
                        Duration::from_millis(400),
                        tokio::net::TcpStream::connect(&addr)
                    )
                    .await,
                    Ok(Ok(_))
                );
                if flag.swap(ok, Ordering::Relaxed) != ok {
                    tracing::warn!(
                        "database {addr} is {}",
                        if ok { "reachable again" } else { "unreachable" }
                    );
                }
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        });
        DbWatch(up)
    }

    pub fn up(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_empties_and_refills() {
        let l = Limits {
            limits: HashMap::from([(
                Class::Verify,
                Limit {
                    max: 3.0,
                    per: Duration::from_millis(300),
                },
            )]),
            buckets: Mutex::new(HashMap::new()),
        };
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        let other: IpAddr = "127.0.0.2".parse().unwrap();
        assert_eq!(
            (0..5)
                .map(|_| l.allow(Class::Verify, ip))
                .filter(|a| *a)
                .count(),
            3
        );
        assert!(
            l.allow(Class::Verify, other),
            "another client has its own bucket"
        );
        std::thread::sleep(Duration::from_millis(120));
        assert!(
            l.allow(Class::Verify, ip),
            "refilled after a third of the period"
        );
        assert_eq!(
            Limit::parse("30/300"),
            Some(Limit {
                max: 30.0,
                per: Duration::from_secs(300)
            })
        );
    }
}
