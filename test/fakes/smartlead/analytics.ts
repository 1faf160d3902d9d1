import type { BaseRoute } from "./routes";

export const ANALYTICS_ROUTES: BaseRoute[] = [];
