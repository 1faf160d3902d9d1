/**
 * Do-not-contact: addresses and domains that no lead import, send, reply or
 * forward through this server may reach. Two lists count: DO_NOT_CONTACT (the
 * setting) and the managed list the gtm_*_do_not_contact tools edit (one
 * Durable Object, ./contact-list.ts, so an entry holds everywhere the moment
 * it is added). A tool says where its recipients are (`contacts` in its
 * definition): leads in a list are dropped and reported by position; a blocked
 * address of a single send refuses the call with `do_not_contact`.
 */
import type { Args, ToolDefinition } from "../tools/define";
import { ToolError } from "../upstream/errors";
import type { ContactList } from "./settings";
import type { ContactListStore, ManagedEntry } from "./stores";

/** What an address is checked against: itself and each domain it is under (a.b.acme.com → b.acme.com, acme.com). */
export function candidatesOf(address: string): string[] {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at < 0) return [];
  const labels = lower.slice(at + 1).split(".");
  const domains = labels.slice(0, -1).map((_, i) => labels.slice(i).join("."));
  return [lower, ...domains];
}

function onStatic(list: ContactList, candidates: readonly string[]): boolean {
  return candidates.some((c) => (c.includes("@") ? list.emails.has(c) : list.domains.has(c)));
}

/** Both lists, asked once per call for every address the call names. */
export interface ContactCheck {
  /** The addresses (as given) that are on either list. */
  blocked: ReadonlySet<string>;
  /** Whether any list has entries at all. */
  inForce: boolean;
}

export async function checkContacts(addresses: readonly string[], list: ContactList, store: ContactListStore | undefined): Promise<ContactCheck> {
  const candidates = new Map(addresses.map((a) => [a, candidatesOf(a)]));
  const blocked = new Set(addresses.filter((a) => onStatic(list, candidates.get(a)!)));
  const staticSize = list.emails.size + list.domains.size;
  if (!store) return { blocked, inForce: staticSize > 0 };
  const { matched, size } = await store.check([...new Set([...candidates.values()].flat())]);
  const managed = new Set(matched);
  for (const [address, cs] of candidates) if (cs.some((c) => managed.has(c))) blocked.add(address);
  return { blocked, inForce: staticSize + size > 0 };
}

const addressList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : []);

/** What the list did to a call's leads, shown in its preview and its result. */
export interface ContactReport {
  dropped: number;
  positions: string[];
}

/**
 * Applies the lists to one call: returns the arguments to send (blocked leads
 * dropped) and a report when any were, or throws `do_not_contact` when a
 * blocked address would be emailed or no lead is left.
 */
export async function applyDoNotContact(
  tool: ToolDefinition,
  args: Args,
  list: ContactList,
  store: ContactListStore | undefined,
): Promise<{ args: Args; report?: ContactReport }> {
  const spec = tool.contacts;
  if (!spec) return { args };
  const leads = spec.leads ? (args[spec.leads.list] as Record<string, unknown>[] | undefined) : undefined;
  const leadAddresses = leads?.map((l) => String(l[spec.leads!.email] ?? "")) ?? [];
  const named = (spec.addresses ?? []).flatMap((a) => addressList(args[a]));
  const { blocked, inForce } = await checkContacts([...leadAddresses, ...named], list, store);

  if (spec.requireAddress && inForce && args[spec.requireAddress] === undefined) {
    throw new ToolError(
      "invalid_input",
      `A do-not-contact list is in force and this call names no recipient: give ${spec.requireAddress} (the lead's address) so it can be checked before anything is sent.`,
      { field: spec.requireAddress },
    );
  }
  const refused = (spec.addresses ?? []).flatMap((a) => {
    const value = args[a];
    if (Array.isArray(value)) return value.flatMap((v, i) => (blocked.has(String(v)) ? [`${a}[${i}]`] : []));
    return typeof value === "string" && blocked.has(value) ? [a] : [];
  });
  if (refused.length) {
    throw new ToolError("do_not_contact", `${refused.join(", ")} ${refused.length > 1 ? "are" : "is"} on the do-not-contact list; nothing was sent.`, {
      do_not_contact: { positions: refused },
    });
  }
  if (!leads || !spec.leads) return { args };
  const positions = leadAddresses.flatMap((a, i) => (blocked.has(a) ? [`${spec.leads!.list}[${i}]`] : []));
  if (positions.length === 0) return { args };
  if (positions.length === leads.length) {
    throw new ToolError("do_not_contact", `All ${leads.length} lead(s) are on the do-not-contact list; nothing was sent.`, {
      do_not_contact: { dropped: positions.length, positions },
    });
  }
  const kept = leads.filter((_, i) => !blocked.has(leadAddresses[i]!));
  return { args: { ...args, [spec.leads.list]: kept }, report: { dropped: positions.length, positions } };
}

/** The managed list in this process's memory, for the in-process test tier. */
export function memoryContactList(): ContactListStore {
  const entries = new Map<string, ManagedEntry>();
  return {
    async check(candidates) {
      return { matched: candidates.filter((c) => entries.has(c)), size: entries.size };
    },
    async add(list, by) {
      let added = 0;
      for (const entry of list) {
        if (entries.has(entry)) continue;
        entries.set(entry, { entry, added_at: new Date().toISOString(), added_by: by });
        added++;
      }
      return { added, size: entries.size };
    },
    async remove(list) {
      let removed = 0;
      for (const entry of list) if (entries.delete(entry)) removed++;
      return { removed, size: entries.size };
    },
    async page(offset, limit) {
      const all = [...entries.values()].sort((a, b) => (a.entry < b.entry ? -1 : 1));
      return { entries: all.slice(offset, offset + limit), size: entries.size };
    },
  };
}

/** The managed list of a deployment: the one CONTACT_LIST object. */
export function durableContactList(namespace: DurableObjectNamespace): ContactListStore {
  return namespace.get(namespace.idFromName("do-not-contact")) as unknown as ContactListStore;
}
