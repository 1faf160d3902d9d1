/** Fake SmartLead one-off send route. */
import type { BaseRoute } from "./routes";

export const SEND_ROUTES: BaseRoute[] = [
  {
    base: "smartlead",
    method: "POST",
    path: "/send-email/initiate",
    reply: (req) => {
      const b = (req.body ?? {}) as { to?: string; fromEmail?: string; fromEmailId?: number };
      if (!b.to || (b.fromEmail === undefined && b.fromEmailId === undefined)) {
        return { status: 422, body: { error: "Invalid parameters provided" } };
      }
      return { body: { success: true, data: { message: "Email sent successfully", message_id: "msg_67890abcde" } } };
    },
  },
];
