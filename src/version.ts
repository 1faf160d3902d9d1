/** Kept equal to package.json's version (a test checks it). */
export const VERSION = "0.1.0";
export const SERVER_NAME = "gtm-edge-mcp";
export const USER_AGENT = `${SERVER_NAME}/${VERSION}`;
