// The package's entry point: everything wasm-bindgen generates, plus the runtime `Constants`.
export * from "./mission_control_sdk.js";
import { schemaConstants } from "./mission_control_sdk.js";

/** Every enum's values in Postgres order, as `supabase gen types typescript` exports them. */
export const Constants = schemaConstants();
export { createDataProvider, CockpitSnapshot, avatarInitials, SECTOR_DISPLAY_LABELS, SECTOR_SIZES } from "./provider.js";
