/**
 * Stateless, unforgeable confirmation tokens for the two-step tools
 * (destructive, email-sending, money-spending). A token is an HMAC-SHA256 over
 * the tool name, the canonical validated arguments, the user identity and an
 * expiry five minutes out, so it cannot be reused for other arguments, another
 * tool, another user, or after it expires.
 */
import { base64url, fromBase64url } from "../crypto";
import { ToolError } from "../upstream/errors";
import type { Args } from "./define";

export const CONFIRMATION_TTL_SECONDS = 300;
export const CONFIRMATION_FIELD = "confirmation_token";

/** JSON with object keys sorted, so equal arguments always sign the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const encoder = new TextEncoder();
const keyCache = new Map<string, Promise<CryptoKey>>();

/**
 * The HMAC key: CONFIRMATION_SECRET when set, else one derived (SHA-256) from
 * the configured secrets, so a deployment without it still gets per-deployment tokens.
 */
function hmacKey(material: string): Promise<CryptoKey> {
  let key = keyCache.get(material);
  if (!key) {
    key = crypto.subtle
      .digest("SHA-256", encoder.encode(`gtm-edge-mcp confirmation v1\n${material}`))
      .then((raw) => crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]));
    keyCache.set(material, key);
  }
  return key;
}

function message(tool: string, args: Args, user: string, expires: number): Uint8Array {
  return encoder.encode(`${tool}\n${canonicalJson(args)}\n${user}\n${expires}`);
}

export interface Confirmer {
  issue(tool: string, args: Args, user: string): Promise<{ token: string; expiresAt: string }>;
  /** Throws confirmation_invalid unless the token was issued for exactly this call and is unexpired. */
  verify(token: string, tool: string, args: Args, user: string): Promise<void>;
}

export function createConfirmer(secretMaterial: string, now: () => number = Date.now): Confirmer {
  return {
    async issue(tool, args, user) {
      const expires = Math.floor(now() / 1000) + CONFIRMATION_TTL_SECONDS;
      const sig = await crypto.subtle.sign("HMAC", await hmacKey(secretMaterial), message(tool, args, user, expires));
      return { token: `${expires}.${base64url(sig)}`, expiresAt: new Date(expires * 1000).toISOString() };
    },
    async verify(token, tool, args, user) {
      const refuse = (why: string) =>
        new ToolError("confirmation_invalid", `${why} Call the tool again without ${CONFIRMATION_FIELD} to get a fresh preview.`, {
          field: CONFIRMATION_FIELD,
        });
      const [expText, sigText, extra] = token.split(".");
      const expires = Number(expText);
      const sig = sigText ? fromBase64url(sigText) : undefined;
      if (extra !== undefined || !Number.isInteger(expires) || !sig) throw refuse("The confirmation token is malformed.");
      const valid = await crypto.subtle.verify("HMAC", await hmacKey(secretMaterial), sig, message(tool, args, user, expires));
      if (!valid) throw refuse("The confirmation token does not match this tool and these exact arguments.");
      if (expires * 1000 < now()) throw refuse("The confirmation token has expired (tokens last 5 minutes).");
    },
  };
}
