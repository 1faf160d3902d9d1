/** SmartLead one-off email outside any campaign. */
import { z } from "zod";
import type { ToolDefinition } from "../tools/define";
import { atLeastOne, email, text } from "../tools/fields";
import { toolset } from "../tools/toolset";
import { emailAccountId } from "./fields";

const t = toolset("smartlead_inbox");

/** Attachments per email and base64 characters per attachment (about 3 MB decoded). */
export const MAX_ATTACHMENTS = 5;
const MAX_ATTACHMENT_BASE64 = 4_000_000;

const attachment = z
  .object({
    filename: text("File name, e.g. proposal.pdf", 255),
    content: z
      .string()
      .min(1)
      .max(MAX_ATTACHMENT_BASE64)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, "expected base64 without line breaks")
      .describe("File content, base64 (about 3 MB at most)"),
    mimeType: z
      .string()
      .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, "expected a MIME type like application/pdf")
      .max(127)
      .describe("MIME type, e.g. application/pdf"),
  })
  .strict();

export const SEND_TOOLS: ToolDefinition[] = [
  t.post("/send-email/initiate", {
    name: "smartlead_send_single_email",
    title: "SmartLead: send a one-off email",
    description:
      "Sends one email outside any campaign from one of the account's mailboxes (fromEmail or fromEmailId), with optional attachments. A sent email cannot be recalled; asks for confirmation first.",
    catalogId: "sl.post_send_email_initiate",
    kind: "send",
    input: atLeastOne(
      z
        .object({
          to: email("Recipient email address"),
          subject: text("Subject line", 500),
          body: z.string().trim().min(1).max(100_000).describe("Body, HTML or plain text"),
          fromEmail: email("Sending mailbox address (one of the account's email accounts)").optional(),
          fromEmailId: emailAccountId.optional().describe("Sending email account id (instead of fromEmail)"),
          fromName: text("Sender display name", 100).optional(),
          replyTo: email("Reply-to address").optional(),
          attachments: z.array(attachment).max(MAX_ATTACHMENTS).optional().describe(`Files to attach (up to ${MAX_ATTACHMENTS})`),
        })
        .strict(),
      ["fromEmail", "fromEmailId"],
    ),
    contacts: { addresses: ["to"] },
    confirm: {
      action: (a) => {
        const from = a.fromEmail ? String(a.fromEmail) : `email account ${String(a.fromEmailId)}`;
        const files = Array.isArray(a.attachments) && a.attachments.length ? ` with ${a.attachments.length} attachment(s)` : "";
        return `An email "${String(a.subject)}" will be sent from ${from} to ${String(a.to)}${files}; a sent email cannot be recalled.`;
      },
    },
  }),
];
