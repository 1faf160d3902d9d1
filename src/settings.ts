/**
 * How a setting's text becomes a value, for every module that parses one
 * (./config.ts and the policy settings): one error type, and one reading of
 * numbers, flags and comma-separated lists.
 */

/** Thrown at startup for a configuration that must not run (e.g. a plain-http upstream). */
export class ConfigError extends Error {}

export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive integer`);
  return n;
}

/** A share from 0 to 1 inclusive (e.g. a sampling rate), written as a decimal. */
export function fraction(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new ConfigError(`${name} must be a number from 0 to 1`);
  return n;
}

export function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false`);
}

/** The entries of a comma-separated setting, trimmed, empty ones dropped. */
export function listOf(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");
}
