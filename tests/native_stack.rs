//! The Rust API outside the browser (reqwest transport) against the local stack: auth, the
//! typed builder with typed columns and rows, RLS. Skipped when the stack's URL was not set at
//! build time (`scripts/test.sh` sets it).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use mission_control_sdk::schema::*;
use mission_control_sdk::{Client, ClientOptions, ErrorCode};

fn stack() -> Option<Client> {
    option_env!("MC_URL").map(|url| Client::new(url, common::KEY, ClientOptions::default()))
}

fn email(tag: &str) -> String {
    let n = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("native-{tag}-{n}@example.com")
}

#[tokio::test(flavor = "current_thread")]
async fn typed_queries_and_rls_from_native_rust() {
    let Some(owner) = stack() else {
        eprintln!("MC_URL not set at build time: skipped");
        return;
    };
    let (_, user) = owner
        .auth()
        .sign_up(&email("owner"), "correct-horse-9", None)
        .await
        .expect("sign up");
    let me: uuid::Uuid = user["id"].as_str().unwrap().parse().unwrap();

    let company = owner
        .table::<Companies>()
        .insert(&[CompanyInsert {
            name: "Native Co".into(),
            owner_user_id: me,
            id: None,
            status: None,
            created_at: None,
            mission: None,
            vision: None,
            values: Some(vec!["a".into(), "b".into(), "c".into()]),
            strategic_priorities: None,
            pulse_interval_minutes: Some(20),
            default_autonomy: Some(AutonomyLevel::A3),
            spending_authority_usd: Some(99.5),
            ceo_id: None,
        }])
        .select("*")
        .fetch_one()
        .await
        .expect("insert company");
    assert_eq!(
        (
            company.name.as_str(),
            company.status,
            company.default_autonomy
        ),
        ("Native Co", CompanyStatus::Onboarding, AutonomyLevel::A3)
    );
    assert_eq!(company.spending_authority_usd, 99.5);

    let found = owner
        .table::<Companies>()
        .eq(Companies::ID, company.id)
        .eq(Companies::STATUS, CompanyStatus::Onboarding)
        .fetch()
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].values.as_deref(),
        Some(&["a".to_string(), "b".to_string(), "c".to_string()][..])
    );

    // Validation stops a bad insert before the network.
    let err = owner
        .table::<Agents>()
        .insert(&[AgentInsert {
            company_id: company.id,
            name: " ".into(),
            role: "CEO".into(),
            tier: 9,
            id: None,
            human: None,
            department_id: None,
            reports_to: None,
            autonomy_level: None,
            mandate: None,
            status: None,
            last_pulse: None,
            created_at: None,
        }])
        .execute()
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::ValidationFailed);
    assert_eq!(
        err.violations
            .iter()
            .map(|v| v.field.as_str())
            .collect::<Vec<_>>(),
        vec!["name", "tier"]
    );

    // Another user sees nothing of it.
    let other = stack().unwrap();
    other
        .auth()
        .sign_up(&email("other"), "correct-horse-9", None)
        .await
        .unwrap();
    let none = other
        .table::<Companies>()
        .eq(Companies::ID, company.id)
        .fetch_optional()
        .await
        .unwrap();
    assert_eq!(none, None);

    // Wrong password: a typed auth error.
    let bad = other
        .auth()
        .sign_in_with_password("nobody@example.com", "wrong-password")
        .await
        .unwrap_err();
    assert_eq!(bad.code, ErrorCode::InvalidCredentials);
}
