-- Immutability of memory_entries (INV-MEM-001) and chat_messages, for every role.
-- RLS already offers no UPDATE/DELETE policy; these triggers also stop service_role,
-- direct connections and foreign-key actions (ON DELETE SET NULL is an UPDATE).

CREATE OR REPLACE FUNCTION public.prevent_mutation()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION '% on %.% is forbidden — table is immutable.', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER trg_memory_entries_no_update BEFORE UPDATE ON public.memory_entries
  FOR EACH ROW EXECUTE FUNCTION public.prevent_mutation();
CREATE TRIGGER trg_memory_entries_no_delete BEFORE DELETE ON public.memory_entries
  FOR EACH ROW EXECUTE FUNCTION public.prevent_mutation();
CREATE TRIGGER trg_chat_messages_no_update BEFORE UPDATE ON public.chat_messages
  FOR EACH ROW EXECUTE FUNCTION public.prevent_mutation();
CREATE TRIGGER trg_chat_messages_no_delete BEFORE DELETE ON public.chat_messages
  FOR EACH ROW EXECUTE FUNCTION public.prevent_mutation();
