// The JavaScript half of the façade: plain classes that record what the caller asks for and
// hand it to the wasm core in one string when awaited. Nothing here knows the query
// vocabulary: the builder's methods are installed from the list the Rust `rest` layer
// defines (`installMethods`), and every argument check happens there.

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

/**
 * A query: chain filters and modifiers (each returns the same builder, which can be kept,
 * extended and awaited again, as in postgrest-js); `await` runs it.
 */
export class McQueryBuilder {
  constructor(core, base) {
    const name = base.rpc !== undefined ? base.rpc : base.from;
    const shown = typeof name === "string" ? name : null;
    this.table = base.rpc !== undefined && shown !== null ? `rpc/${shown}` : shown;
    hidden(this, { _core: core, _base: base, _calls: [], _signal: undefined, _throws: false });
  }
  /** Aborts with the signal (`error.code === "aborted"`); null or undefined removes it. */
  abortSignal(signal) {
    this._signal = signal;
    return this;
  }
  /** Rejects with the McError instead of resolving with `{ error }`. */
  throwOnError() {
    this._throws = true;
    this._calls.push(["throwOnError"]);
    return this;
  }
  /** The JSON the core reads; input JSON cannot carry (cycles, BigInt, too deep) is refused. */
  _spec() {
    try {
      return JSON.stringify({ ...this._base, calls: this._calls });
    } catch (e) {
      return JSON.stringify({ invalid: describeThrown(e), throws: this._throws, target: this.table ?? "" });
    }
  }
  then(onfulfilled, onrejected) {
    let p;
    try {
      p = this._core.run(this._spec(), this._signal);
    } catch (e) {
      p = this._throws ? Promise.reject(toMcError(e)) : Promise.resolve({ data: null, error: toMcError(e), count: null, status: 0, statusText: "", success: false });
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
      return this._core.describe(this._spec());
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

/** Installs the query vocabulary (from the Rust `rest` layer) on the builder, once. */
export function installMethods(names) {
  const proto = McQueryBuilder.prototype;
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(proto, name)) continue;
    Object.defineProperty(proto, name, {
      value: function (...args) {
        this._calls.push([name, ...args]);
        return this;
      },
      writable: true,
      configurable: true,
    });
  }
}

function guardAll(target, source) {
  let proto = Object.getPrototypeOf(source);
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === "constructor" || name === "free" || name.startsWith("__") || typeof proto[name] !== "function") continue;
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

/** `mc.auth`: the auth methods of the core, each turning anything thrown into an McError. */
export class McAuth {
  constructor(raw) {
    hidden(this, { _raw: raw });
    guardAll(this, raw);
  }
  get [Symbol.toStringTag]() {
    return "McAuth";
  }
}

let workflowGroups = [];

/** The workflow groups and names (from the Rust `domain` layer), installed on every client. */
export function installWorkflows(groups) {
  if (Array.isArray(groups)) workflowGroups = groups;
}

function workflows(core) {
  const out = {};
  for (const [group, names] of workflowGroups) {
    const g = {};
    for (const name of names) {
      g[name] = (...args) => {
        let text;
        try {
          text = JSON.stringify(args);
        } catch (e) {
          return Promise.resolve({ data: null, error: new McError(`arguments must be JSON: ${describeThrown(e)}`, "validation_failed", 0, null, null, [], false, null, []) });
        }
        return core.workflow(group, name, text);
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
    Object.defineProperty(this, "auth", { value: auth ?? new McAuth(core.auth()), enumerable: true });
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
  /** Validates without sending: `true`, or throws an McError with `violations`. */
  validate(table, mode, value) {
    let spec;
    try {
      spec = JSON.stringify({ table, mode, value });
    } catch (e) {
      spec = JSON.stringify({ invalid: describeThrown(e), target: typeof table === "string" ? table : "" });
    }
    return this._core.validate(spec);
  }
  get [Symbol.toStringTag]() {
    return "McClient";
  }
}

export function makeClient(core) {
  return new McClient(core, undefined, undefined);
}
