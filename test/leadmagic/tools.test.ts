/** Every LeadMagic tool, driven through the MCP client against the fake: what went over the wire. */
import { after, before, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { connect } from "../helpers/mcp";
import { startStack, type Stack } from "../helpers/stack";
import { runCase, type ToolCase } from "../helpers/table";

const CASES: ToolCase[] = [
  { tool: "leadmagic_get_credits", args: {}, expect: { host: "leadmagic", method: "GET", path: "/v1/credits" } },
  {
    tool: "leadmagic_validate_email",
    args: { email: "jane@example.com" },
    expect: { host: "leadmagic", method: "POST", path: "/v1/people/email-validation", body: { email: "jane@example.com" } },
  },
];

let stack: Stack;
let client: Client;
before(async () => {
  stack = await startStack();
  client = await connect(stack.url, "mcp", { query: "toolsets=all" });
});
after(async () => {
  await client?.close();
  await stack?.stop();
});

for (const c of CASES) test(c.tool, () => runCase(client, stack.fakes, c).then(() => undefined));
