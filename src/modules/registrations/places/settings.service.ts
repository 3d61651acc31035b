import { DAY_MS } from '../../../shared/time.js';
import { endOfDay, startOfDay } from '../../links/index.js';
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
 * An event's registration rules. Without a closing day, registration closes when the event ends
 * but never less than 30 days from now (DESIGN.md §6), so a demo of a past forum stays open.
 */
export async function registrationRules(event: EventView, clock: Clock): Promise<RegistrationRules> {
  const doc = await RegistrationSettings.findById(event.id).lean();
  const zone = event.timezone;
  const dayEnd = (date: string) => endOfDay(date, zone);
  const floor = new Date(clock.now().getTime() + 30 * DAY_MS);
  const eventEnd = dayEnd(event.endDate);
  const stored = new Map((doc?.categories ?? []).map((c) => [c.key as Category, c]));
  // Quotas matter only where government delegations have a capacity of their own.
  const reserved = stored.get('government_delegation')?.capacity != null ? await reservedQuota(event.id) : 0;
  return {
    opensOn: doc?.opensOn ?? undefined,
    closesOn: doc?.closesOn ?? undefined,
    opensAt: doc?.opensOn ? startOfDay(doc.opensOn, zone) : undefined,
    closesAt: doc?.closesOn ? dayEnd(doc.closesOn) : eventEnd > floor ? eventEnd : floor,
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
