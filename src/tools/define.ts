/**
 * The shape of a tool. Almost every tool is a declarative forward to one REST
 * endpoint: the forwarder (./forward.ts) turns validated arguments into the
 * upstream request. A few need logic of their own and supply `run`.
 *
 * `annotations` has no optional members, so a tool that does not state all
 * four MCP safety hints does not compile.
 */
import type { z } from "zod";
import type { Upstream } from "../config";
import type { UpstreamCall, UpstreamResponse } from "../upstream/client";

/** The API host a tool talks to. SmartLead has several; each has its own base URL var. */
export type Base = "leadmagic" | "smartlead" | "smartdelivery" | "smartsenders" | "smartprospect";

export const UPSTREAM_OF_BASE: Record<Base, Upstream> = {
  leadmagic: "leadmagic",
  smartlead: "smartlead",
  smartdelivery: "smartlead",
  smartsenders: "smartlead",
  smartprospect: "smartlead",
};

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * What a call does in the world, from the endpoint catalogs.
 * destructive: cannot be undone (delete, unsubscribe, stop).
 * sends_email: sends, or changes what gets sent.
 */
export type Effect = "read" | "write" | "destructive" | "sends_email";

export interface Annotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/** Arguments after zod validation. */
export type Args = Record<string, unknown>;

/** What a successful tool call hands back: the structured result and an optional one-line summary. */
export interface ToolOutcome {
  data: Record<string, unknown>;
  summary?: string;
}

export interface RunContext {
  /** Perform one upstream request with this tool's key, deadline, retry and size policy. */
  call(request: UpstreamCall): Promise<UpstreamResponse>;
}

/** Inputs of a two-step (confirmed) tool, shown back in the preview. */
export interface ConfirmSpec {
  /** One sentence: what will happen if the call is confirmed. */
  action: (args: Args) => string;
  /**
   * Optional cheap GET that helps the person decide (e.g. the campaign's name and status).
   * Its failure never blocks the preview.
   */
  lookup?: { base?: Base; path: string; pick: readonly string[] };
}

export interface ToolDefinition {
  /** Stable snake_case name, prefixed by upstream: leadmagic_… or smartlead_… */
  name: string;
  title: string;
  description: string;
  /** Toolset (domain) this tool belongs to, e.g. "smartlead_campaigns". */
  toolset: string;
  /** The endpoint's id in ../shared/reference/*-endpoints.json (the contract). */
  catalogId: string;
  base: Base;
  method: HttpMethod;
  /** Path below the base URL, with {name} placeholders filled from same-named inputs. */
  path: string;
  /** Input schema; a z.object, possibly with refinements ("at least one of"). */
  input: z.ZodType<Args>;
  /**
   * Inputs sent as query parameters. Default: every non-path input for GET and
   * DELETE, none for other methods.
   */
  query?: readonly string[];
  /**
   * Builds the JSON body from the non-path, non-query inputs when the upstream
   * wants another shape (e.g. a bare array). Default: those inputs as an object.
   */
  body?: (rest: Args) => unknown;
  effect: Effect;
  /** Spends upstream credits (LeadMagic, SmartProspect) or money (Smart Senders). */
  costsCredits: boolean;
  annotations: Annotations;
  /** Structured output schema advertised to clients (an object schema). */
  output?: z.ZodType<Record<string, unknown>>;
  /** The endpoint answers text (CSV) rather than JSON; `shape` receives the string. */
  textResponse?: boolean;
  /** List endpoints paginated with offset/limit: adds offset, limit and next_offset to the result. */
  paginated?: boolean;
  /** Turns the upstream JSON into the structured result. Default: objects as-is, arrays as {items, count}. */
  shape?: (data: unknown, args: Args, response: UpstreamResponse) => ToolOutcome;
  /** Two-step confirmation; set for destructive, email-sending and money-spending tools. */
  confirm?: ConfirmSpec;
  /** Hand-written handler for tools that need more than one request. */
  run?: (args: Args, ctx: RunContext) => Promise<ToolOutcome>;
}

/** Identity helper: gives each entry its type (and a compile error when a field is missing). */
export function defineTool<T extends ToolDefinition>(tool: T): T {
  return tool;
}

/** Identity helper for a domain file's list of tools. */
export function defineTools(tools: ToolDefinition[]): ToolDefinition[] {
  return tools;
}
