/**
 * A recording fake upstream: a small HTTP server on 127.0.0.1 that answers
 * routes the way the real API does, checks the API key where the real API
 * expects it, and records every request so tests can assert what really went
 * over the wire. Tests can queue one-off replies (errors, 429s, hangs, huge
 * bodies, redirects) with `next()`, and make it enforce a rate limit with `enforce()`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Base, HOSTS } from "../../src/upstream/hosts";

/** The path prefix a real host puts before every route (its default URL's path), e.g. /api/v1; "" for none. */
export function basePathOf(base: Base): string {
  return new URL(HOSTS[base].defaultUrl).pathname.replace(/\/+$/, "");
}

export interface RecordedRequest {
  method: string;
  /** Path below the fake's base path, e.g. /v1/credits or /campaigns/12. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON body, the raw text when it is not JSON, or undefined when empty. */
  body: unknown;
  /** The request line as received, including the query string (for leak checks). */
  rawUrl: string;
}

export interface FakeReply {
  status?: number;
  /** Objects and arrays are sent as JSON; strings as they are. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Never answer (until the fake stops or the client gives up). */
  hang?: boolean;
  /** Stream this many bytes of JSON-looking filler instead of a body. */
  streamBytes?: number;
}

export interface FakeRoute {
  method: string;
  /** Path template below the base path, with {name} placeholders. */
  path: string;
  reply: (req: RecordedRequest, params: Record<string, string>) => FakeReply;
}

export interface FakeOptions {
  name: string;
  /** Prefix the real API puts before every route, e.g. /api/v1. */
  basePath: string;
  /** True when the request carries the right key, where the real API expects it. */
  authorized: (req: RecordedRequest) => boolean;
  unauthorized: () => FakeReply;
  /** Answer for a route that does not exist. */
  notFound: (req: RecordedRequest) => FakeReply;
  routes: FakeRoute[];
}

/**
 * A key's request budget as an upstream enforces it, counted on arrival: at
 * most perSecond / perMinute / perHour requests in ANY window of that length
 * (a sliding window, stricter than fixed ones), else a 429. Written apart from
 * the server's pacer on purpose, so the two can disagree. One enforcer may
 * serve several fakes (SmartLead's hosts share one key).
 */
export class RateEnforcer {
  private readonly arrivals: number[] = [];
  /** Requests answered (not 429). */
  admitted = 0;
  /** 429s sent. */
  rejected = 0;
  /** When each answered request arrived (ms since the epoch, this process's clock), for throughput over an exact span. */
  readonly admittedAt: number[] = [];

  constructor(
    readonly limits: { perSecond: number; perMinute: number; perHour: number },
    readonly reply: FakeReply,
    private readonly now: () => number = () => performance.timeOrigin + performance.now(),
  ) {}

  admit(): boolean {
    const now = this.now();
    while (this.arrivals.length && this.arrivals[0]! <= now - 3_600_000) this.arrivals.shift();
    const within = (ms: number) => this.arrivals.filter((t) => t > now - ms).length;
    if (within(1000) >= this.limits.perSecond || within(60_000) >= this.limits.perMinute || this.arrivals.length >= this.limits.perHour) {
      this.rejected++;
      return false;
    }
    this.arrivals.push(now);
    this.admittedAt.push(now);
    this.admitted++;
    return true;
  }
}

function compile(route: FakeRoute): { test: (method: string, path: string) => Record<string, string> | undefined } {
  const names: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{([A-Za-z0-9_]+)\\?\}/g, (_, n: string) => {
    names.push(n);
    return "([^/]+)";
  });
  const re = new RegExp(`^${source}$`);
  return {
    test(method, path) {
      if (method !== route.method) return undefined;
      const m = re.exec(path);
      if (!m) return undefined;
      return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
    },
  };
}

export class FakeUpstream {
  readonly requests: RecordedRequest[] = [];
  private readonly queued: FakeReply[] = [];
  private readonly overrides: FakeRoute[] = [];
  private server?: Server;
  private enforcer?: RateEnforcer;
  private readonly compiled: { route: FakeRoute; test: ReturnType<typeof compile>["test"] }[];
  private readonly hanging = new Set<ServerResponse>();
  port = 0;

  constructor(readonly options: FakeOptions) {
    // Literal routes win over templated ones (GET /leads/get-domain-block-list before GET /leads/{lead_id}).
    const placeholders = (r: FakeRoute) => (r.path.match(/\{/g) ?? []).length;
    this.compiled = [...options.routes].sort((a, b) => placeholders(a) - placeholders(b)).map((route) => ({ route, test: compile(route).test }));
  }

  /** Base URL to configure the Worker with (e.g. http://127.0.0.1:PORT/api/v1). */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}${this.options.basePath}`;
  }

  /** Queue one-off replies, used (in order) for the next requests instead of the routes. */
  next(...replies: FakeReply[]): void {
    this.queued.push(...replies);
  }

  /** Replace a route's answer until reset(). */
  override(method: string, path: string, reply: FakeRoute["reply"]): void {
    this.overrides.unshift({ method, path, reply });
  }

  /** Answer 429 past this budget (shared with whichever fakes share the enforcer) until reset(). */
  enforce(enforcer: RateEnforcer): void {
    this.enforcer = enforcer;
  }

  reset(): void {
    this.requests.length = 0;
    this.queued.length = 0;
    this.overrides.length = 0;
    this.enforcer = undefined;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
    await this.send(res, this.receive(req.method ?? "GET", req.url ?? "/", headers, Buffer.concat(chunks).toString("utf8")));
  }

  /**
   * The same fake without a socket: answers a fetch made in this process, as
   * the server would over HTTP (for the in-process test tier, see test/helpers/in-process.ts).
   * `signal` ends a hanging reply the way a dropped connection does.
   */
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => {
      headers[k] = v;
    });
    const reply = this.receive(request.method, `${url.pathname}${url.search}`, headers, await request.text());
    if (reply.hang) {
      return new Promise<Response>((_, reject) => {
        const abort = () => reject(request.signal.reason ?? new DOMException("aborted", "AbortError"));
        if (request.signal.aborted) abort();
        request.signal.addEventListener("abort", abort, { once: true });
      });
    }
    const out = new Headers(reply.headers);
    if (reply.streamBytes) {
      out.set("content-type", out.get("content-type") ?? "application/json");
      const total = reply.streamBytes;
      let sent = 0;
      const chunk = new Uint8Array(64 * 1024).fill(0x61);
      const body = new ReadableStream<Uint8Array>({
        start: (c) => c.enqueue(new TextEncoder().encode('["')),
        pull: (c) => {
          if (sent >= total) {
            c.enqueue(new TextEncoder().encode('"]'));
            c.close();
            return;
          }
          c.enqueue(chunk);
          sent += chunk.length;
        },
      });
      return new Response(body, { status: reply.status ?? 200, headers: out });
    }
    const { payload, contentType } = encode(reply);
    if (contentType && !out.has("content-type")) out.set("content-type", contentType);
    const status = reply.status ?? 200;
    return new Response(status === 204 || status === 304 ? null : payload, { status, headers: out });
  }

  /** Records one request and picks its reply: a queued one, the 401, an override or a route, else the 404. */
  private receive(method: string, rawUrl: string, headers: Record<string, string>, text: string): FakeReply {
    let body: unknown;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const url = new URL(rawUrl, "http://fake");
    const base = this.options.basePath;
    const path = base && url.pathname.startsWith(base) ? url.pathname.slice(base.length) || "/" : url.pathname;
    const recorded: RecordedRequest = {
      method,
      path: base && !url.pathname.startsWith(base) ? `!outside-base:${url.pathname}` : path,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      rawUrl,
    };
    this.requests.push(recorded);
    const queued = this.queued.shift();
    if (queued) return queued;
    if (!this.options.authorized(recorded)) return this.options.unauthorized();
    if (this.enforcer && !this.enforcer.admit()) return this.enforcer.reply;
    return this.route(recorded);
  }

  private route(req: RecordedRequest): FakeReply {
    for (const o of this.overrides) {
      const params = compile(o).test(req.method, req.path);
      if (params) return o.reply(req, params);
    }
    for (const { route, test } of this.compiled) {
      const params = test(req.method, req.path);
      if (params) return route.reply(req, params);
    }
    return this.options.notFound(req);
  }

  private async send(res: ServerResponse, reply: FakeReply): Promise<void> {
    if (reply.hang) {
      this.hanging.add(res);
      res.on("close", () => this.hanging.delete(res));
      return;
    }
    const headers: Record<string, string> = { ...reply.headers };
    if (reply.streamBytes) {
      res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...headers });
      const chunk = Buffer.alloc(64 * 1024, "a");
      let sent = 0;
      res.write('["');
      while (sent < reply.streamBytes && !res.destroyed) {
        const ok = res.write(chunk);
        sent += chunk.length;
        if (!ok) await new Promise((r) => res.once("drain", r));
      }
      res.end('"]');
      return;
    }
    const { payload, contentType } = encode(reply);
    if (contentType) headers["content-type"] ??= contentType;
    res.writeHead(reply.status ?? 200, headers);
    res.end(payload);
  }
}

/** A reply's body as sent: strings as they are (text/plain), objects and arrays as JSON. */
function encode(reply: FakeReply): { payload: string; contentType?: string } {
  if (typeof reply.body === "string") return { payload: reply.body, contentType: "text/plain; charset=utf-8" };
  if (reply.body !== undefined) return { payload: JSON.stringify(reply.body), contentType: "application/json; charset=utf-8" };
  return { payload: "" };
}
