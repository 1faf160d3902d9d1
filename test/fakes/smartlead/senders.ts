import type { BaseRoute } from "./routes";

export const SENDERS_ROUTES: BaseRoute[] = [];
