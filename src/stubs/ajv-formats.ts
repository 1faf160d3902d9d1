/** Bundle stub for `ajv-formats` (see ./ajv.ts): only ever applied to an Ajv, which cannot exist here. */
export default function addFormats<T>(ajv: T): T {
  return ajv;
}
