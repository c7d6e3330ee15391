-- Tables of the auth stand-in (stack/gateway/src/auth.rs), in place of GoTrue's own
-- migrations, which cannot run here (GoTrue's module is not served by the Go proxy this
-- workplace reaches). Column names follow GoTrue's so that auth.users looks as it does on
-- Supabase to anything that joins it.
\set ON_ERROR_STOP on
SET ROLE supabase_auth_admin;

CREATE TABLE IF NOT EXISTS auth.users (
  instance_id        uuid,
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  aud                varchar(255) NOT NULL DEFAULT 'authenticated',
  role               varchar(255) NOT NULL DEFAULT 'authenticated',
  email              varchar(255) UNIQUE,
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  confirmation_token varchar(255),
  recovery_token     varchar(255),
  recovery_sent_at   timestamptz,
  email_change       varchar(255),
  last_sign_in_at    timestamptz,
  raw_app_meta_data  jsonb NOT NULL DEFAULT '{"provider":"email","providers":["email"]}',
  raw_user_meta_data jsonb NOT NULL DEFAULT '{}',
  is_anonymous       boolean NOT NULL DEFAULT false,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS auth.sessions (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id    uuid NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
  -- How the session began (the access token's amr keeps it across refreshes).
  sign_in_method text NOT NULL DEFAULT 'password',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS auth.refresh_tokens (
  id         bigserial PRIMARY KEY,
  token      varchar(255) NOT NULL UNIQUE,
  user_id    uuid NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
  session_id uuid NOT NULL REFERENCES auth.sessions(id) ON DELETE CASCADE,
  parent     varchar(255),
  revoked    boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS refresh_tokens_session_idx ON auth.refresh_tokens (session_id);

CREATE TABLE IF NOT EXISTS auth.one_time_tokens (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id    uuid NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
  kind       text NOT NULL,       -- 'magiclink' | 'recovery' | 'signup'
  token_hash text NOT NULL,
  attempts   integer NOT NULL DEFAULT 0, -- wrong guesses so far; five end the code
  created_at timestamptz NOT NULL DEFAULT now()
);

-- What each emailed code was for: the address it went to (an email change sends one to each
-- address), and the link's token hash (hex sha224 of address and code, as GoTrue makes it;
-- prefixed `pkce_` in the PKCE flow).
ALTER TABLE auth.one_time_tokens ADD COLUMN IF NOT EXISTS relates_to text;
ALTER TABLE auth.one_time_tokens ADD COLUMN IF NOT EXISTS link_hash text;
ALTER TABLE auth.one_time_tokens ADD COLUMN IF NOT EXISTS redirect_to text;

-- A pending email change (secure email change: both addresses confirm).
ALTER TABLE auth.users ADD COLUMN IF NOT EXISTS email_change_sent_at timestamptz;
ALTER TABLE auth.users ADD COLUMN IF NOT EXISTS email_change_confirm_status smallint NOT NULL DEFAULT 0;

-- PKCE flow state (GoTrue's auth.flow_state): the challenge of a flow begun by /otp, /recover,
-- /resend or an email change, and the one-time auth code /verify issues for it.
CREATE TABLE IF NOT EXISTS auth.flow_state (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id               uuid REFERENCES auth.users(id) ON DELETE CASCADE,
  auth_code             text NOT NULL UNIQUE,
  code_challenge        text NOT NULL,
  code_challenge_method text NOT NULL,
  authentication_method text NOT NULL,
  auth_code_issued_at   timestamptz,
  created_at            timestamptz NOT NULL DEFAULT now()
);

-- MFA (GoTrue's auth.mfa_factors / mfa_challenges): TOTP factors, their challenges, and the
-- assurance level each session reached (aal2 once a factor was verified in it).
CREATE TABLE IF NOT EXISTS auth.mfa_factors (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
  friendly_name text,
  factor_type   text NOT NULL,
  status        text NOT NULL DEFAULT 'unverified',
  secret        text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS auth.mfa_challenges (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  factor_id   uuid NOT NULL REFERENCES auth.mfa_factors(id) ON DELETE CASCADE,
  ip_address  text NOT NULL DEFAULT '',
  verified_at timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE auth.sessions ADD COLUMN IF NOT EXISTS aal text NOT NULL DEFAULT 'aal1';
ALTER TABLE auth.sessions ADD COLUMN IF NOT EXISTS factor_id uuid;
ALTER TABLE auth.sessions ADD COLUMN IF NOT EXISTS mfa_verified_at timestamptz;

-- External sign-in: identities of other providers, the flow state of an OAuth redirect, and
-- whether a user has an email identity (a user created by a provider has none).
CREATE TABLE IF NOT EXISTS auth.identities (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id         uuid NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
  provider        text NOT NULL,
  provider_id     text NOT NULL,
  identity_data   jsonb NOT NULL DEFAULT '{}',
  email           text,
  last_sign_in_at timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, provider_id)
);
ALTER TABLE auth.users ADD COLUMN IF NOT EXISTS email_identity boolean NOT NULL DEFAULT true;
ALTER TABLE auth.flow_state ALTER COLUMN code_challenge DROP NOT NULL;
ALTER TABLE auth.flow_state ALTER COLUMN code_challenge_method DROP NOT NULL;
ALTER TABLE auth.flow_state ADD COLUMN IF NOT EXISTS provider_type text;
ALTER TABLE auth.flow_state ADD COLUMN IF NOT EXISTS referrer text;
ALTER TABLE auth.flow_state ADD COLUMN IF NOT EXISTS linking_target_id uuid;
ALTER TABLE auth.flow_state ADD COLUMN IF NOT EXISTS provider_access_token text;
ALTER TABLE auth.flow_state ADD COLUMN IF NOT EXISTS provider_refresh_token text;

RESET ROLE;
GRANT SELECT ON auth.users TO service_role;
