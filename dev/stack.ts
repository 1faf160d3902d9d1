/**
 * The local stack: the fake upstreams and the real Worker under `wrangler dev`
 * (workerd, with local Durable Objects and KV) pointed at them. Product code for
 * `npm run demo` and `npm run bench`; the end-to-end tests build on it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createLeadMagicFake, LEADMAGIC_TEST_KEY } from "./fakes/leadmagic";
import { type FakeUpstream, RateEnforcer } from "./fakes/server";
import { createSmartLeadFake, SMARTLEAD_TEST_KEY, smartleadRateLimited } from "./fakes/smartlead/index";

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

export interface Fakes {
  leadmagic: FakeUpstream;
  smartlead: FakeUpstream;
  smartdelivery: FakeUpstream;
  smartsenders: FakeUpstream;
  smartprospect: FakeUpstream;
}

export async function startFakes(): Promise<Fakes> {
  const fakes: Fakes = {
    leadmagic: createLeadMagicFake(),
    smartlead: createSmartLeadFake("smartlead"),
    smartdelivery: createSmartLeadFake("smartdelivery"),
    smartsenders: createSmartLeadFake("smartsenders"),
    smartprospect: createSmartLeadFake("smartprospect"),
  };
  await Promise.all(Object.values(fakes).map((f) => f.start()));
  return fakes;
}

export function resetFakes(fakes: Fakes): void {
  for (const f of Object.values(fakes)) f.reset();
}

/** Makes every SmartLead fake enforce one key's budget together, as the catalog says SmartLead does (until resetFakes). */
export function enforceSmartLeadLimits(fakes: Fakes, limits: RateEnforcer["limits"]): RateEnforcer {
  const enforcer = new RateEnforcer(limits, smartleadRateLimited());
  for (const f of [fakes.smartlead, fakes.smartdelivery, fakes.smartsenders, fakes.smartprospect]) f.enforce(enforcer);
  return enforcer;
}

/** Vars that point the Worker at the fakes, with the fakes' keys. */
export function fakeVars(fakes: Fakes): Record<string, string> {
  return {
    LEADMAGIC_BASE_URL: fakes.leadmagic.baseUrl,
    SMARTLEAD_BASE_URL: fakes.smartlead.baseUrl,
    SMARTDELIVERY_BASE_URL: fakes.smartdelivery.baseUrl,
    SMARTSENDERS_BASE_URL: fakes.smartsenders.baseUrl,
    SMARTPROSPECT_BASE_URL: fakes.smartprospect.baseUrl,
    LEADMAGIC_API_KEY: LEADMAGIC_TEST_KEY,
    SMARTLEAD_API_KEY: SMARTLEAD_TEST_KEY,
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface Worker {
  url: string;
  /** Everything the Worker and wrangler printed so far. */
  logs(): string;
  stop(): Promise<void>;
}

/**
 * Runs `wrangler dev` with exactly these vars (secrets included: wrangler dev
 * treats --var like a secret locally). An empty env file keeps a developer's
 * .dev.vars out of the tests.
 */
export async function startWorker(
  vars: Record<string, string>,
  options: {
    port?: number;
    quiet?: boolean;
    protocol?: "http" | "https";
    stateDir?: string;
    /** Project directory to run (its wrangler.toml and src/); default this one. The bench runs older commits this way. */
    root?: string;
  } = {},
): Promise<Worker> {
  const protocol = options.protocol ?? "http";
  const port = options.port ?? (await freePort());
  const inspector = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "gtm-mcp-"));
  const state = options.stateDir ?? join(dir, "state");
  const envFile = join(dir, "empty.env");
  writeFileSync(envFile, "");
  const args = [
    join(PROJECT_ROOT, "node_modules", "wrangler", "bin", "wrangler.js"),
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--inspector-port",
    String(inspector),
    "--persist-to",
    state,
    "--env-file",
    envFile,
    "--show-interactive-dev-session=false",
    "--log-level",
    "log",
    ...(protocol === "https" ? ["--local-protocol", "https"] : []),
    ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
  ];
  let output = "";
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: options.root ?? PROJECT_ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (!options.quiet && process.env.DEBUG_WRANGLER) process.stderr.write(chunk);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const url = `${protocol}://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${output.slice(-3000)}`);
    try {
      if (protocol === "https") await probeHttps(`${url}/health`);
      else await (await fetch(`${url}/health`)).arrayBuffer();
      break; // any HTTP answer means the Worker is serving
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`wrangler dev did not start in time:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    logs: () => output,
    async stop() {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One GET over https that accepts wrangler's self-signed certificate (Node's fetch would refuse it). */
function probeHttps(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { rejectUnauthorized: false }, (res) => {
      res.resume();
      res.on("end", () => resolve());
    });
    req.on("error", reject);
    req.end();
  });
}
