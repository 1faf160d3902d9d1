/**
 * A Durable Object class whose code is loaded when its first instance is
 * made, not when the Worker starts. Its module is `require`d: esbuild then
 * bundles it as a lazily evaluated part of the one bundle, and the require is
 * synchronous, as a constructor must be. The shell's constructor returns the
 * real object, so the runtime calls the real class's methods (fetch, alarms,
 * RPC) directly; the shell only exists to be exported.
 *
 * Used for the classes whose code weighs at startup: the legacy SSE session
 * (the Agents SDK and the MCP SDK v2 it brings) and the import job (the call
 * path). A /mcp request never evaluates either.
 */
import { DurableObject } from "cloudflare:workers";
import type { Env } from "./config";

type ObjectClass = new (ctx: DurableObjectState, env: Env) => object;

export function lazyDurableObject(load: () => ObjectClass): typeof DurableObject<Env> {
  return class LazyDurableObject extends DurableObject<Env> {
    constructor(ctx: DurableObjectState, env: Env) {
      super(ctx, env);
      const Real = load();
      // biome-ignore lint/correctness/noConstructorReturn: the point of the shell: the runtime gets the real object.
      return new Real(ctx, env) as LazyDurableObject;
    }
  };
}
