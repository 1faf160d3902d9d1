/** What a view gets besides the result: the call's arguments and a way to call this server's tools through the host. */
import type { Json } from "./dom";

export interface ToolResult {
  isError?: boolean;
  content?: unknown;
  structuredContent?: unknown;
}

export interface ViewContext {
  /** The arguments the tool was called with, as the host reported them (tool-input). */
  input?: Json;
  /** The tool's title from the host, when it says. */
  toolTitle?: string;
  /** The tool's description from the host, when it says (a paid tool's ends with its cost sentence). */
  toolDescription?: string;
  /** tools/call through the host (app.callServerTool): the host decides whether to allow it. */
  callTool(name: string, args: Json): Promise<ToolResult>;
  /** Draws a new result in place (after Approve, or a job's next report). */
  show(result: ToolResult): void;
  /** Tells the model what the person did here (ui/update-model-context), when the host takes it; it reads it with the next message. */
  tellModel(text: string): void;
}
