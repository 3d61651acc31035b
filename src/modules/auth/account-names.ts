import type { AuditRecord } from '../audit/index.js';
import { User } from './user.model.js';

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+/g;
const HIDDEN = '•••';

/**
 * A history with accounts by name instead of their addresses. For someone who may not see the
 * team's addresses (a viewer, an organizer of another event) any other address (a person's, in
 * a change of their record) is hidden too. DESIGN.md §6: contact details are for admins and the
 * event's team.
 */
export async function withAccountNames(
  entries: AuditRecord[],
  options: { hideOtherAddresses: boolean } = { hideOtherAddresses: true },
): Promise<AuditRecord[]> {
  const ids = [...new Set(entries.flatMap((e) => (e.actor.userId ? [e.actor.userId] : [])))];
  const emails = new Set<string>();
  for (const e of entries) {
    for (const text of [e.actor.label, ...e.changes.flatMap((c) => [c.from, c.to])]) {
      if (typeof text === 'string')
        for (const match of text.matchAll(EMAIL)) emails.add(match[0].toLowerCase());
    }
  }
  const byId = new Map<string, string>();
  const byEmail = new Map<string, string>();
  for (const id of ids) {
    const user = await User.findById(id, { name: 1, email: 1 })
      .lean()
      .catch(() => null);
    if (user) byId.set(id, user.name);
  }
  for (const email of emails) {
    const user = await User.findOne({ email }, { name: 1 }).lean();
    if (user) byEmail.set(email, user.name);
  }
  const named = (value: unknown) =>
    typeof value === 'string'
      ? value.replace(EMAIL, (m) => byEmail.get(m.toLowerCase()) ?? (options.hideOtherAddresses ? HIDDEN : m))
      : value;
  return entries.map((e) => ({
    ...e,
    actor: {
      ...e.actor,
      label: (e.actor.userId && byId.get(e.actor.userId)) || String(named(e.actor.label)),
    },
    changes: e.changes.map((c) => ({ ...c, from: named(c.from), to: named(c.to) })),
  }));
}

/**
 * Account names for the labels records keep of who acted (an account's address, as actors are
 * labelled): what a page shows instead of the address. A label of no account stays as it is.
 */
export async function accountNamer(labels: Iterable<string>): Promise<(label: string) => string> {
  const names = new Map<string, string>();
  for (const label of new Set(labels)) {
    const email = label.toLowerCase();
    if (!email.match(EMAIL)) continue;
    const user = await User.findOne({ email }, { name: 1 }).lean();
    if (user) names.set(label, user.name);
  }
  return (label) => names.get(label) ?? label;
}
