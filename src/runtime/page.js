// What the auth client needs of the page and of WebCrypto, for the wasm runtime: small JS
// functions instead of the same calls spelled out through wasm-bindgen (src/runtime/wasm.rs).
// None of them throws.

const subtle = () => (globalThis.crypto && globalThis.crypto.subtle) || null;

/** SHA-256 of `bytes` (a Uint8Array), or null without WebCrypto (an insecure origin). */
export async function mcSha256(bytes) {
  const s = subtle();
  if (!s) return null;
  try {
    return new Uint8Array(await s.digest("SHA-256", bytes));
  } catch {
    return null;
  }
}

const ALGORITHMS = {
  ES256: [{ name: "ECDSA", namedCurve: "P-256" }, { name: "ECDSA", hash: "SHA-256" }],
  RS256: [{ name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }],
};

/** Whether `sig` signs `input` under the public JWK (JSON text): true or false; undefined where
 * this page cannot tell (no WebCrypto, another algorithm). */
export async function mcVerify(alg, jwk, input, sig) {
  const s = subtle(), a = ALGORITHMS[alg];
  if (!s || !a) return undefined;
  try {
    const key = await s.importKey("jwk", JSON.parse(jwk), a[0], false, ["verify"]);
    return await s.verify(a[1], key, sig, input);
  } catch {
    return false;
  }
}

/** The page's address, or undefined without a page. */
export function mcPageUrl() {
  try {
    return globalThis.location ? String(globalThis.location.href) : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces the page's address without a reload (`replace`), or sends the page there. */
export function mcSetPageUrl(url, replace) {
  try {
    if (replace) globalThis.history.replaceState(globalThis.history.state, "", url);
    else globalThis.location.assign(url);
  } catch {
    // No page, or one that refuses: nothing to do.
  }
}
