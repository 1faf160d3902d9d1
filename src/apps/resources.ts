/**
 * resources/list and resources/read for the views, as plain functions so that
 * every protocol adapter (src/mcp/server.ts today) answers them the same way.
 */
import { viewHtml } from "./page";
import { VIEW_IDS, VIEW_MIME_TYPE, VIEWS, type ViewId } from "./views";

/**
 * The extension's resource metadata: no network origin of any kind (the view
 * draws only what the host hands it), and a border from the host.
 */
const UI_META = {
  ui: { csp: { connectDomains: [], resourceDomains: [], frameDomains: [], baseUriDomains: [] }, prefersBorder: true },
} as const;

export interface ViewResource {
  uri: string;
  name: string;
  title: string;
  description: string;
  mimeType: string;
  _meta: typeof UI_META;
}

const LISTED: ViewResource[] = VIEW_IDS.map((id) => {
  const { uri, name, title, description } = VIEWS[id];
  return { uri, name, title, description, mimeType: VIEW_MIME_TYPE, _meta: UI_META };
});

export function listResources(): { resources: ViewResource[] } {
  return { resources: LISTED };
}

const BY_URI = new Map<string, ViewId>(VIEW_IDS.map((id) => [VIEWS[id].uri, id]));

/** The view's HTML, or undefined for a uri this server does not serve. */
export function readResource(uri: string): { contents: { uri: string; mimeType: string; text: string; _meta: typeof UI_META }[] } | undefined {
  const id = BY_URI.get(uri);
  if (!id) return undefined;
  return { contents: [{ uri, mimeType: VIEW_MIME_TYPE, text: viewHtml(id), _meta: UI_META }] };
}
