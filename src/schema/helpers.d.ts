// Lookup helpers over `Database`. They accept a table or enum name of the public schema, or
// `{ schema }` followed by a name, as the helpers of `supabase gen types typescript` do.
type McSchemas = Omit<Database, "__InternalSupabase">
type McSchemaName = keyof McSchemas
type McRelations<S extends McSchemaName> = McSchemas[S]["Tables"] & McSchemas[S]["Views"]
type McPick<T, K extends string> = T extends { [P in K]: infer V } ? V : never

export type Tables<
  NameOrSchema extends keyof McRelations<"public"> | { schema: McSchemaName },
  Name extends NameOrSchema extends { schema: McSchemaName } ? keyof McRelations<NameOrSchema["schema"]> : never = never,
> = NameOrSchema extends { schema: McSchemaName }
  ? McPick<McRelations<NameOrSchema["schema"]>[Name], "Row">
  : NameOrSchema extends keyof McRelations<"public">
    ? McPick<McRelations<"public">[NameOrSchema], "Row">
    : never

export type TablesInsert<
  NameOrSchema extends keyof McSchemas["public"]["Tables"] | { schema: McSchemaName },
  Name extends NameOrSchema extends { schema: McSchemaName } ? keyof McSchemas[NameOrSchema["schema"]]["Tables"] : never = never,
> = NameOrSchema extends { schema: McSchemaName }
  ? McPick<McSchemas[NameOrSchema["schema"]]["Tables"][Name], "Insert">
  : NameOrSchema extends keyof McSchemas["public"]["Tables"]
    ? McPick<McSchemas["public"]["Tables"][NameOrSchema], "Insert">
    : never

export type TablesUpdate<
  NameOrSchema extends keyof McSchemas["public"]["Tables"] | { schema: McSchemaName },
  Name extends NameOrSchema extends { schema: McSchemaName } ? keyof McSchemas[NameOrSchema["schema"]]["Tables"] : never = never,
> = NameOrSchema extends { schema: McSchemaName }
  ? McPick<McSchemas[NameOrSchema["schema"]]["Tables"][Name], "Update">
  : NameOrSchema extends keyof McSchemas["public"]["Tables"]
    ? McPick<McSchemas["public"]["Tables"][NameOrSchema], "Update">
    : never

export type Enums<
  NameOrSchema extends keyof McSchemas["public"]["Enums"] | { schema: McSchemaName },
  Name extends NameOrSchema extends { schema: McSchemaName } ? keyof McSchemas[NameOrSchema["schema"]]["Enums"] : never = never,
> = NameOrSchema extends { schema: McSchemaName }
  ? McSchemas[NameOrSchema["schema"]]["Enums"][Name]
  : NameOrSchema extends keyof McSchemas["public"]["Enums"]
    ? McSchemas["public"]["Enums"][NameOrSchema]
    : never

export type CompositeTypes<
  NameOrSchema extends keyof McSchemas["public"]["CompositeTypes"] | { schema: McSchemaName },
  Name extends NameOrSchema extends { schema: McSchemaName } ? keyof McSchemas[NameOrSchema["schema"]]["CompositeTypes"] : never = never,
> = NameOrSchema extends { schema: McSchemaName }
  ? McSchemas[NameOrSchema["schema"]]["CompositeTypes"][Name]
  : NameOrSchema extends keyof McSchemas["public"]["CompositeTypes"]
    ? McSchemas["public"]["CompositeTypes"][NameOrSchema]
    : never
