-- Mission Control runtime schema (MC-RUNTIME-SPEC-v1 §2, §8.3.2).
-- The contract is docs/contract/schema-reference.md; column facts follow docs/contract/domain-rules.md.
-- Relies on what every Supabase project provides: auth.users, auth.uid(), the anon /
-- authenticated / service_role roles and their default privileges on schema public.

-- ---------------------------------------------------------------------------
-- Enums (21), values in the documented order
-- ---------------------------------------------------------------------------
CREATE TYPE public.company_status AS ENUM ('ONBOARDING', 'ACTIVE', 'SUSPENDED');
CREATE TYPE public.agent_status AS ENUM ('ACTIVE', 'INACTIVE', 'SUSPENDED');
CREATE TYPE public.task_status AS ENUM ('PENDING', 'IN_PROGRESS', 'BLOCKED', 'COMPLETE', 'CANCELLED');
CREATE TYPE public.escalation_status AS ENUM ('PENDING', 'ACKNOWLEDGED', 'RESOLVED');
CREATE TYPE public.pulse_status AS ENUM ('RUNNING', 'COMPLETE', 'FAILED');
CREATE TYPE public.chat_session_status AS ENUM ('ACTIVE', 'CLOSED');
CREATE TYPE public.health_status AS ENUM ('GREEN', 'YELLOW', 'RED');

CREATE TYPE public.sector_type AS ENUM ('COMMAND', 'ORGANIZATION', 'OPERATIONS', 'FINANCE', 'INTELLIGENCE', 'METRICS');
CREATE TYPE public.department_type AS ENUM ('FINANCE', 'OPERATIONS', 'PRODUCT', 'TECHNOLOGY', 'MARKETING', 'SALES', 'LEGAL', 'EXTERNAL', 'PEOPLE');
CREATE TYPE public.autonomy_level AS ENUM ('A1', 'A2', 'A3');
CREATE TYPE public.task_priority AS ENUM ('URGENT', 'HIGH', 'NORMAL', 'LOW');
CREATE TYPE public.escalation_type AS ENUM ('AWARENESS', 'ACTION_REQUIRED');
CREATE TYPE public.message_priority AS ENUM ('SYNC', 'ASYNC');
CREATE TYPE public.message_type AS ENUM ('DIRECTIVE', 'REPORT', 'ESCALATION', 'COORDINATION', 'DELEGATION');
CREATE TYPE public.memory_entry_type AS ENUM ('DECISION', 'ACTION', 'ESCALATION', 'COMMUNICATION', 'PULSE', 'AUDIT', 'KNOWLEDGE');
CREATE TYPE public.memory_importance AS ENUM ('HIGH', 'MEDIUM', 'LOW');
CREATE TYPE public.chat_message_role AS ENUM ('USER', 'AGENT');

CREATE TYPE public.pulse_phase AS ENUM ('SCAN', 'ASSESS', 'DECIDE', 'EXECUTE', 'LOG', 'COMPLETE');
CREATE TYPE public.pulse_decision_outcome AS ENUM ('QUEUED', 'PROPOSED', 'ESCALATED');
CREATE TYPE public.pulse_action_type AS ENUM ('TASK_PROGRESS', 'COMMUNICATION', 'STATUS_UPDATE', 'ESCALATION', 'DELEGATION', 'DOCUMENTATION');
CREATE TYPE public.escalation_trigger AS ENUM (
  'TASK_BLOCKED', 'SCOPE_UNCLEAR', 'CONFLICTING_INSTRUCTIONS', 'RESOURCE_CONSTRAINT',
  'CROSS_TEAM_DEPENDENCY', 'SCOPE_EXCEEDED', 'CROSS_DOMAIN_CONFLICT', 'IRREVERSIBLE_DECISION',
  'BUDGET_REQUEST', 'EXTERNAL_COMMITMENT', 'MISSION_DRIFT', 'MATERIAL_RISK', 'TIMELINE_RISK',
  'PERFORMANCE_ISSUE', 'MILESTONE', 'OPPORTUNITY', 'TASK_COMPLETE', 'ANOMALY', 'QUALITY_ISSUE',
  'WORKSTREAM_COMPLETE'
);

-- ---------------------------------------------------------------------------
-- Tables (11)
-- ---------------------------------------------------------------------------
CREATE TABLE public.companies (
  id                     UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  name                   TEXT NOT NULL,
  status                 public.company_status NOT NULL DEFAULT 'ONBOARDING',
  created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
  mission                TEXT,
  vision                 TEXT,
  "values"               TEXT[] DEFAULT '{}',
  strategic_priorities   TEXT[] DEFAULT '{}',
  pulse_interval_minutes INTEGER NOT NULL DEFAULT 15,
  default_autonomy       public.autonomy_level NOT NULL DEFAULT 'A2',
  spending_authority_usd NUMERIC(12,2) NOT NULL DEFAULT 0,
  owner_user_id          UUID NOT NULL REFERENCES auth.users(id),
  ceo_id                 UUID -- FK fk_companies_ceo added after agents
);

CREATE TABLE public.sectors (
  id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id UUID NOT NULL REFERENCES public.companies(id) ON DELETE CASCADE,
  type       public.sector_type NOT NULL,
  health     public.health_status NOT NULL DEFAULT 'GREEN',
  data       JSONB NOT NULL DEFAULT '{}',
  UNIQUE (company_id, type)
);

CREATE TABLE public.departments (
  id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id UUID NOT NULL REFERENCES public.companies(id) ON DELETE CASCADE,
  type       public.department_type NOT NULL,
  health     public.health_status NOT NULL DEFAULT 'GREEN',
  key_metric JSONB DEFAULT '{}',
  chief_id   UUID, -- FK fk_departments_chief added after agents
  memory     JSONB DEFAULT '{}',
  UNIQUE (company_id, type)
);

CREATE TABLE public.agents (
  id             UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id     UUID NOT NULL REFERENCES public.companies(id) ON DELETE CASCADE,
  name           TEXT NOT NULL,
  role           TEXT NOT NULL,
  tier           SMALLINT NOT NULL CHECK (tier BETWEEN 1 AND 5),
  human          BOOLEAN NOT NULL DEFAULT false,
  department_id  UUID REFERENCES public.departments(id) ON DELETE SET NULL,
  reports_to     UUID REFERENCES public.agents(id) ON DELETE SET NULL,
  autonomy_level public.autonomy_level NOT NULL DEFAULT 'A2',
  mandate        TEXT,
  status         public.agent_status NOT NULL DEFAULT 'ACTIVE',
  last_pulse     TIMESTAMPTZ,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

ALTER TABLE public.companies
  ADD CONSTRAINT fk_companies_ceo FOREIGN KEY (ceo_id) REFERENCES public.agents(id) ON DELETE SET NULL;
ALTER TABLE public.departments
  ADD CONSTRAINT fk_departments_chief FOREIGN KEY (chief_id) REFERENCES public.agents(id) ON DELETE SET NULL;

CREATE TABLE public.tasks (
  id             UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id     UUID NOT NULL REFERENCES public.companies(id) ON DELETE CASCADE,
  assignee_id    UUID NOT NULL REFERENCES public.agents(id) ON DELETE CASCADE,
  assigned_by    UUID NOT NULL REFERENCES public.agents(id) ON DELETE CASCADE,
  department_id  UUID REFERENCES public.departments(id) ON DELETE SET NULL,
  project_id     UUID, -- future FK
  title          TEXT NOT NULL,
  description    TEXT,
  parameters     JSONB DEFAULT '{}',
  status         public.task_status NOT NULL DEFAULT 'PENDING',
  priority       public.task_priority NOT NULL DEFAULT 'NORMAL',
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  started_at     TIMESTAMPTZ,
  completed_at   TIMESTAMPTZ,
  blocked_reason TEXT,
  parent_task_id UUID REFERENCES public.tasks(id) ON DELETE SET NULL
);

CREATE TABLE public.escalations (
  id                 UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id         UUID NOT NULL REFERENCES public.companies(id) ON DELETE CASCADE,
  from_agent_id      UUID NOT NULL REFERENCES public.agents(id) ON DELETE CASCADE,
  to_agent_id        UUID NOT NULL REFERENCES public.agents(id) ON DELETE CASCADE,
  type               public.escalation_type NOT NULL,
  trigger            public.escalation_trigger NOT NULL,
  context            TEXT NOT NULL,
  impact             TEXT NOT NULL,
  recommendation     TEXT NOT NULL,
  status             public.escalation_status NOT NULL DEFAULT 'PENDING',
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  acknowledged_at    TIMESTAMPTZ,
  resolved_at        TIMESTAMPTZ,
  resolution         TEXT,
  related_task_id    UUID REFERENCES public.tasks(id) ON DELETE SET NULL,
  related_project_id UUID -- future FK
);

CREATE TABLE public.pulses (
  id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id    UUID NOT NULL REFERENCES public.companies(id) ON DELETE CASCADE,
  agent_id      UUID NOT NULL REFERENCES public.agents(id) ON DELETE CASCADE,
  started_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  completed_at  TIMESTAMPTZ,
  phase         public.pulse_phase NOT NULL DEFAULT 'SCAN',
  scanned_state JSONB DEFAULT '{}',
  decisions     JSONB DEFAULT '[]',
  actions       JSONB DEFAULT '[]',
  status        public.pulse_status NOT NULL DEFAULT 'RUNNING',
  error         TEXT
);

CREATE TABLE public.messages (
  id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id    UUID NOT NULL REFERENCES public.companies(id) ON DELETE CASCADE,
  from_agent_id UUID NOT NULL REFERENCES public.agents(id) ON DELETE CASCADE,
  to_agent_id   UUID NOT NULL REFERENCES public.agents(id) ON DELETE CASCADE,
  subject       TEXT NOT NULL,
  body          TEXT NOT NULL,
  priority      public.message_priority NOT NULL DEFAULT 'ASYNC',
  type          public.message_type NOT NULL,
  sent_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  read_at       TIMESTAMPTZ,
  processed_at  TIMESTAMPTZ
);

CREATE TABLE public.memory_entries (
  id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id    UUID NOT NULL REFERENCES public.companies(id) ON DELETE CASCADE,
  type          public.memory_entry_type NOT NULL,
  summary       TEXT NOT NULL,
  details       JSONB DEFAULT '{}',
  agent_id      UUID REFERENCES public.agents(id) ON DELETE SET NULL,
  department_id UUID REFERENCES public.departments(id) ON DELETE SET NULL,
  related_ids   UUID[] DEFAULT '{}',
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  importance    public.memory_importance NOT NULL DEFAULT 'MEDIUM',
  tags          TEXT[] DEFAULT '{}'
);

CREATE TABLE public.chat_sessions (
  id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id UUID NOT NULL REFERENCES public.companies(id) ON DELETE CASCADE,
  user_id    UUID NOT NULL REFERENCES auth.users(id),
  agent_id   UUID NOT NULL REFERENCES public.agents(id) ON DELETE CASCADE,
  status     public.chat_session_status NOT NULL DEFAULT 'ACTIVE',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  closed_at  TIMESTAMPTZ
);

CREATE TABLE public.chat_messages (
  id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id  UUID NOT NULL REFERENCES public.chat_sessions(id) ON DELETE CASCADE,
  company_id  UUID NOT NULL REFERENCES public.companies(id) ON DELETE CASCADE,
  role        public.chat_message_role NOT NULL,
  content     TEXT NOT NULL,
  sent_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  tokens_used INTEGER
);

-- ---------------------------------------------------------------------------
-- Indexes (42)
-- ---------------------------------------------------------------------------
CREATE INDEX idx_companies_owner ON public.companies (owner_user_id);
CREATE INDEX idx_companies_ceo ON public.companies (ceo_id);

CREATE INDEX idx_sectors_company ON public.sectors (company_id);

CREATE INDEX idx_departments_company ON public.departments (company_id);
CREATE INDEX idx_departments_chief ON public.departments (chief_id);

CREATE INDEX idx_agents_company ON public.agents (company_id);
CREATE INDEX idx_agents_company_status ON public.agents (company_id, status);
CREATE INDEX idx_agents_company_tier ON public.agents (company_id, tier);
CREATE INDEX idx_agents_department ON public.agents (department_id);
CREATE INDEX idx_agents_reports_to ON public.agents (reports_to);

CREATE INDEX idx_tasks_company ON public.tasks (company_id);
CREATE INDEX idx_tasks_company_status ON public.tasks (company_id, status);
CREATE INDEX idx_tasks_company_created ON public.tasks (company_id, created_at);
CREATE INDEX idx_tasks_assignee ON public.tasks (assignee_id);
CREATE INDEX idx_tasks_assigned_by ON public.tasks (assigned_by);
CREATE INDEX idx_tasks_department ON public.tasks (department_id);
CREATE INDEX idx_tasks_parent ON public.tasks (parent_task_id);

CREATE INDEX idx_escalations_company ON public.escalations (company_id);
CREATE INDEX idx_escalations_company_status ON public.escalations (company_id, status);
CREATE INDEX idx_escalations_company_created ON public.escalations (company_id, created_at);
CREATE INDEX idx_escalations_from_agent ON public.escalations (from_agent_id);
CREATE INDEX idx_escalations_to_agent ON public.escalations (to_agent_id);
CREATE INDEX idx_escalations_related_task ON public.escalations (related_task_id);

CREATE INDEX idx_pulses_company ON public.pulses (company_id);
CREATE INDEX idx_pulses_company_status ON public.pulses (company_id, status);
CREATE INDEX idx_pulses_agent ON public.pulses (agent_id);
CREATE INDEX idx_pulses_agent_started ON public.pulses (agent_id, started_at);

CREATE INDEX idx_messages_company ON public.messages (company_id);
CREATE INDEX idx_messages_company_sent ON public.messages (company_id, sent_at);
CREATE INDEX idx_messages_from_agent ON public.messages (from_agent_id);
CREATE INDEX idx_messages_to_agent ON public.messages (to_agent_id);

CREATE INDEX idx_memory_entries_company ON public.memory_entries (company_id);
CREATE INDEX idx_memory_entries_company_type ON public.memory_entries (company_id, type);
CREATE INDEX idx_memory_entries_company_created ON public.memory_entries (company_id, created_at);
CREATE INDEX idx_memory_entries_agent ON public.memory_entries (agent_id);
CREATE INDEX idx_memory_entries_department ON public.memory_entries (department_id);

CREATE INDEX idx_chat_sessions_company ON public.chat_sessions (company_id);
CREATE INDEX idx_chat_sessions_company_status ON public.chat_sessions (company_id, status);
CREATE INDEX idx_chat_sessions_agent ON public.chat_sessions (agent_id);
CREATE INDEX idx_chat_sessions_user ON public.chat_sessions (user_id);

CREATE INDEX idx_chat_messages_company ON public.chat_messages (company_id);
CREATE INDEX idx_chat_messages_session_sent ON public.chat_messages (session_id, sent_at);

-- ---------------------------------------------------------------------------
-- Row level security (39 policies)
-- ---------------------------------------------------------------------------
ALTER TABLE public.companies      ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.sectors        ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.departments    ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.agents         ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.tasks          ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.escalations    ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.pulses         ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.messages       ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.memory_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.chat_sessions  ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.chat_messages  ENABLE ROW LEVEL SECURITY;

-- companies: the owner, directly.
CREATE POLICY companies_select_own ON public.companies FOR SELECT USING (owner_user_id = auth.uid());
CREATE POLICY companies_insert_own ON public.companies FOR INSERT WITH CHECK (owner_user_id = auth.uid());
CREATE POLICY companies_update_own ON public.companies FOR UPDATE USING (owner_user_id = auth.uid());
CREATE POLICY companies_delete_own ON public.companies FOR DELETE USING (owner_user_id = auth.uid());

-- Every other table: through the owning company. Policies are generated from one
-- template so that the 35 company-scoped policies cannot drift apart.
DO $rls$
DECLARE
  owned CONSTANT TEXT :=
    'company_id IN (SELECT c.id FROM public.companies c WHERE c.owner_user_id = auth.uid())';
  t   TEXT;
  ops TEXT[];
  op  TEXT;
BEGIN
  FOR t, ops IN
    SELECT * FROM (VALUES
      ('sectors',        ARRAY['select', 'insert', 'update', 'delete']),
      ('departments',    ARRAY['select', 'insert', 'update', 'delete']),
      ('agents',         ARRAY['select', 'insert', 'update', 'delete']),
      ('tasks',          ARRAY['select', 'insert', 'update', 'delete']),
      ('escalations',    ARRAY['select', 'insert', 'update', 'delete']),
      ('pulses',         ARRAY['select', 'insert', 'update', 'delete']),
      ('messages',       ARRAY['select', 'insert', 'update', 'delete']),
      ('memory_entries', ARRAY['select', 'insert']),           -- append-only (INV-MEM-001)
      ('chat_sessions',  ARRAY['select', 'insert', 'update']), -- no delete
      ('chat_messages',  ARRAY['select', 'insert'])            -- immutable
    ) AS v(tbl, allowed)
  LOOP
    FOREACH op IN ARRAY ops LOOP
      EXECUTE format(
        'CREATE POLICY %I ON public.%I FOR %s %s (%s)',
        t || '_' || op, t, upper(op),
        CASE op WHEN 'insert' THEN 'WITH CHECK' ELSE 'USING' END,
        owned);
    END LOOP;
  END LOOP;
END
$rls$;
