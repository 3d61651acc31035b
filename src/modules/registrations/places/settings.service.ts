import { endOfDay, startOfDay } from '../../links/index.js';
import { readTogether } from '../../../db/grouped.js';
import type { Clock } from '../../../shared/clock.js';
import type { EventView } from '../../events/index.js';
import { Delegation } from '../delegations/delegation.model.js';
import { CATEGORIES, RegistrationSettings, type Category } from '../registration.model.js';

async function reservedQuota(eventId: string): Promise<number> {
  const delegations = await Delegation.find({ eventId }, { quota: 1 }).lean();
  return delegations.reduce((sum, d) => sum + d.quota, 0);
}
import type { SettingsInput } from '../registration.schemas.js';

/** Categories whose registrations an organizer approves unless the event says otherwise. */
const MODERATED_BY_DEFAULT = new Set<Category>([
  'government_delegation',
  'international_organization',
  'media',
  'staff',
]);

export interface CategoryRule {
  key: Category;
  /** Places open to registrations (government delegations: less the delegations' quotas). */
  capacity: number | undefined;
  /** The capacity as the organizers set it. */
  configured: number | undefined;
  approval: boolean;
}

export interface RegistrationRules {
  opensOn: string | undefined;
  closesOn: string | undefined;
  /** The window as instants: from the opening day's start to the closing day's end, in the event's zone. */
  opensAt: Date | undefined;
  closesAt: Date;
  capacity: number | undefined;
  retentionDays: number | undefined;
  categories: CategoryRule[];
}

/**
 * An event's registration rules. Registration closes on its closing day, and at the latest when
 * the event ends: nobody registers for an event that is over.
 */
export async function registrationRules(event: EventView): Promise<RegistrationRules> {
  // Read afresh (a capacity lowered through one process holds at once in all), but shared by the
  // requests that ask in the same moment.
  const doc = await readTogether(`registration-settings:${event.id}`, () =>
    RegistrationSettings.findById(event.id).lean(),
  );
  const zone = event.timezone;
  const dayEnd = (date: string) => endOfDay(date, zone);
  const eventEnd = dayEnd(event.endDate);
  const stored = new Map((doc?.categories ?? []).map((c) => [c.key as Category, c]));
  // Quotas matter only where government delegations have a capacity of their own.
  const reserved = stored.get('government_delegation')?.capacity != null ? await reservedQuota(event.id) : 0;
  return {
    opensOn: doc?.opensOn ?? undefined,
    closesOn: doc?.closesOn ?? undefined,
    opensAt: doc?.opensOn ? startOfDay(doc.opensOn, zone) : undefined,
    closesAt: doc?.closesOn && dayEnd(doc.closesOn) < eventEnd ? dayEnd(doc.closesOn) : eventEnd,
    capacity: doc?.capacity ?? undefined,
    retentionDays: doc?.retentionDays ?? undefined,
    categories: CATEGORIES.map((key) => {
      const rule = stored.get(key);
      const capacity = rule?.capacity ?? undefined;
      return {
        key,
        // Delegation quotas are held back from the public places of government delegations.
        capacity:
          key === 'government_delegation' && capacity !== undefined
            ? Math.max(0, capacity - reserved)
            : capacity,
        configured: capacity,
        approval: rule ? rule.approval : MODERATED_BY_DEFAULT.has(key),
      };
    }),
  };
}

export async function saveRegistrationRules(
  eventId: string,
  input: SettingsInput,
  clock: Clock,
): Promise<void> {
  await RegistrationSettings.updateOne(
    { _id: eventId },
    {
      $set: {
        categories: input.categories,
        updatedAt: clock.now(),
        ...(input.opensOn && { opensOn: input.opensOn }),
        ...(input.closesOn && { closesOn: input.closesOn }),
        ...(input.capacity !== undefined && { capacity: input.capacity }),
        ...(input.retentionDays !== undefined && { retentionDays: input.retentionDays }),
      },
      $unset: {
        ...(!input.opensOn && { opensOn: 1 }),
        ...(!input.closesOn && { closesOn: 1 }),
        ...(input.capacity === undefined && { capacity: 1 }),
      },
    },
    { upsert: true },
  );
}

/** Where registration stands now: open, not open yet (with its opening) or closed. */
export type RegistrationWindow =
  | { state: 'open'; closesAt: Date }
  | { state: 'notYet'; opensAt: Date }
  | { state: 'closed'; closesAt: Date };

export function registrationWindow(
  event: Pick<EventView, 'status'>,
  rules: Pick<RegistrationRules, 'opensAt' | 'closesAt'>,
  now: Date,
): RegistrationWindow {
  if (event.status !== 'published' || now > rules.closesAt)
    return { state: 'closed', closesAt: rules.closesAt };
  if (rules.opensAt && now < rules.opensAt) return { state: 'notYet', opensAt: rules.opensAt };
  return { state: 'open', closesAt: rules.closesAt };
}

/** The window of one event now, for pages outside registrations (the public event page). */
export async function registrationWindowOf(event: EventView, clock: Clock): Promise<RegistrationWindow> {
  return registrationWindow(event, await registrationRules(event), clock.now());
}
