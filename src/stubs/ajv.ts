/**
 * Bundle stub for `ajv` (aliased in wrangler.toml). Ajv compiles validators
 * with `new Function`, which workerd forbids, so it cannot run here anyway. The
 * MCP SDK only builds an Ajv when a Server or Client gets no jsonSchemaValidator;
 * ours always gets one (src/mcp/server.ts). Anything else reaching Ajv fails loudly.
 */
export default class Ajv {
  constructor() {
    throw new Error("Ajv is not available in this Worker: pass a jsonSchemaValidator (CfWorkerJsonSchemaValidator).");
  }
}
