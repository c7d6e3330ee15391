// The JavaScript half of the façade: plain classes that record what the caller asks for and
// hand it to the wasm core in one string when awaited. Nothing here knows the vocabulary: the
// builder's methods, the async auth methods and the workflows are installed from the Rust
// method table (`src/surface/table.rs`, through `surface.js` or `installSurface`), and every
// argument check happens there.

import { mcFetch } from "../http/platform/fetch.js";
import { METHODS, AUTH_CALLS, WORKFLOWS } from "./entry/surface.js";

export { Constants } from "./entry/surface.js";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** Every error of the SDK: a real `Error` with stable fields. */
export class McError extends Error {
  constructor(message, code, status, details, hint, violations, retryable, serverCode, reasons) {
    super(message);
    this.name = "McError";
    this.code = code;
    this.status = status;
    this.details = details;
    this.hint = hint;
    this.violations = violations;
    this.retryable = retryable;
    this.serverCode = serverCode;
    this.reasons = reasons;
  }
  toJSON() {
    const { name, message, code, status, details, hint, violations, retryable, serverCode, reasons } = this;
    return { name, message, code, status, details, hint, violations, retryable, serverCode, reasons };
  }
}

export function makeMcError(message, code, status, details, hint, violations, retryable, serverCode, reasons) {
  return new McError(message, code, status, details, hint, violations, retryable, serverCode, reasons);
}

/** supabase-js's answer: `{ data, error, count, status, statusText, success }`. */
export function makeResponse(data, error, count, status, statusText) {
  return { data, error, count, status, statusText, success: error === null };
}

function describeThrown(e) {
  try {
    if (e && typeof e.message === "string") return e.message;
    return String(e);
  } catch {
    return "unreadable error";
  }
}

/** Anything thrown becomes an McError: the SDK's own pass through, others are `internal`. */
export function toMcError(e) {
  if (e instanceof McError) return e;
  return new McError(describeThrown(e), "internal", 0, null, null, [], false, null, []);
}

function hidden(obj, fields) {
  for (const [k, v] of Object.entries(fields)) {
    Object.defineProperty(obj, k, { value: v, writable: true, enumerable: false, configurable: true });
  }
}

/** `mcFetch`'s answer for an abort (kind 2). */
const ABORTED = [2];

/** Waits `ms` milliseconds: `true`, or `false` as soon as `signal` aborts. */
function wait(ms, signal) {
  return new Promise((resolve) => {
    if (signal && signal.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      if (signal) signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    if (signal) signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Drives one query (the steps are the Rust `rest::Exchange`'s): the core prepares the request
 * from the spec, `mcFetch` sends it, and the core reads each answer and says what comes next —
 * the settled answer, a wait before sending again, or a session refresh and a rebuilt request.
 */
async function runQuery(core, spec, signal) {
  let refreshed = false;
  for (;;) {
    const plan = planOf(core, spec, signal);
    if (!(plan instanceof Plan)) return plan;
    const { meta, url, method, headers, body, timeout } = plan;
    const custom = core.customFetch;
    // The answer goes to the core as mcFetch gave it: [kind, status, statusText, range, retryAfter, text].
    const finish = (a, attempt, refreshed) => core.finish(meta, a, attempt, refreshed);
    let answer, attempt = 0;
    for (;; attempt++) {
      answer = await mcFetch(custom, url, method, headers, body, signal, timeout);
      const next = finish(answer, attempt, refreshed);
      if (typeof next !== "number") return next;
      if (next < 0) break;
      if (!(await wait(next, signal))) return finish(ABORTED, attempt, refreshed);
    }
    // An access token that expired in flight: refresh once, then prepare and send again (a
    // failed refresh settles with the expired-token answer).
    refreshed = true;
    if (!(await core.refresh())) return finish(answer, attempt, true);
  }
}

/** A prepared request (the core's plan string read once, as `surface::wire::Plan` encodes it): what `mcFetch` needs. */
class Plan {
  constructor(text, epoch) {
    const a = text.indexOf("\n"), b = text.indexOf("\n", a + 1), c = text.indexOf("\n", b + 1);
    this.epoch = epoch;
    this.meta = text.slice(0, a);
    this.url = text.slice(a + 1, b);
    const body = c < 0 ? text.slice(b + 1) : text.slice(b + 1, c);
    this.body = body === "" ? undefined : body;
    this.headers = c < 0 ? "" : text.slice(c + 1);
    this.method = this.meta.slice(0, this.meta.indexOf(" "));
    this.timeout = +this.meta.slice(this.meta.lastIndexOf(" ") + 1);
  }
}

const PLANS_KEPT = 256;
const SPEC_KEPT_MAX = 2048; // characters: reads and small writes, never a large body

/**
 * The prepared request for a spec: the same spec on the same client under the same session
 * prepares the same request, so it is kept (at most `PLANS_KEPT`, oldest out first; specs
 * longer than `SPEC_KEPT_MAX` are not kept) and prepared again only when the session changed.
 * What the core refuses is never kept: it is the settled answer, returned as it is.
 */
function planOf(core, spec, signal) {
  const epoch = core.epoch();
  const signalOk = signal === undefined || signal === null || (typeof AbortSignal === "function" && signal instanceof AbortSignal);
  const plans = core.plans;
  const kept = plans.get(spec);
  if (kept !== undefined && kept.epoch === epoch && signalOk) return kept;
  const text = core.prepare(spec, signal);
  if (typeof text !== "string") return text;
  const plan = new Plan(text, epoch);
  if (spec.length > SPEC_KEPT_MAX) return plan;
  if (plans.size >= PLANS_KEPT) plans.delete(plans.keys().next().value);
  plans.set(spec, plan);
  return plan;
}

let record;

/**
 * A query: chain filters and modifiers (each returns the same builder, which can be kept,
 * extended and awaited again, as in postgrest-js); `await` runs it.
 */
export class McQueryBuilder {
  #core;
  #base;
  #calls = [];
  #signal = undefined;
  #throws = false;
  static {
    // The one way the installed vocabulary reaches a builder's recorded calls.
    record = (builder, call) => {
      builder.#calls.push(call);
      return builder;
    };
  }
  constructor(core, base) {
    const name = base.rpc !== undefined ? base.rpc : base.from;
    const shown = typeof name === "string" ? name : null;
    this.table = base.rpc !== undefined && shown !== null ? `rpc/${shown}` : shown;
    this.#core = core;
    this.#base = base;
  }
  /** Aborts with the signal (`error.code === "aborted"`); null or undefined removes it. */
  abortSignal(signal) {
    this.#signal = signal;
    return this;
  }
  /** Rejects with the McError instead of resolving with `{ error }`. */
  throwOnError() {
    this.#throws = true;
    this.#calls.push(["throwOnError"]);
    return this;
  }
  /** The JSON the core reads; input JSON cannot carry (cycles, BigInt, too deep) is refused. */
  #spec() {
    const base = this.#base;
    try {
      return JSON.stringify({ schema: base.schema, from: base.from, rpc: base.rpc, args: base.args, options: base.options, calls: this.#calls });
    } catch (e) {
      return JSON.stringify({ invalid: describeThrown(e), throws: this.#throws, target: this.table ?? "" });
    }
  }
  then(onfulfilled, onrejected) {
    const throws = this.#throws;
    const failed = (e) => (throws ? Promise.reject(toMcError(e)) : makeResponse(null, toMcError(e), null, 0, ""));
    let p;
    try {
      const spec = this.#spec(), signal = this.#signal, core = this.#core;
      p = (core instanceof PendingCore ? core.whenReady().then((c) => runQuery(c, spec, signal)) : runQuery(core, spec, signal)).catch(failed);
    } catch (e) {
      p = Promise.resolve().then(() => failed(e));
    }
    return p.then(onfulfilled, onrejected);
  }
  catch(onrejected) {
    return this.then(undefined, onrejected);
  }
  finally(onfinally) {
    return this.then().finally(onfinally);
  }
  /** The request this builder would send: `{ method, url, headers, body }`, or `{ error }`. */
  get request() {
    try {
      return coreNow(this.#core).describe(this.#spec());
    } catch (e) {
      return { error: toMcError(e) };
    }
  }
  toJSON() {
    return { table: this.table, request: this.request };
  }
  toString() {
    const r = this.request;
    return r.error ? `McQueryBuilder(${this.table}) ✗ ${r.error.message}` : `${r.method} ${r.url}`;
  }
  [INSPECT]() {
    return `McQueryBuilder ${this.toString()}`;
  }
  get [Symbol.toStringTag]() {
    return "McQueryBuilder";
  }
}

/** Installs the query methods on the builder, once. */
function installMethods(names) {
  const proto = McQueryBuilder.prototype;
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(proto, name)) continue;
    Object.defineProperty(proto, name, {
      value: function (...args) {
        return record(this, [name, ...args]);
      },
      writable: true,
      configurable: true,
    });
  }
}

function guardAll(target, source) {
  let proto = Object.getPrototypeOf(source);
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === "constructor" || name === "free" || name === "call" || name.startsWith("__") || typeof proto[name] !== "function") continue;
    Object.defineProperty(target, name, {
      value: (...args) => {
        try {
          return source[name](...args);
        } catch (e) {
          throw toMcError(e);
        }
      },
      enumerable: false,
    });
  }
}

/** The async auth methods: `[name, empty data as JSON ("" for none: the answer is { error })]`. */
let authCalls = [];

function installAuthCalls(calls) {
  if (Array.isArray(calls)) authCalls = calls;
}

/** Where the auth method `name` is installed on `auth`: `mfa.<x>` on `auth.mfa`, the others on
 * `auth` itself. Returns `[object, key]`. */
function authSlot(auth, name) {
  if (!name.startsWith("mfa.")) return [auth, name];
  if (!Object.prototype.hasOwnProperty.call(auth, "mfa")) Object.defineProperty(auth, "mfa", { value: {}, enumerable: false });
  return [auth.mfa, name.slice(4)];
}

/** `mc.auth`: the auth methods of the core, each turning anything thrown into an McError. */
export class McAuth {
  constructor(raw) {
    hidden(this, { _raw: raw });
    guardAll(this, raw);
    for (const [name] of authCalls) {
      const [target, key] = authSlot(this, name);
      Object.defineProperty(target, key, {
        value: (...args) => {
          try {
            return raw.call(name, args);
          } catch (e) {
            throw toMcError(e);
          }
        },
        enumerable: false,
      });
    }
  }
  get [Symbol.toStringTag]() {
    return "McAuth";
  }
}

/** The workflow groups: `[group, [[name, writes]]]`, installed on every client. */
let workflowGroups = [];

function installWorkflows(groups) {
  if (Array.isArray(groups)) workflowGroups = groups;
}

function workflows(core) {
  const out = {};
  for (const [group, names] of workflowGroups) {
    const g = {};
    for (const [name, writes] of names) {
      g[name] = (...args) => {
        let text;
        try {
          text = JSON.stringify(args);
        } catch (e) {
          return Promise.resolve({ data: null, error: new McError(`arguments must be JSON: ${describeThrown(e)}`, "validation_failed", 0, null, null, [], false, null, []) });
        }
        const answer = core instanceof PendingCore
          ? core.whenReady().then((c) => c.workflow(group, name, text), (error) => ({ data: null, error }))
          : core.workflow(group, name, text);
        if (!writes) return answer;
        return answer.then((r) => {
          if (r && !r.error) for (const l of [...core.writeListeners]) { try { l(group, name); } catch { /* the listener's own error */ } }
          return r;
        });
      };
    }
    out[group] = Object.freeze(g);
  }
  return out;
}

/** A client: `from`, `rpc`, `schema`, `validate`, `auth`, and the workflows (`tasks`, `escalations`, `chat`, `agents`, `messages`, `memory`). */
export class McClient {
  constructor(core, schema, auth) {
    hidden(this, { _core: core, _schema: schema });
    Object.defineProperty(this, "auth", { value: auth ?? (core instanceof PendingCore ? new PendingAuth(core) : new McAuth(core.auth())), enumerable: true });
    for (const [group, fns] of Object.entries(workflows(core))) {
      Object.defineProperty(this, group, { value: fns, enumerable: false });
    }
  }
  /** A query on one table. */
  from(table) {
    return new McQueryBuilder(this._core, { schema: this._schema, from: table });
  }
  /** Calls a database function. Options: `{ get, head, count }`. */
  rpc(fn, args, options) {
    return new McQueryBuilder(this._core, { schema: this._schema, rpc: fn, args, options });
  }
  /** The same client on another exposed schema. */
  schema(name) {
    return new McClient(this._core, name, this.auth);
  }
  /** Calls `listener(group, name)` after each workflow that wrote (`mc.tasks.start`, …); returns the unsubscribe function. */
  onWrite(listener) {
    const set = this._core.writeListeners;
    if (typeof listener === "function") set.add(listener);
    return () => set.delete(listener);
  }
  /** Validates without sending: `true`, or throws an McError with `violations`. */
  validate(table, mode, value) {
    let spec;
    try {
      spec = JSON.stringify({ table, mode, value });
    } catch (e) {
      spec = JSON.stringify({ invalid: describeThrown(e), target: typeof table === "string" ? table : "" });
    }
    return coreNow(this._core).validate(spec);
  }
  get [Symbol.toStringTag]() {
    return "McClient";
  }
}

export function makeClient(core) {
  core.customFetch = core.fetcher();
  core.plans = new Map();
  core.writeListeners = new Set();
  return new McClient(core, undefined, undefined);
}

/**
 * The core of a client created before the WebAssembly module was ready (`createClient` never
 * waits): what needs the module waits for it — queries, workflows, auth — and what must answer
 * at once (`validate`, `builder.request`) throws an McError until it is ready. If the module
 * cannot load (a Content Security Policy without 'wasm-unsafe-eval', a failed download), every
 * call answers that McError; none hangs.
 */
class PendingCore {
  constructor(client) {
    this.real = null;
    this.failure = null;
    this.plans = new Map();
    this.writeListeners = new Set();
    this.ready = client.then(
      (c) => {
        const core = c._core;
        core.plans = this.plans;
        core.writeListeners = this.writeListeners;
        this.real = core;
        this.auth = c.auth;
        return core;
      },
      (e) => {
        this.failure = toMcError(e);
        throw this.failure;
      },
    );
    this.ready.catch(() => {});
  }
  whenReady() {
    return this.real ? Promise.resolve(this.real) : this.ready;
  }
}

function coreNow(core) {
  if (!(core instanceof PendingCore)) return core;
  if (core.real) return core.real;
  throw core.failure ?? new McError("the SDK's WebAssembly module is still loading: await ready() before calling this at start-up", "not_ready", 0, null, "import { ready } from \"@mission-control/sdk\"; await ready();", [], true, null, []);
}

/** `mc.auth` of a pending client: each method waits for the module, then runs as McAuth's. */
class PendingAuth {
  constructor(core) {
    hidden(this, { _core: core });
    for (const [name, empty] of authCalls) {
      const [target, key] = authSlot(this, name);
      Object.defineProperty(target, key, {
        value: (...args) => core.whenReady().then(() => { const [real, k] = authSlot(core.auth, name); return real[k](...args); }, (error) => (empty === "" ? { error } : { data: JSON.parse(empty), error })),
        enumerable: false,
      });
    }
    for (const name of ["startAutoRefresh", "stopAutoRefresh"]) {
      Object.defineProperty(this, name, { value: () => void core.whenReady().then(() => core.auth[name](), () => {}), enumerable: false });
    }
    Object.defineProperty(this, "onAuthStateChange", {
      value: (callback) => {
        let real = null, gone = false;
        core.whenReady().then(() => {
          if (!gone) real = core.auth.onAuthStateChange(callback).data.subscription;
        }, () => {});
        const subscription = {
          id: 0,
          callback,
          unsubscribe() {
            gone = true;
            if (real) real.unsubscribe();
          },
        };
        return { data: { subscription } };
      },
      enumerable: false,
    });
  }
  get [Symbol.toStringTag]() {
    return "McAuth";
  }
}

/** A client whose core arrives later (`client`: a promise of a ready client, or its McError). */
export function pendingClient(client) {
  return new McClient(new PendingCore(client), undefined, undefined);
}

// The surface generated from the Rust method table (`surface.js`), installed once.
installMethods(METHODS);
installAuthCalls(AUTH_CALLS);
installWorkflows(WORKFLOWS);
