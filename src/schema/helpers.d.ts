// Lookup helpers over `Database`. They accept a table or enum name of the public schema, or
// `{ schema }` followed by a name, as the helpers of `supabase gen types typescript` do.
type McSchemas = Omit<Database, "__InternalSupabase">
type McSchemaName = keyof McSchemas
type McRelations<S extends McSchemaName> = McSchemas[S]["Tables"] & McSchemas[S]["Views"]
type McPick<T, K extends string> = T extends { [P in K]: infer V } ? V : never
/** The group (`Tables`, `Enums`, …) named by `NameOrSchema`'s schema, public by default. */
type McGroup<NameOrSchema, G extends "Tables" | "Enums" | "CompositeTypes"> =
  NameOrSchema extends { schema: McSchemaName } ? McSchemas[NameOrSchema["schema"]][G] : McSchemas["public"][G]
/** The name the lookup is about: the second argument with `{ schema }`, else the first. */
type McKey<NameOrSchema, Name> = NameOrSchema extends { schema: McSchemaName } ? Name : NameOrSchema
/** Valid second arguments: names in the given schema's group, or `never` without `{ schema }`. */
type McNameIn<NameOrSchema, G extends "Tables" | "Enums" | "CompositeTypes"> =
  NameOrSchema extends { schema: McSchemaName } ? keyof McSchemas[NameOrSchema["schema"]][G] : never

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
  Name extends McNameIn<NameOrSchema, "Tables"> = never,
> = McPick<McGroup<NameOrSchema, "Tables">[McKey<NameOrSchema, Name> & keyof McGroup<NameOrSchema, "Tables">], "Insert">

export type TablesUpdate<
  NameOrSchema extends keyof McSchemas["public"]["Tables"] | { schema: McSchemaName },
  Name extends McNameIn<NameOrSchema, "Tables"> = never,
> = McPick<McGroup<NameOrSchema, "Tables">[McKey<NameOrSchema, Name> & keyof McGroup<NameOrSchema, "Tables">], "Update">

export type Enums<
  NameOrSchema extends keyof McSchemas["public"]["Enums"] | { schema: McSchemaName },
  Name extends McNameIn<NameOrSchema, "Enums"> = never,
> = McGroup<NameOrSchema, "Enums">[McKey<NameOrSchema, Name> & keyof McGroup<NameOrSchema, "Enums">]

export type CompositeTypes<
  NameOrSchema extends keyof McSchemas["public"]["CompositeTypes"] | { schema: McSchemaName },
  Name extends McNameIn<NameOrSchema, "CompositeTypes"> = never,
> = McGroup<NameOrSchema, "CompositeTypes">[McKey<NameOrSchema, Name> & keyof McGroup<NameOrSchema, "CompositeTypes">]
