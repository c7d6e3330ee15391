// The package's entry point: the generated declarations (which declare `Constants` too).
export * from "./mission_control_sdk.js";
export * from "./provider.js";
