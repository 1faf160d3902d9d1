import type { BaseRoute } from "./routes";

export const SEND_ROUTES: BaseRoute[] = [];
