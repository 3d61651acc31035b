import type { EventView } from '../events/index.js';
import type { AssignmentEffects } from './assignments/assignment.service.js';

/** What else follows a confirmation (the person's registration as a programme participant). */
export type OnAssignmentConfirmed = (event: EventView, personId: string) => Promise<void>;

/** What other modules do when the agenda changes (wired in the composition root). */
export interface AgendaHooks {
  /** A speaker, commentator or chair confirmed: they get a registration. */
  onConfirmed?: OnAssignmentConfirmed;
  /** A session's capacity changed: its places settle and its waiting list may move up. */
  onCapacityChanged?: (event: EventView, sessionId: string) => Promise<void>;
}

/** The effects of an assignment's moves in this event, from the hooks. */
export function assignmentEffects(hooks: AgendaHooks, event: EventView): AssignmentEffects {
  return { onConfirmed: async (personId) => hooks.onConfirmed?.(event, personId) };
}
