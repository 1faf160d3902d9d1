/**
 * The pages a person sees, in a real headless Chromium: the landing page, and
 * OAuth sign-in as Claude.ai or Cursor sends a person through it — register a
 * client, open /authorize, type the access token, press Allow, land on the
 * client's redirect URI with a code, exchange it with PKCE, list and call tools
 * with the OAuth token. The browser sends its own Origin and cookies, which is
 * exactly what scripted clients do not.
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { collectProblems, launchBrowser } from "../helpers/browser";
import { call, connect } from "../helpers/mcp";
import { authorizationUrl, exchangeCode, pkcePair, registerClient } from "../helpers/oauth";
import { type Stack, startStack, TEST_ACCESS_TOKEN } from "../helpers/stack";

/** A client's loopback redirect target: records each redirect's query and shows a plain page. */
async function startCallback(): Promise<{ url: string; hits: URLSearchParams[]; server: Server }> {
  const hits: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/callback") hits.push(url.searchParams);
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>Signed in</title><link rel=icon href=data:,><p>You can close this window.</p>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`, hits, server };
}

describe("pages in a real browser (Chromium)", () => {
  let stack: Stack;
  let browser: Browser;
  let callback: Awaited<ReturnType<typeof startCallback>>;
  before(async () => {
    [stack, browser, callback] = await Promise.all([startStack(), launchBrowser(), startCallback()]);
  });
  after(async () => {
    await browser?.close();
    callback?.server.close();
    await stack?.stop();
  });

  test("the landing page: title, endpoints and how to connect, no console errors", async () => {
    const page = await browser.newPage();
    const problems = collectProblems(page);
    const res = await page.goto(`${stack.url}/`);
    assert.equal(res?.status(), 200);
    assert.equal(await page.title(), "GTM edge MCP server");
    assert.match(await page.locator("h1").innerText(), /GTM edge MCP server/);
    const text = await page.locator("body").innerText();
    assert.ok(text.includes(`${stack.url}/mcp`), "the MCP URL is shown");
    assert.ok(text.includes(`${stack.url}/sse`), "the SSE URL is shown");
    assert.match(text, /OAuth/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("OAuth sign-in: consent page, wrong token, Allow, code → PKCE exchange → tools with the OAuth token", async () => {
    const clientId = await registerClient(stack.url, callback.url, "Browser Test Client");
    const { verifier, challenge } = pkcePair();
    const resource = `${stack.url}/mcp`;
    const authorize = authorizationUrl(stack.url, { clientId, redirectUri: callback.url, challenge, state: "browser-state", resource });

    const page = await browser.newPage();
    const problems = collectProblems(page);
    const shown = await page.goto(authorize.href);
    assert.equal(shown?.status(), 200);
    assert.equal(await page.title(), "Authorize Browser Test Client");
    assert.match(await page.locator("h1").innerText(), /Allow .?Browser Test Client.? to use this MCP server\?/);
    const body = await page.locator("body").innerText();
    assert.match(body, /not verified/);
    assert.ok(body.includes(callback.url), "the redirect URI is shown");
    assert.match(body, /SmartLead/);
    assert.match(body, /LeadMagic/);
    const tokenField = page.locator("input#access_token");
    assert.equal(await tokenField.getAttribute("type"), "password");
    assert.ok(await page.getByRole("button", { name: "Allow" }).isVisible());
    assert.ok(await page.getByRole("button", { name: "Deny" }).isVisible());

    // A wrong token: the browser's POST gets past the Origin check and is refused for the token alone.
    await tokenField.fill("not-the-right-token-0123456789");
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Allow" }).click()]);
    assert.equal(await page.title(), "Wrong access token");
    assert.match(await page.locator("body").innerText(), /not valid here/);
    assert.equal(callback.hits.length, 0);

    // Back to the form: the page is not cached (no-store), so the browser loads it again with a fresh handle; the right token, Allow.
    await page.goBack();
    assert.equal(await page.title(), "Authorize Browser Test Client");
    await page.locator("input#access_token").fill(TEST_ACCESS_TOKEN);
    await Promise.all([page.waitForURL((u) => u.href.startsWith(callback.url)), page.getByRole("button", { name: "Allow" }).click()]);
    assert.equal(await page.title(), "Signed in");
    assert.equal(callback.hits.length, 1);
    const hit = callback.hits[0]!;
    assert.equal(hit.get("state"), "browser-state");
    assert.equal(hit.get("iss"), stack.url);
    const code = hit.get("code");
    assert.ok(code);
    // The wrong-token page logs the 403 it was served; nothing else may go wrong.
    assert.deepEqual(
      problems.filter((p) => !/status of 403/.test(p)),
      [],
    );
    await page.close();

    const tokens = await exchangeCode(stack.url, { clientId, redirectUri: callback.url, code, verifier, resource });
    assert.equal(tokens.resource, resource);
    const client = await connect(stack.url, "mcp", { token: tokens.access_token });
    try {
      assert.ok((await client.listTools()).tools.length > 0);
      const credits = await call(client, "leadmagic_get_credits");
      assert.equal(credits.isError, undefined);
    } finally {
      await client.close();
    }
  });
});
