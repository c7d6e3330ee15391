// Small shared pieces: the error line, `{ data, error }` helpers, sections and breadcrumbs.
import { useCallback, useEffect, useState, type ReactNode } from "react";
import type { McError, McResult } from "@mission-control/sdk";
import { href, type Route } from "../route";

export function ErrorLine({ error }: { error: McError | null }) {
  if (!error) return null;
  const rules = error.violations?.length ? ` (${error.violations.map((v) => `${v.field}: ${v.rule}`).join("; ")})` : "";
  return <div className="error" data-testid="error">{error.code}: {error.message}{rules}</div>;
}

/** Unwraps `{ data, error }`: the error goes to the screen's error line. */
export function useAction(setError: (e: McError | null) => void) {
  return useCallback(async <T,>(p: PromiseLike<McResult<T>>): Promise<T | null> => {
    const r = await p;
    setError(r.error);
    return r.error ? null : r.data;
  }, [setError]);
}

/** Runs a read when `deps` change; the third value runs it again. */
export function useLoad<T>(load: () => PromiseLike<McResult<T>>, deps: unknown[]): [T | null, McError | null, () => void] {
  const [state, setState] = useState<[T | null, McError | null]>([null, null]);
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    void Promise.resolve(load()).then((r) => { if (live) setState([r.data, r.error]); });
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, n]);
  return [state[0], state[1], useCallback(() => setN((x) => x + 1), [])];
}

export function Section({ title, subtitle, children, testid }: { title: string; subtitle?: string; children: ReactNode; testid?: string }) {
  return (
    <section className="section" data-testid={testid}>
      <h3>{title}{subtitle && <span className="muted"> · {subtitle}</span>}</h3>
      {children}
    </section>
  );
}

/** "Cockpit › Organization › …": every part but the last is a link. */
export function Breadcrumb({ parts }: { parts: { label: string; to?: Route }[] }) {
  return (
    <nav className="crumbs" data-testid="breadcrumb">
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 && <span className="sep">›</span>}
          {p.to ? <a href={href(p.to)}>{p.label}</a> : <span>{p.label}</span>}
        </span>
      ))}
    </nav>
  );
}

/** "5m ago", "3h ago", "2d ago"; "Never" for null. */
export function relativeTime(iso: string | null): string {
  if (!iso) return "Never";
  const s = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ago`;
  return `${Math.floor(s / 86400)}d ago`;
}
