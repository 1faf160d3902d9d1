import type { BaseRoute } from "./routes";

export const DELIVERABILITY_ROUTES: BaseRoute[] = [];
