import type { BaseRoute } from "./routes";

export const LEADS_ROUTES: BaseRoute[] = [];
