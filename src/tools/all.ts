/**
 * Every tool definition at once, in listing order, for the scripts and the
 * tests (the Worker loads definitions per module, on first call: ./modules.ts).
 */
import type { ToolDefinition } from "./define";
import { allDefinitions } from "./modules";

export const ALL_TOOLS: readonly ToolDefinition[] = (await allDefinitions()).map((d) => d.tool);
