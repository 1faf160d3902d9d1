/** Every SmartLead tool, one file per domain. */
import type { ToolDefinition } from "../tools/define";
import { ADMIN_TOOLS } from "./admin";
import { ANALYTICS_TOOLS } from "./analytics";
import { BLOCKLIST_TOOLS } from "./blocklist";
import { CAMPAIGNS_TOOLS } from "./campaigns";
import { DELIVERABILITY_TOOLS } from "./deliverability";
import { EMAIL_ACCOUNTS_TOOLS } from "./email-accounts";
import { INBOX_TOOLS } from "./inbox";
import { LEADS_TOOLS } from "./leads";
import { PREFLIGHT_TOOLS } from "./preflight";
import { PROSPECT_TOOLS } from "./prospect";
import { SEND_TOOLS } from "./send";
import { SENDERS_TOOLS } from "./senders";
import { WEBHOOKS_TOOLS } from "./webhooks";

export const SMARTLEAD_TOOLS: readonly ToolDefinition[] = [
  ...CAMPAIGNS_TOOLS,
  ...PREFLIGHT_TOOLS,
  ...LEADS_TOOLS,
  ...EMAIL_ACCOUNTS_TOOLS,
  ...INBOX_TOOLS,
  ...SEND_TOOLS,
  ...WEBHOOKS_TOOLS,
  ...ADMIN_TOOLS,
  ...BLOCKLIST_TOOLS,
  ...ANALYTICS_TOOLS,
  ...DELIVERABILITY_TOOLS,
  ...PROSPECT_TOOLS,
  ...SENDERS_TOOLS,
];
