/**
 * The six kinds of tool, as MCP annotation sets, named once so that every
 * domain file means the same by them. openWorldHint is always true: every
 * tool talks to an upstream API.
 */
import type { Annotations } from "./define";

/** A read that spends nothing: safe to repeat. */
export const READ: Annotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true };
/** A read that spends credits: repeating it may charge again. */
export const PAID_READ: Annotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: false, openWorldHint: true };
/** Creates something or spends: repeating it does it twice. */
export const WRITE: Annotations = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true };
/** Sets a value: repeating it changes nothing more. */
export const SET: Annotations = { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true };
/** Deletes or stops something for good (repeating is harmless, the first call is not). */
export const DESTROY: Annotations = { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true };
/** Sends email, or changes what gets sent: cannot be recalled, and repeating sends again. */
export const SEND: Annotations = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true };
