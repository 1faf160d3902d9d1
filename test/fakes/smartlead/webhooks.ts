import type { BaseRoute } from "./routes";

export const WEBHOOKS_ROUTES: BaseRoute[] = [];
