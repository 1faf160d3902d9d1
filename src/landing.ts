/** The short landing page at "/": what this is and how to connect. */
import { html } from "hono/html";
import { VERSION } from "./version";

/** `notice`: shown at the top when the server cannot serve MCP (e.g. no access token configured). */
export function landingPage(origin: string, notice?: string) {
  const mcp = `${origin}/mcp`;
  const sse = `${origin}/sse`;
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>GTM edge MCP server</title>
    <link rel="icon" href="data:," />
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
      code, pre { background: #f3f3f3; border-radius: 4px; padding: 0.1rem 0.3rem; }
      pre { padding: 0.75rem; overflow-x: auto; }
      .notice { background: #fde8e8; border: 1px solid #e08080; border-radius: 6px; padding: 0.5rem 0.75rem; }
    </style>
  </head>
  <body>
    ${notice ? html`<p role="alert" class="notice"><strong>Not available:</strong> ${notice}</p>` : ""}
    <h1>GTM edge MCP server <small>v${VERSION}</small></h1>
    <p>A remote <a href="https://modelcontextprotocol.io">Model Context Protocol</a> server that gives AI clients safe access to
      <strong>SmartLead</strong> (cold-email campaigns, leads, mailboxes, inbox, analytics, deliverability) and
      <strong>LeadMagic</strong> (B2B enrichment). Upstream API keys stay on this server.</p>
    <h2>Endpoints</h2>
    <ul>
      <li>Streamable HTTP (current clients): <code>${mcp}</code></li>
      <li>Legacy SSE (older clients): <code>${sse}</code></li>
      <li>Status: <a href="/health"><code>/health</code></a></li>
    </ul>
    <p>Pick tool groups with <code>?toolsets=smartlead_campaigns,leadmagic_people</code> (or <code>all</code>), and hide every tool that changes anything with <code>?read_only=true</code>.</p>
    <h2>Connect</h2>
    <p>Every MCP request must authenticate, in one of two ways:</p>
    <ul>
      <li><strong>Access token</strong> (scripts, CI, mcp-remote with a header): send <code>Authorization: Bearer &lt;token&gt;</code> with a token the operator gave you.</li>
      <li><strong>OAuth</strong> (Claude.ai, Cursor, the Inspector): give the client just the URL; it registers itself and opens a sign-in page where you enter your access token once. The client gets its own expiring tokens.</li>
    </ul>
    <p><strong>MCP Inspector 2.x</strong> (Node 22.19 or newer): <code>npx -y @modelcontextprotocol/inspector@2 --transport http --server-url ${mcp}</code>, then sign in with OAuth, or add <code>--header 'Authorization: Bearer &lt;token&gt;'</code>.</p>
    <p><strong>Claude Desktop</strong> (through mcp-remote, which signs in with OAuth in your browser), in <code>claude_desktop_config.json</code>:</p>
    <pre>{ "mcpServers": { "gtm": { "command": "npx", "args": ["mcp-remote", "${mcp}"] } } }</pre>
    <p><strong>Claude.ai</strong>: Settings → Connectors → Add custom connector → <code>${mcp}</code>.</p>
    <p><strong>Cursor</strong>, in <code>.cursor/mcp.json</code>:</p>
    <pre>{ "mcpServers": { "gtm": { "url": "${mcp}" } } }</pre>
  </body>
</html>`;
}
