/**
 * Token scopes (MCP_TOKEN_SCOPES): what one access token, and every OAuth
 * grant approved with it, may do. The same rules decide what a connection
 * lists and, again for every call whichever way it arrives, whether the call
 * may run: a call outside the scope is refused with `forbidden` before its
 * request is sent.
 *
 * SmartLead resources: with smartlead_clients or smartlead_campaigns, a
 * SmartLead tool runs only when its arguments name a campaign or client and
 * every one named is inside the scope. Tools that name neither reach the whole
 * account (mailboxes, the master inbox, lead lists) and are not offered. A
 * campaign is inside a client scope when SmartLead lists it under one of the
 * clients (GET /campaigns?client_id=…, a read, cached for a minute).
 */
import type { Args } from "../tools/define";
import { ToolError } from "../upstream/errors";
import { type ToolHost, upstreamOf } from "../upstream/hosts";
import type { Scope } from "./settings";

/** Arguments that name a SmartLead campaign (a subsequence and a parent are campaigns too). */
const CAMPAIGN_ARGS = ["campaign_id", "campaignId", "campaign_ids", "email_campaign_id", "parent_campaign_id", "sub_sequence_id"] as const;
/** Arguments that name a SmartLead client. */
const CLIENT_ARGS = ["client_id", "clientId", "client_ids", "filter_client_id"] as const;

/** What the scope rules need to know about a tool: all of it is in its listing. */
export interface ToolFacts {
  name: string;
  toolset: string;
  base: ToolHost;
  readOnly: boolean;
  /** Part of the curated `default` view. */
  inDefault: boolean;
  /** Its argument names. */
  inputs: readonly string[];
}

const limitsResources = (scope: Scope) => Boolean(scope.clients || scope.campaigns);
const isSmartLead = (facts: ToolFacts) => facts.base !== "local" && upstreamOf(facts.base) === "smartlead";
const namesResource = (facts: ToolFacts) =>
  facts.inputs.some((i) => (CAMPAIGN_ARGS as readonly string[]).includes(i) || (CLIENT_ARGS as readonly string[]).includes(i));

function describe(scope: Scope): string {
  const parts: string[] = [];
  if (scope.clients) parts.push(`clients ${[...scope.clients].join(", ")}`);
  if (scope.campaigns) parts.push(`campaigns ${[...scope.campaigns].join(", ")}`);
  return `SmartLead ${parts.join(" and ")}`;
}

/** Why the scope rules out this tool whatever its arguments, or undefined when it may be offered. */
export function toolRefusal(scope: Scope | undefined, facts: ToolFacts): string | undefined {
  if (!scope) return undefined;
  if (scope.readOnly && !facts.readOnly) return `This access token may only read; ${facts.name} changes data, sends or spends.`;
  if (scope.toolsets && !scope.toolsets.has(facts.toolset) && !(facts.inDefault && scope.toolsets.has("default"))) {
    return `This access token is limited to the toolsets ${[...scope.toolsets].join(", ")}; ${facts.name} belongs to ${facts.toolset}.`;
  }
  if (limitsResources(scope) && isSmartLead(facts) && !namesResource(facts)) {
    return `This access token is limited to ${describe(scope)}; ${facts.name} reaches the whole SmartLead account.`;
  }
  return undefined;
}

const ids = (value: unknown): number[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v) => v !== null).map(Number);

/** The campaigns SmartLead lists under a client, for a client scope. */
export type ClientCampaigns = (client: number, fresh: boolean) => Promise<ReadonlySet<number>>;

/**
 * Throws `forbidden` unless this call, with these arguments, is inside the
 * scope. Only a client scope can need upstream reads (which campaigns a client has).
 */
export async function checkScope(scope: Scope | undefined, facts: ToolFacts, args: Args, clientCampaigns: ClientCampaigns): Promise<void> {
  if (!scope) return;
  const refusal = toolRefusal(scope, facts);
  if (refusal) throw new ToolError("forbidden", refusal);
  if (!limitsResources(scope) || !isSmartLead(facts)) return;
  const clients = CLIENT_ARGS.flatMap((a) => ids(args[a]));
  const campaigns = CAMPAIGN_ARGS.flatMap((a) => ids(args[a]));
  const outside = (what: string) =>
    new ToolError("forbidden", `This access token is limited to ${describe(scope)}; ${what} is outside it, so ${facts.name} was not sent.`);
  if (clients.length === 0 && campaigns.length === 0) {
    const named = facts.inputs.filter((i) => (CAMPAIGN_ARGS as readonly string[]).includes(i) || (CLIENT_ARGS as readonly string[]).includes(i));
    throw new ToolError(
      "forbidden",
      `This access token is limited to ${describe(scope)}; without ${named.join(" or ")}, ${facts.name} would reach the whole account. Name one of them.`,
    );
  }
  for (const client of clients) if (!scope.clients?.has(client)) throw outside(`client ${client}`);
  for (const campaign of campaigns) {
    if (scope.campaigns?.has(campaign)) continue;
    if (!scope.clients || !(await inClients(scope.clients, campaign, clientCampaigns))) throw outside(`campaign ${campaign}`);
  }
}

async function inClients(clients: ReadonlySet<number>, campaign: number, clientCampaigns: ClientCampaigns): Promise<boolean> {
  for (const fresh of [false, true]) {
    // A campaign created in the last minute is not in the cached list: look once more before refusing.
    for (const client of clients) if ((await clientCampaigns(client, fresh)).has(campaign)) return true;
  }
  return false;
}

const CLIENT_CAMPAIGNS_TTL_MS = 60_000;
const clientCampaignCache = new Map<string, { at: number; ids: ReadonlySet<number> }>();

/**
 * ClientCampaigns over one upstream read, cached per isolate for a minute.
 * `cacheKey` separates deployments (their keys differ); `list` reads the client's campaigns.
 */
export function cachedClientCampaigns(cacheKey: string, list: (client: number) => Promise<unknown>): ClientCampaigns {
  return async (client, fresh) => {
    const key = `${cacheKey}|${client}`;
    const hit = clientCampaignCache.get(key);
    if (hit && !fresh && Date.now() - hit.at < CLIENT_CAMPAIGNS_TTL_MS) return hit.ids;
    const data = await list(client);
    const rows = Array.isArray(data) ? data : [];
    // Only rows that say they belong to the client count, should the filter ever be ignored upstream.
    const found = new Set(
      rows
        .filter((r): r is { id: unknown; client_id: unknown } => Boolean(r) && typeof r === "object")
        .filter((r) => Number(r.client_id) === client)
        .map((r) => Number(r.id)),
    );
    clientCampaignCache.set(key, { at: Date.now(), ids: found });
    return found;
  };
}
