/** SmartLead ids and enums shared by several domains. */
import { z } from "zod";
import { id } from "../tools/fields";

export const campaignId = id("Campaign id");
export const leadId = id("Lead id");
export const emailAccountId = id("Email account id");
export const clientId = id("Client id (white-label sub-account)");
export const webhookId = id("Webhook id");

/** Lead statuses inside a campaign. */
export const leadStatus = z.enum(["STARTED", "INPROGRESS", "COMPLETED", "PAUSED", "STOPPED", "BLOCKED"]);

/** Campaign statuses a campaign can be set to; STOPPED cannot be undone. */
export const campaignStatusChange = z.enum(["START", "PAUSED", "STOPPED"]);
