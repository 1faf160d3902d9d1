/** Every fake SmartLead route, gathered from one file per domain; each route names its host. */
import type { FakeRoute } from "../server";
import { ADMIN_ROUTES } from "./admin";
import { ANALYTICS_ROUTES } from "./analytics";
import { BLOCKLIST_ROUTES } from "./blocklist";
import { CAMPAIGNS_ROUTES } from "./campaigns";
import { DELIVERABILITY_ROUTES } from "./deliverability";
import { EMAIL_ACCOUNTS_ROUTES } from "./email-accounts";
import { INBOX_ROUTES } from "./inbox";
import { LEADS_ROUTES } from "./leads";
import { PROSPECT_ROUTES } from "./prospect";
import { SEND_ROUTES } from "./send";
import { SENDERS_ROUTES } from "./senders";
import { WEBHOOKS_ROUTES } from "./webhooks";

export interface BaseRoute extends FakeRoute {
  base: "smartlead" | "smartdelivery" | "smartsenders" | "smartprospect";
}

const ALL: BaseRoute[] = [
  ...CAMPAIGNS_ROUTES,
  ...LEADS_ROUTES,
  ...EMAIL_ACCOUNTS_ROUTES,
  ...INBOX_ROUTES,
  ...SEND_ROUTES,
  ...WEBHOOKS_ROUTES,
  ...ADMIN_ROUTES,
  ...BLOCKLIST_ROUTES,
  ...ANALYTICS_ROUTES,
  ...DELIVERABILITY_ROUTES,
  ...PROSPECT_ROUTES,
  ...SENDERS_ROUTES,
];

const on = (base: BaseRoute["base"]) => ALL.filter((r) => r.base === base);

export const SMARTLEAD_MAIN_ROUTES: FakeRoute[] = on("smartlead");
export const SMARTDELIVERY_ROUTES: FakeRoute[] = on("smartdelivery");
export const SMARTSENDERS_ROUTES: FakeRoute[] = on("smartsenders");
export const SMARTPROSPECT_ROUTES: FakeRoute[] = on("smartprospect");
