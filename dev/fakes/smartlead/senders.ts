/** Fake Smart Senders routes (smart-senders host); bodies are {ok, data} as in SmartLead's docs. */
import type { FakeReply, RecordedRequest } from "../server";
import type { BaseRoute } from "./routes";

type Reply = (req: RecordedRequest, params: Record<string, string>) => FakeReply;
const route = (method: string, path: string, reply: Reply): BaseRoute => ({ base: "smartsenders", method, path, reply });
const ok = (data: unknown): FakeReply => ({ body: { ok: true, data } });

export const SENDERS_ROUTES: BaseRoute[] = [
  route("GET", "/smart-senders/get-vendors", () =>
    ok([
      { id: 1, name: "Google Workspace reseller", provider: "GOOGLE", price_per_mailbox: 4.5, price_per_domain: 14, currency: "USD", is_active: true },
      { id: 2, name: "Microsoft 365 reseller", provider: "MICROSOFT", price_per_mailbox: 5, price_per_domain: 14, currency: "USD", is_active: true },
    ]),
  ),
  route("GET", "/smart-senders/get-domain-list", () =>
    ok([{ domain_name: "acme-mail.com", vendor_id: 1, status: "ACTIVE", purchased_at: "2026-02-10T14:22:00.000Z", expires_at: "2027-02-10T14:22:00.000Z" }]),
  ),
  route("GET", "/smart-senders/search-domain", (req) => {
    const name = req.query.domain_name ?? "acme";
    const stem = name.split(".")[0];
    return ok([
      { domain_name: `${stem}.com`, available: false, price: null },
      { domain_name: `${stem}-mail.com`, available: true, price: 14 },
      { domain_name: `try${stem}.com`, available: true, price: 14 },
    ]);
  }),
  route("GET", "/smart-senders/order-details", (req) =>
    ok({
      order_id: req.query.order_id,
      status: "completed",
      domain: "acme-mail.com",
      email_accounts: [{ email: "sam.lee@acme-mail.com" }, { email: "sam@acme-mail.com" }],
      created_at: "2026-02-10T14:22:00.000Z",
      expires_at: "2026-03-10T14:22:00.000Z",
    }),
  ),
  route("POST", "/smart-senders/auto-generate-mailboxes", (req) => {
    const domains = ((req.body as { domains?: Record<string, { count: number }> }).domains ?? {}) as Record<string, { count: number }>;
    const names = ["sam", "sam.lee", "s.lee", "samuel", "lee.sam"];
    return ok(
      Object.entries(domains).map(([domain, { count }]) => ({
        domain,
        mailboxes: names.slice(0, count).map((n) => `${n}@${domain}`),
      })),
    );
  }),
  route("POST", "/smart-senders/place-order", () => ok({ order_id: "ORD_12345", status: "pending" })),
];
