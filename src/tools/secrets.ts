/**
 * Credentials in upstream answers. SmartLead returns SMTP/IMAP passwords
 * (plain or base64) and OAuth tokens with email accounts; a model never needs
 * them, and results end up in transcripts. Every upstream answer loses them,
 * whichever tool asked.
 */

/** Keys whose values are mailbox or OAuth credentials. */
const SECRET_KEY = /password|passwd|secret|(^|_)token$/i;
/** …except the ones that only page through a list. */
const PAGING_KEY = /(page|cursor|next|continuation)_token$/i;

/** The value with every credential field removed, at any depth. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEY.test(k) || PAGING_KEY.test(k))
        .map(([k, v]) => [k, withoutSecrets(v)]),
    );
  }
  return value;
}

/** The value with every credential replaced by "[withheld]": what a preview shows of the arguments it would send. */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEY.test(k) && !PAGING_KEY.test(k) ? "[withheld]" : maskSecrets(v)]),
    );
  }
  return value;
}
