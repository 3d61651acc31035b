import type { EventView } from '../events/index.js';
import type { CallRules } from './call.service.js';

/** What a rule check found: the rule, whether the proposal meets it, and the words of why not. */
export interface RuleCheck {
  rule: 'memberStateOrganizer' | 'maxPerOrganization';
  ok: boolean;
  params: Record<string, string | number>;
}

interface Checked {
  id: string;
  organizers: { organization: string; country?: string | undefined; sector: string }[];
}

/** Organizations are counted by name, case and accents and spacing aside. */
export const organizationKey = (name: string) =>
  name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The call's rules applied to one proposal. `others` are the event's other live proposals (not
 * withdrawn, rejected or merged), which count against an organization's limit.
 */
export function checkRules(
  proposal: Checked,
  rules: CallRules,
  event: Pick<EventView, 'countries'>,
  others: Checked[],
): RuleCheck[] {
  const checks: RuleCheck[] = [];
  if (rules.memberStateOrganizer) {
    const memberStates = new Set(event.countries);
    const ok = proposal.organizers.some(
      (o) =>
        o.sector === 'government' &&
        o.country !== undefined &&
        (memberStates.size === 0 || memberStates.has(o.country)),
    );
    checks.push({ rule: 'memberStateOrganizer', ok, params: {} });
  }
  const max = rules.maxPerOrganization;
  if (max !== undefined) {
    const mine = new Map(proposal.organizers.map((o) => [organizationKey(o.organization), o.organization]));
    let worst = { name: '', count: 0 };
    for (const [key, name] of mine) {
      const count =
        1 +
        others.filter(
          (p) => p.id !== proposal.id && p.organizers.some((o) => organizationKey(o.organization) === key),
        ).length;
      if (count > worst.count) worst = { name, count };
    }
    checks.push({
      rule: 'maxPerOrganization',
      ok: worst.count <= max,
      params: { organization: worst.name, count: worst.count, max },
    });
  }
  return checks;
}
