/**
 * The bench's floor: the least a Worker must do for one tool call. One POST
 * in (a JSON-RPC tools/call), one upstream fetch out (the fake LeadMagic's
 * /v1/credits, as leadmagic_get_credits does), the answer back as a JSON-RPC
 * result, and — unless AUDIT_LINE is "false" — the same one-line audit record
 * our Worker writes (same fields, same console.log). No auth, no SDK, no
 * validation: what our Worker costs above this is what its design costs.
 */
interface FloorEnv {
  LEADMAGIC_BASE_URL: string;
  LEADMAGIC_API_KEY: string;
  /** "false" drops the audit line, so its cost is measured by removing it. */
  AUDIT_LINE?: string;
}

export default {
  async fetch(request: Request, env: FloorEnv): Promise<Response> {
    if (request.method !== "POST") return new Response("floor", { status: 404 });
    const started = Date.now();
    const rpc = (await request.json()) as { id: number; params: { name: string } };
    const upstream = await fetch(`${env.LEADMAGIC_BASE_URL}/v1/credits`, { headers: { "x-api-key": env.LEADMAGIC_API_KEY } });
    const data = await upstream.json();
    const text = JSON.stringify(data);
    if (env.AUDIT_LINE !== "false") {
      // Field for field what src/tools/call.ts writes through src/log.ts for this call.
      console.log(
        JSON.stringify({
          ts: new Date().toISOString(),
          event: "tool_call",
          user: "bench",
          tool: rpc.params.name,
          kind: "read",
          upstream: "leadmagic",
          outcome: "ok",
          http_status: upstream.status,
          attempts: 1,
          latency_ms: Date.now() - started,
        }),
      );
    }
    return Response.json({ jsonrpc: "2.0", id: rpc.id, result: { content: [{ type: "text", text }], structuredContent: data } });
  },
};
