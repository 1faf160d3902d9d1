import type { BaseRoute } from "./routes";

export const BLOCKLIST_ROUTES: BaseRoute[] = [];
