import type { BaseRoute } from "./routes";

export const EMAIL_ACCOUNTS_ROUTES: BaseRoute[] = [];
