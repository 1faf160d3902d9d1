/**
 * Mailbox credentials in upstream answers. SmartLead returns SMTP/IMAP
 * passwords (plain or base64) and OAuth tokens with email accounts; a model
 * never needs them, and results end up in transcripts.
 */

/** Keys whose values are mailbox or OAuth credentials. */
const SECRET_KEY = /password|passwd|secret|(^|_)token$/i;

/** The value with every credential field removed, at any depth. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEY.test(k))
        .map(([k, v]) => [k, withoutSecrets(v)]),
    );
  }
  return value;
}
