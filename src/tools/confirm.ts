/**
 * Unforgeable confirmation tokens for the two-step tools (destructive,
 * email-sending, money-spending). A token is `<expiry>.<nonce>.<HMAC-SHA256>`
 * over the tool name, the canonical validated arguments, the user identity, an
 * expiry five minutes out and a random nonce, so it cannot be used for other
 * arguments, another tool, another user, or after it expires; the ledger of used
 * tokens (./confirm-ledger.ts) makes it carry out one call only.
 */
import { base64url, fromBase64url } from "../crypto";
import type { UsedTokens } from "../policy/stores";
import { ToolError } from "../upstream/errors";
import type { Args } from "./define";

export type { UsedTokens } from "../policy/stores";

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

function message(tool: string, args: Args, user: string, expires: number, nonce: string): Uint8Array {
  return encoder.encode(`${tool}\n${canonicalJson(args)}\n${user}\n${expires}\n${nonce}`);
}

/** UsedTokens over this deployment's CONFIRM_LEDGER Durable Object namespace, sharded by the hash's first byte. */
export function durableUsedTokens(namespace: DurableObjectNamespace): UsedTokens {
  return {
    consume(hash, expiresAt) {
      const stub = namespace.get(namespace.idFromName(`confirm:${hash.slice(0, 2)}`)) as unknown as UsedTokens;
      return stub.consume(hash, expiresAt);
    },
  };
}

/** UsedTokens in this process's memory: for the in-process test tier, where no Durable Object runs. */
export function memoryUsedTokens(): UsedTokens {
  const used = new Map<string, number>();
  return {
    async consume(hash, expiresAt) {
      const now = Date.now();
      for (const [h, exp] of used) if (exp <= now) used.delete(h);
      if (used.has(hash)) return false;
      used.set(hash, expiresAt);
      return true;
    },
  };
}

export interface Confirmer {
  issue(tool: string, args: Args, user: string): Promise<{ token: string; expiresAt: string }>;
  /** Throws confirmation_invalid unless the token was issued for exactly this call and is unexpired; returns when it expires (ms). */
  verify(token: string, tool: string, args: Args, user: string): Promise<number>;
}

export function createConfirmer(secretMaterial: string, now: () => number = Date.now): Confirmer {
  return {
    async issue(tool, args, user) {
      const expires = Math.floor(now() / 1000) + CONFIRMATION_TTL_SECONDS;
      // Every preview's token is its own, so a token used once never comes back from a later preview of the same call.
      const nonce = base64url(crypto.getRandomValues(new Uint8Array(12)));
      const sig = await crypto.subtle.sign("HMAC", await hmacKey(secretMaterial), message(tool, args, user, expires, nonce));
      return { token: `${expires}.${nonce}.${base64url(sig)}`, expiresAt: new Date(expires * 1000).toISOString() };
    },
    async verify(token, tool, args, user) {
      const refuse = (why: string) =>
        new ToolError("confirmation_invalid", `${why} Call the tool again without ${CONFIRMATION_FIELD} to get a fresh preview.`, {
          field: CONFIRMATION_FIELD,
        });
      const [expText, nonce, sigText, extra] = token.split(".");
      const expires = Number(expText);
      const sig = sigText ? fromBase64url(sigText) : undefined;
      if (extra !== undefined || !Number.isInteger(expires) || !nonce || !fromBase64url(nonce) || !sig) throw refuse("The confirmation token is malformed.");
      const valid = await crypto.subtle.verify("HMAC", await hmacKey(secretMaterial), sig, message(tool, args, user, expires, nonce));
      if (!valid) throw refuse("The confirmation token does not match this tool and these exact arguments.");
      if (expires * 1000 < now()) throw refuse("The confirmation token has expired (tokens last 5 minutes).");
      return expires * 1000;
    },
  };
}
