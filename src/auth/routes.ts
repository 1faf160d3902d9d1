/** OAuth 2.1 routes: discovery, registration, token/refresh/revocation (the provider) and the consent page (ours). */
import type { Hono } from "hono";
import { withBody } from "../edge/body-limit";
import { type AppEnv, type C, limiter, requestBody, waitUntil } from "../edge/context";
import { CONSENT_FAILURES_PER_MINUTE } from "../edge/limits";
import { AUTHORIZE_PATH, isAsMetadataPath, prMetadataResource, REGISTER_PATH, TOKEN_PATH } from "../edge/routes";
import { type ConsentFailures, showConsent, submitConsent } from "./consent";
import { authorizationServerMetadata, oauthServer, protectedResourceMetadata } from "./oauth-server";

/** The request with its body read under MAX_REQUEST_BYTES, or the refusal to send. */
async function cappedRequest(c: C): Promise<Request | Response> {
  const bytes = await requestBody(c);
  return bytes instanceof Response ? bytes : withBody(c.req.raw, bytes);
}

function consentFailures(c: C): ConsentFailures {
  const key = { scope: "consent_fail", id: c.get("ip"), limit: CONSENT_FAILURES_PER_MINUTE, store: c.env.RATE_LIMIT_KV };
  return {
    exhausted: () => limiter.exhausted(key),
    record: () => limiter.check({ ...key, waitUntil: waitUntil(c) }),
  };
}

export function mountOAuthRoutes(app: Hono<AppEnv>): void {
  app.on(["GET", "HEAD"], "/.well-known/*", async (c, next) => {
    const path = new URL(c.req.url).pathname;
    const origin = c.get("origin");
    const resource = prMetadataResource(path);
    if (resource !== undefined) return c.json(protectedResourceMetadata(origin, resource), 200, { "Cache-Control": "public, max-age=3600" });
    if (isAsMetadataPath(path)) return authorizationServerMetadata(c.req.raw, c.env, c.executionCtx as ExecutionContext, origin);
    await next();
  });

  app.get(AUTHORIZE_PATH, (c) => showConsent(c.req.raw, c.env, c.get("config"), c.get("origin")));
  app.post(AUTHORIZE_PATH, async (c) => {
    const request = await cappedRequest(c);
    if (request instanceof Response) return request;
    return submitConsent(request, c.env, c.get("config"), c.get("origin"), consentFailures(c));
  });

  app.on(["GET", "POST"], [TOKEN_PATH, REGISTER_PATH], async (c) => {
    const request = await cappedRequest(c);
    if (request instanceof Response) return request;
    return oauthServer(c.get("origin")).fetch(request, c.env, c.executionCtx as ExecutionContext);
  });
}
