import type { BaseRoute } from "./routes";

export const ADMIN_ROUTES: BaseRoute[] = [];
