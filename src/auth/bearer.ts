/** `Authorization: Bearer <token>`: the token; undefined when there is no header; null when it is not a single bearer token. */
const BEARER = /^Bearer[ \t]+([^\s,]+)[ \t]*$/i;

export function bearerToken(header: string | null): string | undefined | null {
  if (header === null) return undefined;
  const m = BEARER.exec(header);
  return m ? m[1]! : null;
}
