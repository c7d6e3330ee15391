export { PostgrestClient } from "@supabase/postgrest-js";
