/**
 * The browser side of the minimal MCP Apps host (test/helpers/view-host.ts): the Apps
 * SDK's own AppBridge over postMessage to the view in a sandboxed iframe, as a
 * chat client embeds it. tools/call from the view goes to the test process
 * (window.hostCallTool, exposed by Playwright), which calls the Worker.
 */
import { AppBridge, PostMessageTransport } from "@modelcontextprotocol/ext-apps/app-bridge";

interface Show {
  html: string;
  tool: { name: string; title?: string; description?: string; inputSchema: Record<string, unknown> };
  input: Record<string, unknown>;
  result: Record<string, unknown>;
}

declare global {
  interface Window {
    hostCallTool(params: unknown): Promise<Record<string, unknown>>;
    hostModelContext(params: unknown): void;
    showView(show: Show): Promise<void>;
  }
}

window.showView = async ({ html, tool, input, result }) => {
  const iframe = document.createElement("iframe");
  // As hosts do: scripts run, but the view has an opaque origin of its own.
  iframe.setAttribute("sandbox", "allow-scripts");
  iframe.srcdoc = html;
  document.body.append(iframe);
  const bridge = new AppBridge(
    null,
    { name: "gtm-edge-mcp test host", version: "1" },
    { serverTools: {}, updateModelContext: { text: {} } },
    { hostContext: { theme: "light", displayMode: "inline", toolInfo: { tool: tool as never } } },
  );
  bridge.oncalltool = async (params) => (await window.hostCallTool(params)) as never;
  bridge.onupdatemodelcontext = async (params) => {
    window.hostModelContext(params);
    return {};
  };
  bridge.onsizechange = ({ height }) => {
    if (height) iframe.style.height = `${height}px`;
  };
  const initialized = new Promise<void>((resolve) => {
    bridge.oninitialized = () => resolve();
  });
  await bridge.connect(new PostMessageTransport(iframe.contentWindow!, iframe.contentWindow!));
  await initialized;
  await bridge.sendToolInput({ arguments: input });
  await bridge.sendToolResult(result as never);
};
