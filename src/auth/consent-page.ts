/**
 * The /authorize consent page. Everything that came from the client (name,
 * redirect URI, scopes) is attacker-controlled and escaped; the page cannot be
 * framed, loads nothing, and runs no script.
 */
import type { ConsentDescription } from "@cloudflare/workers-oauth-provider";
import { type Config, configuredUpstreams } from "../config";

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`=]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
code{background:#f3f3f3;border-radius:4px;padding:.1rem .3rem;word-break:break-all}
.warn{background:#fff4e5;border:1px solid #f0b35a;border-radius:6px;padding:.5rem .75rem}
.error{background:#fde8e8;border:1px solid #e08080;border-radius:6px;padding:.5rem .75rem}
input[type=password]{width:100%;font:inherit;padding:.4rem;box-sizing:border-box}
button{font:inherit;padding:.4rem 1rem;margin-right:.5rem}`;

/** Headers for every page /authorize renders. */
export function pageHeaders(formTarget?: string): Headers {
  const formAction = formTarget ? ` form-action 'self' ${formTarget};` : "";
  return new Headers({
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    // Not no-referrer: with it, browsers send `Origin: null` on the form POST and the Origin check refuses it.
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": `default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none';${formAction} frame-ancestors 'none'`,
  });
}

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="icon" href="data:,"><style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** What the client will be able to reach, in plain words. */
export function upstreamSummary(config: Config): string[] {
  const up = configuredUpstreams(config);
  const lines: string[] = [];
  if (up.smartlead)
    lines.push("SmartLead: campaigns, leads, email accounts, inbox, analytics, deliverability — including tools that send email and change or delete data.");
  if (up.leadmagic) lines.push("LeadMagic: B2B enrichment (email, phone, company and profile lookups) — most calls spend credits.");
  if (lines.length === 0) lines.push("No upstream API is configured on this server yet, so no tools are available.");
  if (config.forceReadOnly) lines.push("This server is read-only: tools that change data are not offered.");
  else if (config.confirmActions) lines.push("Tools that delete data, send email or spend money ask for a second, confirmed call first.");
  return lines;
}

export function consentPage(details: ConsentDescription, handle: string, config: Config): string {
  const name = escapeHtml(details.clientName);
  const origin = details.clientDomain
    ? `Published by <strong>${escapeHtml(details.clientDomain)}</strong>.`
    : "This app registered itself: its name is <strong>not verified</strong>.";
  const loopback = details.redirectIsLoopback
    ? `<p class="warn"><strong>Access will be sent to an app on this computer.</strong> Continue only if you just started signing in from it.</p>`
    : "";
  const scopes = details.scope.length ? `<p>Requested scopes: ${details.scope.map((s) => `<code>${escapeHtml(s)}</code>`).join(" ")}</p>` : "";
  const upstreams = upstreamSummary(config)
    .map((l) => `<li>${escapeHtml(l)}</li>`)
    .join("");
  return layout(
    `Authorize ${details.clientName}`,
    `<h1>Allow <q>${name}</q> to use this MCP server?</h1>
<p>${origin}</p>
<p>Access will be sent to <strong>${escapeHtml(details.redirectHost)}</strong><br>(redirect URI <code>${escapeHtml(details.redirectUri)}</code>).</p>
${loopback}
<h2>What it will be able to do</h2>
<p>Call this server's tools on your behalf, with this server's API keys (the keys themselves are never shared):</p>
<ul>${upstreams}</ul>
${scopes}
<form method="post" action="/authorize">
<input type="hidden" name="handle" value="${escapeHtml(handle)}">
<p><label for="access_token">Your access token (from the server operator; it proves who you are and is not sent to the app):</label><br>
<input type="password" id="access_token" name="access_token" autocomplete="off" required></p>
<p><button type="submit" name="decision" value="approve">Allow</button>
<button type="submit" name="decision" value="deny" formnovalidate>Deny</button></p>
</form>`,
  );
}

export function messagePage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1><p class="error">${escapeHtml(message)}</p>`);
}
