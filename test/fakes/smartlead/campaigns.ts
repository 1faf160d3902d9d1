import type { BaseRoute } from "./routes";

export const CAMPAIGNS_ROUTES: BaseRoute[] = [];
