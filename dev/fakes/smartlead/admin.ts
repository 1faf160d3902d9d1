/** Fake SmartLead client (white-label) routes and client API keys. */
import type { BaseRoute } from "./routes";

/** A key value the list tool must never show in full. */
export const FAKE_CLIENT_KEY = "cl_live_5e0b8c1d2f3a4b5c6d7e";

export const ADMIN_ROUTES: BaseRoute[] = [
  {
    base: "smartlead",
    method: "GET",
    path: "/client",
    reply: () => ({
      body: [
        {
          id: 301,
          name: "Acme Agency",
          email: "admin@acme.example",
          uuid: "8a4c9f1e-3b2d-4e5f-9a7b-1c2d3e4f5a6b",
          created_at: "2025-12-01T10:00:00.000Z",
          user_id: 196026,
          logo: null,
          logo_url: "https://cdn.example.com/acme.png",
          client_permision: { permission: ["full_access"], retricted_category: [] },
        },
      ],
    }),
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/client/save",
    reply: (req) => {
      const b = (req.body ?? {}) as { name?: string; email?: string };
      return { body: { ok: true, clientId: 302, name: b.name, email: b.email, password: "Tmp-7f3k2q9x" } };
    },
  },
  {
    base: "smartlead",
    method: "GET",
    path: "/client/api-key",
    reply: () => ({
      body: [
        {
          id: 45,
          user_id: 196026,
          client_id: 301,
          key_name: "Production Key",
          api_key: FAKE_CLIENT_KEY,
          status: "active",
          created_at: "2025-12-01T10:00:00.000Z",
          updated_at: "2025-12-01T10:00:00.000Z",
          deleted_at: null,
        },
      ],
    }),
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/client/api-key",
    reply: (req) => {
      const b = (req.body ?? {}) as { clientId?: number; keyName?: string };
      return {
        body: {
          ok: true,
          data: {
            id: 46,
            client_id: b.clientId,
            key_name: b.keyName,
            api_key: "cl_live_new0000000000abcd",
            status: "active",
            created_at: "2026-01-05T09:00:00.000Z",
          },
        },
      };
    },
  },
  {
    base: "smartlead",
    method: "PUT",
    path: "/client/api-key/reset/{id}",
    reply: (_req, p) => ({ body: { ok: true, data: { id: Number(p.id), api_key: "cl_live_reset000000000wxyz", status: "active" } } }),
  },
  {
    base: "smartlead",
    method: "DELETE",
    path: "/client/api-key/{id}",
    reply: () => ({ body: { ok: true } }),
  },
];
