import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError } from '../../shared/errors.js';
import { recordChange } from '../audit/index.js';
import type { EventView } from '../events/index.js';
import { getPerson, type PersonView } from '../people/index.js';
import { seat } from './places/placement.js';
import { Registration, type RegistrationStatus } from './registration.model.js';
import type { RegistrationKey } from '../messaging/index.js';
import { mailRegistration } from './registration.mail.js';
import type { RegistrationDeps } from './registration.service.js';
import type { RegistrationView } from './registration.views.js';
import type { RegistrationRules } from './places/settings.service.js';
import { seatWorkshops } from './places/workshops.js';

/**
 * The moves a registration's status may make. Cancelled and rejected are ends: registering again
 * makes the registration anew (registration.service.ts), at the back of the line.
 */
export const REGISTRATION_MOVES: Record<RegistrationStatus, readonly RegistrationStatus[]> = {
  pending: ['confirmed', 'waitlisted', 'rejected', 'cancelled'],
  waitlisted: ['confirmed', 'rejected', 'cancelled'],
  confirmed: ['rejected', 'cancelled'],
  rejected: [],
  cancelled: [],
};

/**
 * The one way a registration's status changes: a move the table allows (otherwise 409
 * ILLEGAL_TRANSITION), recorded with who and when, in the audit trail too.
 */
export async function moveRegistration(
  registration: RegistrationView,
  status: RegistrationStatus,
  actor: Actor,
  clock: Clock,
  reason?: string,
): Promise<RegistrationView> {
  if (!REGISTRATION_MOVES[registration.status].includes(status)) {
    throw new ConflictError('ILLEGAL_TRANSITION', undefined, { from: registration.status, to: status });
  }
  const now = clock.now();
  await Registration.updateOne(
    { _id: registration.id },
    { $set: { status, statusAt: now, statusBy: actor.label, ...(reason && { reason }) } },
  );
  await recordChange(
    {
      action: `registration.${status}`,
      subjectType: 'registration',
      subjectId: registration.id,
      actor,
      changes: [{ field: 'status', from: registration.status, to: status }],
    },
    clock,
  );
  return {
    ...registration,
    status,
    statusAt: now,
    statusBy: actor.label,
    reason: reason ?? registration.reason,
  };
}

export interface Placement {
  rules: RegistrationRules;
  actor: Actor;
  /** When no place is free: wait in line, stay as it is (a promotion), or refuse (an approval: 409). */
  whenFull: 'waitlist' | 'stay' | 'refuse';
  /** The mail each outcome sends (none: the caller sends its own). */
  mail?: { confirmed: RegistrationKey; waitlisted?: RegistrationKey };
  person?: PersonView;
}

/**
 * Confirms a registration if it gets its places (event, category or quota; then its workshops),
 * otherwise does what `whenFull` says. The form, approvals, promotions and nominations all place
 * through here. Returns the registration as it now stands.
 */
export async function confirmOrWaitlist(
  event: EventView,
  registration: RegistrationView,
  placement: Placement,
  deps: RegistrationDeps,
): Promise<RegistrationView> {
  const { rules, actor, whenFull, mail } = placement;
  const seated = await seat(registration, rules, deps.seats);
  if (!seated && whenFull === 'refuse') throw new ConflictError('CAPACITY_FULL');
  if (!seated && (whenFull === 'stay' || registration.status === 'waitlisted')) return registration;
  const updated = await moveRegistration(
    registration,
    seated ? 'confirmed' : 'waitlisted',
    actor,
    deps.clock,
  );
  if (seated) await seatWorkshops(updated, deps.seats);
  const key = seated ? mail?.confirmed : mail?.waitlisted;
  if (key) {
    const person = placement.person ?? (await getPerson(updated.personId));
    await mailRegistration({ event, registration: updated, person, key }, deps);
  }
  return updated;
}
