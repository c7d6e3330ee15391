// One request through fetch, for the wasm transport: the whole exchange happens here, in JS,
// and Rust gets one plain answer — no Request/Headers/closures built across the boundary per
// request, and few strings crossing it (the headers come as one "name\nvalue\n…" string).
// Never rejects: the answer is [kind, status, statusText, contentRange, retryAfter, text|message],
// kind 0 ok, 1 timeout, 2 aborted, 3 undecodable, 4 network.
export async function mcFetch(custom, url, method, headerText, body, signal, timeoutMs) {
  const headers = headerText.split("\n");
  if (signal && signal.aborted) return [2];
  let ctrl = null, timer = null, timedOut = false, onAbort = null;
  if (signal || timeoutMs) {
    ctrl = new AbortController();
    if (signal) {
      onAbort = () => ctrl.abort();
      signal.addEventListener("abort", onAbort);
    }
    if (timeoutMs) timer = setTimeout(() => { timedOut = true; ctrl.abort(); }, timeoutMs);
  }
  // A Headers object, as fetch wrappers (and supabase-js users' own) expect to find.
  const h = typeof Headers === "function" ? new Headers() : null;
  const plain = {};
  for (let i = 0; i + 1 < headers.length; i += 2) {
    if (h) h.set(headers[i], headers[i + 1]);
    else plain[headers[i]] = headers[i + 1];
  }
  const init = { method, headers: h ?? plain };
  if (body !== undefined && body !== null) init.body = body;
  if (ctrl) init.signal = ctrl.signal;
  try {
    const f = typeof custom === "function" ? custom : globalThis.fetch;
    if (typeof f !== "function") return [4, 0, "", null, null, "no fetch on this platform"];
    const res = await (f === custom ? custom(url, init) : globalThis.fetch(url, init));
    if (!res || typeof res !== "object" || typeof res.status !== "number") return [3, 0, "", null, null, "no status"];
    if (typeof res.text !== "function") return [3, 0, "", null, null, "no text()"];
    const text = await res.text();
    if (typeof text !== "string") return [3, 0, "", null, null, "text() gave no string"];
    const header = (name) => {
      try {
        const h = res.headers;
        const v = h && typeof h.get === "function" ? h.get(name) : h && h[name];
        return typeof v === "string" ? v : null;
      } catch {
        return null;
      }
    };
    return [0, res.status, typeof res.statusText === "string" ? res.statusText : "", header("content-range"), header("retry-after"), text];
  } catch (e) {
    const name = e && e.name;
    if (timedOut || name === "TimeoutError") return [1];
    if (name === "AbortError") return [2];
    let message;
    try { message = String((e && e.message) || e); } catch { message = "fetch failed"; }
    return [4, 0, "", null, null, message];
  } finally {
    if (timer) clearTimeout(timer);
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
}
