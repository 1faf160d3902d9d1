/**
 * The views' one entry point: connects to the host with the Apps SDK's App,
 * follows the host's theme, and draws each tool result with the view the page
 * was served as (<body data-view>; see src/apps/page.ts).
 */
import { App, applyDocumentTheme, applyHostStyleVariables, type McpUiHostContext } from "@modelcontextprotocol/ext-apps";
import { config } from "zod/v4/core";
import { renderCampaign } from "./campaign";
import { renderConfirmation, renderOutcome } from "./confirmation";
import type { ToolResult, ViewContext } from "./context";
import { renderDeliverability } from "./deliverability";
import { errorOf, heading, isObject, type Json, notice } from "./dom";
import { renderJob } from "./import";

// zod (inside the SDK) would otherwise probe `new Function`, which the view's CSP refuses, and the refusal is logged as an error.
config({ jitless: true });

const root = document.getElementById("root")!;
const view = document.body.dataset.view ?? "";
const app = new App({ name: "gtm-edge-mcp-views", version: "1" }, {}, { autoResize: true });

const ctx: ViewContext = {
  callTool: (name, args) => app.callServerTool({ name, arguments: args }) as Promise<ToolResult>,
  show,
  tellModel: (text) => {
    if (app.getHostCapabilities()?.updateModelContext?.text) app.updateModelContext({ content: [{ type: "text", text }] }).catch(() => {});
  },
};

function draw(result: ToolResult): HTMLElement[] {
  const data: Json = isObject(result.structuredContent) ? result.structuredContent : {};
  const error = errorOf(result);
  const preview = data.confirmation_required === true;
  switch (view) {
    case "confirmation":
      return preview ? renderConfirmation(data, ctx) : renderOutcome(result, ctx);
    case "import_summary":
      if (preview) return renderConfirmation(data, ctx, "Verified import");
      return !error && typeof data.job_id === "string" ? renderJob(data, ctx) : renderOutcome(result, ctx);
    case "campaign_performance":
      return error ? failed("Campaign performance", error) : renderCampaign(data);
    case "deliverability":
      return error ? failed("Deliverability", error) : renderDeliverability(data);
    default:
      return failed("Unknown view", `This page was served as "${view}", which no view draws.`);
  }
}

const failed = (title: string, message: string) => [heading(title), notice("error", message)];

function show(result: ToolResult): void {
  root.replaceChildren(...draw(result));
}

function theme(context: McpUiHostContext | undefined): void {
  if (context?.theme) applyDocumentTheme(context.theme);
  if (context?.styles?.variables) applyHostStyleVariables(context.styles.variables);
  const tool = context?.toolInfo?.tool;
  if (tool) {
    ctx.toolTitle = tool.title ?? tool.name;
    ctx.toolDescription = tool.description;
  }
}

app.ontoolinput = ({ arguments: args }) => {
  ctx.input = isObject(args) ? args : undefined;
};
app.ontoolresult = (result) => show(result as ToolResult);
app.ontoolcancelled = () => root.replaceChildren(notice("info", "The call was cancelled."));
app.onhostcontextchanged = (context) => theme(context);

app.connect().then(
  () => theme(app.getHostContext()),
  (err: unknown) => root.replaceChildren(notice("error", `Could not connect to the host: ${err instanceof Error ? err.message : String(err)}`)),
);
