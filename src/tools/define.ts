/**
 * The shape of a tool. Almost every tool is a declarative forward to one REST
 * endpoint, written with a domain's toolset builder (./toolset.ts) and sent by
 * the forwarder (./forward.ts). A few need logic of their own and supply `run`.
 *
 * A tool states what it does once, as its `kind` (./kinds.ts); its MCP
 * annotations, catalog effect, retry policy, read-only filtering and whether it
 * asks for confirmation all follow from that.
 */
import type { z } from "zod";
import type { ViewId } from "../apps/views";
import type { Config } from "../config";
import type { Services } from "../policy/stores";
import type { HttpMethod, UpstreamCall, UpstreamResponse } from "../upstream/client";
import type { Base, ToolHost } from "../upstream/hosts";
import type { ToolsetId } from "./toolsets";

export type { HttpMethod } from "../upstream/client";
export type { Base, ToolHost } from "../upstream/hosts";

/**
 * What a call does in the world:
 * read       reads, spends nothing
 * paid_read  reads, spends upstream credits (LeadMagic lookups)
 * create     creates something: repeating it creates it twice
 * update     sets a value: repeating it changes nothing more
 * delete     deletes or stops something for good (two-step)
 * send       sends email, or changes what gets sent (two-step)
 * spend      buys or unlocks something with credits or money (two-step)
 */
export type Kind = "read" | "paid_read" | "create" | "update" | "delete" | "send" | "spend";

/**
 * What a call does in the catalogs' words (../shared/reference/*-endpoints.json),
 * derived from the kind; the README's effect column shows it.
 */
export type Effect = "read" | "write" | "destructive" | "sends_email";

export interface Annotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/**
 * The most upstream requests one tool call may make (the bulk lead import
 * chunks; everything else makes one), so no call, nor a batch of them, turns
 * into thousands of upstream requests.
 */
export const MAX_UPSTREAM_REQUESTS_PER_CALL = 10;

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
  /** The confirmed call's plan (see ConfirmSpec.plan), when the tool has one. */
  plan?: Plan;
  /** Reports progress to the client, when it asked for it (a progress token); otherwise does nothing. */
  progress(done: number, total: number, message: string): Promise<void>;
  /** Who is calling (a token name), for the tools that work on this server's own state. */
  user: string;
  config: Config;
  services: Services;
  /** The tools this connection could run by name (gtm_search_tools): what toolsets=all lists under its read-only setting, in listing order. */
  reachable(): readonly ListedTool[];
}

/**
 * What the recorded listing (src/tools/listed.json, written by `npm run
 * snapshots` from the definitions) keeps of a tool: all that selecting, listing
 * and searching need, so none of them builds a zod schema. The definition
 * itself is loaded on the tool's first call (src/tools/modules.ts).
 */
export interface ListedTool {
  name: string;
  title: string;
  description: string;
  toolset: ToolsetId;
  /** The module that defines it (a key of TOOL_MODULES). */
  module: string;
  base: ToolHost;
  kind: Kind;
  costsCredits: boolean;
  annotations: Annotations;
  admin?: true;
  /** The MCP Apps view its results open in (see ToolDefinition.view). */
  view?: ViewId;
  /** It has a two-step confirmation (asked for when CONFIRM_ACTIONS is on). */
  confirm: boolean;
  /** A delegating tool's hints on a read-only connection. */
  delegate?: { readOnlyAnnotations: Annotations };
  /** The advertised JSON Schemas (the input one without the confirmation token; its properties are the argument names). */
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
}

/**
 * A tool that runs another tool by name (gtm_call_tool): callTool validates its
 * own input, then calls the named tool exactly as a direct call would, so every
 * check, confirmation and error is the named tool's own.
 */
export interface Delegate {
  /** The tool to run and its arguments (the confirmation token among them), from this tool's validated input. */
  target(args: Args): { name: string; args: Args };
  /** Its hints on a read-only connection, where it reaches read-only tools only. */
  readOnlyAnnotations: Annotations;
}

/**
 * What a two-step tool works out before it acts, from reads that change
 * nothing: shown in the preview, worked out again at confirmation, and bound to
 * the token by its fingerprint (a plan that changed in between needs a fresh preview).
 */
export interface Plan {
  /** Shown in the preview, as `plan`. */
  details: Record<string, unknown>;
  /** Identifies what the call would do; the token is signed over it. */
  fingerprint: string;
  /** Why the call must not go ahead (then the confirmation is refused with preflight_blocked). */
  refusal?: string;
  /** What the confirmed call works from (for a tool's `run`). */
  state?: unknown;
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
  /** Optional plan, worked out at the preview and again at confirmation (e.g. a launch preflight). */
  plan?: (args: Args, ctx: RunContext) => Promise<Plan | undefined>;
}

/**
 * What a paid tool may spend. The sentence is the one descriptions and the
 * README show; the numbers are the typical charge, per call or per result
 * returned (then `results` names the argument that caps how many).
 */
export interface Cost {
  text: string;
  /** Per call, or per result with `results`: LeadMagic or SmartProspect credits, or Smart Senders domains (see src/policy/settings.ts METERS). */
  credits?: number;
  /** The argument that caps how many results are charged (the first present of several): a number, or a list whose length counts; `default` when none is given. */
  results?: { arg: string | readonly string[]; default: number };
  /** The charge as the upstream's answer reports it, when it is not credits_consumed or the X-Credits-Cost header. */
  charged?: (data: Record<string, unknown>) => number | undefined;
}

/** Where a tool's recipients are in its arguments, for the do-not-contact lists (src/policy/do-not-contact.ts). */
export interface ContactSpec {
  /** A list of leads (objects with an email) that is filtered: blocked leads are dropped, the rest sent. */
  leads?: { list: string; email: string };
  /** Arguments holding an address or a list of addresses that the call emails: any blocked one refuses the call. */
  addresses?: readonly string[];
  /** When a list is in force, this address argument must be given (the upstream's default recipient cannot be checked). */
  requireAddress?: string;
}

/**
 * How a list answer becomes a result: the rows (a bare array answer, or the
 * first of `rows` that holds an array) as `items` and `count`, and for paged
 * endpoints `offset`, `limit` and `next_offset` (null on the last page).
 */
export interface ListSpec {
  /** Members that may hold the rows, tried in order. Default: none (only a bare array is a list). */
  rows?: readonly string[];
  /** Keep the rows where they are instead of as items/count (paging facts are still added). */
  inPlace?: boolean;
  /** The result is the page alone: the answer's other members are dropped. */
  only?: boolean;
  /** Member with the total number of rows: then the result has total_count, and the last page is known from it. */
  total?: string;
  /** Paged with offset/limit arguments. */
  paged?: boolean;
}

export interface ToolDefinition {
  /** Stable snake_case name, prefixed by upstream: leadmagic_… or smartlead_… */
  name: string;
  title: string;
  /** What clients see: the entry's description, then its cost sentence. */
  description: string;
  toolset: ToolsetId;
  /** The endpoint's id in ../shared/reference/*-endpoints.json (the contract); "" for a local tool or a composite read (see alsoReads). */
  catalogId: string;
  /** Catalog ids of the other endpoints (reads) its `run` or its plan calls, e.g. a preflight's; a composite read lists every endpoint it calls. */
  alsoReads?: readonly string[];
  base: ToolHost;
  method: HttpMethod;
  /** Path below the base URL, with {name} placeholders filled from same-named inputs ("" for a local tool). */
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
  kind: Kind;
  /** Derived from the kind. */
  effect: Effect;
  /** Derived from the kind: spends upstream credits (LeadMagic, SmartProspect) or money (Smart Senders). */
  costsCredits: boolean;
  /** Derived from the kind, with the entry's overrides for the real outliers. */
  annotations: Annotations;
  cost?: Cost;
  /** Structured output schema advertised to clients (an object schema). */
  output?: z.ZodType<Record<string, unknown>>;
  /** The endpoint answers text (CSV) rather than JSON; `shape` receives the string. */
  textResponse?: boolean;
  /** A list endpoint: how its rows and pages become the result. */
  list?: ListSpec;
  /** Turns the upstream JSON into the structured result. Default: the list spec, else objects as-is and arrays as {items, count}. */
  shape?: (data: unknown, args: Args, response: UpstreamResponse) => ToolOutcome;
  /** Creates lasting access (API keys, client logins, webhooks, mailboxes): offered only with MCP_ADMIN_TOOLS=true, always two-step. */
  admin?: true;
  /** Who the call emails or imports as leads, checked against the do-not-contact lists before anything is sent. */
  contacts?: ContactSpec;
  /** Two-step confirmation: required for delete, send and spend, and for admin tools. */
  confirm?: ConfirmSpec;
  /** Hand-written handler for tools that need more than one request. */
  run?: (args: Args, ctx: RunContext) => Promise<ToolOutcome>;
  /** The MCP Apps view its results open in (src/apps/views.ts). A two-step tool without one gets the confirmation card. */
  view?: ViewId;
  /** Runs the tool its arguments name instead of a handler of its own. */
  delegate?: Delegate;
}
