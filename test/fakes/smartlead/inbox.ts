import type { BaseRoute } from "./routes";

export const INBOX_ROUTES: BaseRoute[] = [];
