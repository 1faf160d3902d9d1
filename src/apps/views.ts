/**
 * The MCP Apps views (the `@modelcontextprotocol/ext-apps` extension): what
 * each one is, the ui:// resource that serves it, and which tools declare it.
 * A tool names its view with `view` on its definition; every two-step tool
 * without one gets the confirmation card. The views hold no secrets: they draw
 * what a tool result hands them, the same for every user.
 */
export const VIEW_IDS = ["campaign_performance", "deliverability", "confirmation", "import_summary"] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/** The extension's MIME type for a view's HTML (RESOURCE_MIME_TYPE in @modelcontextprotocol/ext-apps/server; a test keeps them equal). */
export const VIEW_MIME_TYPE = "text/html;profile=mcp-app";
/** The extension's deprecated flat key for a tool's view, still read by older hosts (RESOURCE_URI_META_KEY). */
export const LEGACY_RESOURCE_URI_KEY = "ui/resourceUri";

export interface ViewInfo {
  id: ViewId;
  uri: string;
  /** Short name, as resources/list shows it. */
  name: string;
  title: string;
  description: string;
}

const view = (id: ViewId, title: string, description: string): ViewInfo => ({ id, uri: `ui://gtm-edge-mcp/${id}.html`, name: id, title, description });

export const VIEWS: Readonly<Record<ViewId, ViewInfo>> = {
  campaign_performance: view(
    "campaign_performance",
    "Campaign performance",
    "Sent, opened, clicked, replied, bounced and unsubscribed: totals, per day, per sequence step (a funnel) and per mailbox, from the SmartLead analytics tools.",
  ),
  deliverability: view(
    "deliverability",
    "Deliverability",
    "Where a placement test's seed emails landed (inbox, spam, missing) by provider and by sending mailbox.",
  ),
  confirmation: view(
    "confirmation",
    "Confirmation card",
    "What a two-step tool will do and to what (campaign, leads, credits), with Approve and Cancel; Approve calls the tool again with the preview's confirmation token.",
  ),
  import_summary: view(
    "import_summary",
    "Verified import",
    "A verified import's preview (leads to validate, excluded, credits) with Approve and Cancel, then accepted / rejected / blocked per lead, credits spent and job progress.",
  ),
};

/** The view a tool's results open in, if any: its own, else the confirmation card for a two-step tool (`confirmed`: it asks for a token here). */
export function viewOf(tool: { view?: ViewId }, confirmed: boolean): ViewId | undefined {
  return tool.view ?? (confirmed ? "confirmation" : undefined);
}

/** A tool's `_meta` for its view: the extension's `ui.resourceUri`, and the legacy flat key for older hosts. */
export function viewMeta(id: ViewId): Record<string, unknown> {
  const uri = VIEWS[id].uri;
  return { ui: { resourceUri: uri }, [LEGACY_RESOURCE_URI_KEY]: uri };
}
