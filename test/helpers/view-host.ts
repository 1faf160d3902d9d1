/**
 * A minimal MCP Apps host for the browser tests: a page that embeds a view's
 * HTML (as resources/read returned it) with the Apps SDK's AppBridge
 * (test/browser/view-host-page.ts, bundled here with esbuild), hands it a tool's input
 * and result, and forwards the view's tools/call to an MCP client.
 */
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import { build } from "esbuild";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { collectProblems } from "./browser";
import { PROJECT_ROOT } from "./stack";

let script: Promise<string> | undefined;

function hostScript(): Promise<string> {
  script ??= build({
    entryPoints: [join(PROJECT_ROOT, "test/browser/view-host-page.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
    logLevel: "warning",
  }).then((r) => r.outputFiles[0]!.text);
  return script;
}

export interface HostedView {
  page: Page;
  view: FrameLocator;
  /** Console errors and uncaught exceptions of the host page and the view. */
  problems: string[];
  /** Every tools/call the view made through the host. */
  calls: { name: string; arguments?: Record<string, unknown> }[];
  /** What the view told the model (ui/update-model-context), latest last. */
  modelContext: string[];
}

/** Opens `html` as the view of `tool`'s call with `input` that answered `result`; the view's tools/call go to `client`. */
export async function hostView(
  browser: Browser,
  client: Client,
  html: string,
  tool: Tool,
  input: Record<string, unknown>,
  result: CallToolResult,
): Promise<HostedView> {
  const page = await browser.newPage({ viewport: { width: 760, height: 900 } });
  const problems = collectProblems(page);
  const calls: HostedView["calls"] = [];
  const modelContext: string[] = [];
  await page.exposeFunction("hostModelContext", (params: { content?: { type: string; text?: string }[] }) => {
    modelContext.push((params.content ?? []).map((c) => c.text ?? "").join("\n"));
  });
  await page.exposeFunction("hostCallTool", async (params: { name: string; arguments?: Record<string, unknown> }) => {
    calls.push(params);
    return client.callTool(params);
  });
  await page.setContent(
    `<!doctype html><html><head><title>test host</title><style>body{margin:0;background:#e9ebee}iframe{border:0;width:720px;height:600px;display:block;margin:12px;background:#fff;border-radius:10px}</style></head><body></body></html>`,
  );
  await page.addScriptTag({ content: await hostScript() });
  // Runs in the page, where test/browser/view-host-page.ts defined showView.
  await page.evaluate((show) => (globalThis as unknown as { showView(s: unknown): Promise<void> }).showView(show), {
    html,
    tool: { name: tool.name, title: tool.title, description: tool.description, inputSchema: tool.inputSchema },
    input,
    result: result as unknown as Record<string, unknown>,
  });
  return { page, view: page.frameLocator("iframe"), problems, calls, modelContext };
}
