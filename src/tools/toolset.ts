/**
 * The toolset builder each domain file starts from:
 *
 *   const t = toolset("smartlead_campaigns");
 *   t.get("/campaigns/{campaign_id}", { name, title, description, catalogId, input });
 *   t.post("/campaigns/{campaign_id}/status", { kind: "send", confirm, … });
 *
 * It fills in what every entry of the toolset shares (toolset, host, method)
 * and what follows from the entry's kind (annotations, effect, spending). The
 * entry types make a confirmation mandatory for delete, send and spend, and a
 * cost for every kind that spends.
 */
import type { z } from "zod";
import type { Annotations, Args, ConfirmSpec, Cost, HttpMethod, ListSpec, ToolDefinition } from "./define";
import { KINDS } from "./kinds";
import { TOOLSET_INFO, type ToolsetId } from "./toolsets";

type Shared = Pick<
  ToolDefinition,
  "name" | "title" | "catalogId" | "query" | "body" | "output" | "textResponse" | "shape" | "run" | "contacts" | "alsoReads" | "view"
> & {
  /** What the tool does, in the words clients see; a paid tool's cost sentence follows it. */
  description: string;
  input: z.ZodType<Args>;
  list?: ListSpec;
  /** Hints that differ from the kind's, for the real outliers (say why beside it). */
  annotations?: Partial<Annotations>;
};

type ByKind =
  | { kind: "read" | "create" | "update"; cost?: undefined; confirm?: ConfirmSpec }
  | { kind: "paid_read"; cost: Cost; confirm?: undefined }
  | { kind: "delete" | "send"; confirm: ConfirmSpec; cost?: undefined }
  | { kind: "spend"; confirm: ConfirmSpec; cost: Cost };

/**
 * Tools that create access lasting beyond this server's own tokens (client API
 * keys and logins, webhooks that receive lead data, mailboxes): offered only
 * when the operator sets MCP_ADMIN_TOOLS=true, and always two-step.
 */
type Admin = { admin?: undefined } | { admin: true; confirm: ConfirmSpec };

export type Entry = Shared & ByKind & Admin;
/** A GET entry is a free read unless it says otherwise. */
export type GetEntry = Entry | (Shared & { kind?: undefined; cost?: undefined; confirm?: undefined; admin?: undefined });

/** A tool that runs in this server (a toolset whose base is "local"): no endpoint, no catalog entry; `run` does the work, or the tool it delegates to. */
export type LocalEntry = Omit<Shared, "catalogId" | "query" | "body" | "textResponse" | "list" | "run"> &
  ByKind &
  Admin &
  ({ run: NonNullable<ToolDefinition["run"]>; delegate?: undefined } | { delegate: NonNullable<ToolDefinition["delegate"]>; run?: undefined });

export interface Toolset {
  id: ToolsetId;
  local(entry: LocalEntry): ToolDefinition;
  get(path: string, entry: GetEntry): ToolDefinition;
  post(path: string, entry: Entry): ToolDefinition;
  put(path: string, entry: Entry): ToolDefinition;
  patch(path: string, entry: Entry): ToolDefinition;
  delete(path: string, entry: Entry): ToolDefinition;
}

export function toolset(id: ToolsetId): Toolset {
  const { base } = TOOLSET_INFO[id];
  const make =
    (method: HttpMethod) =>
    (path: string, entry: Entry): ToolDefinition => {
      const { annotations, description, ...rest } = entry;
      const kind = KINDS[entry.kind];
      return {
        ...rest,
        toolset: id,
        base,
        method,
        path,
        description: entry.cost ? `${description} ${entry.cost.text}` : description,
        effect: kind.effect,
        costsCredits: kind.costsCredits,
        annotations: { ...kind.annotations, ...annotations },
      };
    };
  return {
    id,
    // Local tools touch nothing outside this server unless their entry says so (openWorldHint).
    local: (entry) => make("POST")("", { ...entry, catalogId: "", annotations: { openWorldHint: false, ...entry.annotations } } as Entry),
    get: (path, entry) => make("GET")(path, { ...entry, kind: entry.kind ?? "read" } as Entry),
    post: make("POST"),
    put: make("PUT"),
    patch: make("PATCH"),
    delete: make("DELETE"),
  };
}
