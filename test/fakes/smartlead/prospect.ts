import type { BaseRoute } from "./routes";

export const PROSPECT_ROUTES: BaseRoute[] = [];
