/**
 * Legacy SSE session ids, bound to the user who opened the stream. The Worker
 * picks the id (a client-supplied one is ignored), as `<random>-<hash(random, user)>`;
 * a message for that session is accepted only from the same user. The Durable
 * Object is addressed by the whole id, so another user cannot make a valid id
 * that reaches the same session.
 */
import { randomHex, sha256Hex } from "../crypto";

const ID = /^([0-9a-f]{32})-([0-9a-f]{32})$/;

async function bind(random: string, user: string): Promise<string> {
  return (await sha256Hex(`gtm-edge-mcp sse session v1\n${random}\n${user}`)).slice(0, 32);
}

export async function newSessionId(user: string): Promise<string> {
  const random = randomHex(16);
  return `${random}-${await bind(random, user)}`;
}

export async function sessionBelongsTo(sessionId: string | null, user: string): Promise<boolean> {
  const m = sessionId ? ID.exec(sessionId) : null;
  if (!m) return false;
  return (await bind(m[1]!, user)) === m[2];
}
