/**
 * Static bearer tokens (MCP_ACCESS_TOKENS). A presented token is hashed and
 * compared with every configured token's hash in constant time, without an
 * early exit, so neither the match position nor a common prefix shows in timing.
 * Nothing here touches KV.
 */
import type { AccessToken } from "../config";
import { hex, sha256 } from "../crypto";

/** Constant-time equality of two byte strings of the same length (digests). */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const digests = new WeakMap<readonly AccessToken[], Promise<{ name: string; digest: Uint8Array }[]>>();

function digestsOf(tokens: readonly AccessToken[]) {
  let d = digests.get(tokens);
  if (!d) {
    d = Promise.all(tokens.map(async (t) => ({ name: t.name, digest: await sha256(t.token) })));
    digests.set(tokens, d);
  }
  return d;
}

/** The name of the configured token equal to `presented`, if any. */
export async function matchAccessToken(tokens: readonly AccessToken[], presented: string): Promise<string | undefined> {
  if (tokens.length === 0 || presented === "") return undefined;
  const [configured, candidate] = await Promise.all([digestsOf(tokens), sha256(presented)]);
  let found: string | undefined;
  for (const t of configured) {
    const equal = constantTimeEqual(t.digest, candidate);
    if (equal && found === undefined) found = t.name;
  }
  return found;
}

/**
 * A fingerprint of the access token a person used to approve an OAuth grant,
 * stored in the grant's encrypted props. Rotating or removing that token in
 * MCP_ACCESS_TOKENS therefore invalidates every OAuth grant made with it.
 */
export async function grantBinding(token: string): Promise<string> {
  return hex(await sha256(`gtm-edge-mcp oauth grant binding v1\n${token}`)).slice(0, 32);
}

/** The current binding for a user name, or undefined when that name is no longer configured. */
export async function currentBinding(tokens: readonly AccessToken[], name: string): Promise<string | undefined> {
  const t = tokens.find((x) => x.name === name);
  return t ? grantBinding(t.token) : undefined;
}
