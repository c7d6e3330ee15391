// React glue for the data provider (React 18 or 19).
import type { ReactNode, ReactElement } from "react";
import type { McClient, McSession } from "./mission_control_sdk.js";
import type { CockpitSnapshot, McDataProvider, McDataProviderOptions } from "./provider.js";

/** Holds `client` and its data provider for the components below. */
export declare function McProvider(props: { client: McClient; options?: McDataProviderOptions; children?: ReactNode }): ReactElement
/** The client given to <McProvider>. */
export declare function useClient(): McClient
/** The current snapshot (the DataProvider contract), a new object after each refresh. */
export declare function useDataProvider(): CockpitSnapshot
/** The provider itself: load, refresh, error. */
export declare function useDataSource(): McDataProvider
/** `undefined` while unknown, then the session or `null`. */
export declare function useSession(): McSession | null | undefined
/** Its children once signed in and loaded; a sign-in form (or `signIn`) before, `loading` while loading, `empty` when the user has no company. */
export declare function McSignInGate(props: { children?: ReactNode; signIn?: ReactNode; loading?: ReactNode; empty?: ReactNode }): ReactElement | null
