import { DAY_MS } from '../../../shared/time.js';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../shared/clock.js';
import { loadWorkingProgramme } from '../../agenda/index.js';
import { listEvents, type EventView } from '../../events/index.js';
import { issueLink, revokeToken, validityUntil } from '../../links/index.js';
import { queueTemplatedMail } from '../../messaging/index.js';
import { effectiveDeadline } from './deadline.js';
import { Invitation } from '../invitation.model.js';
import { INVITATION_LINK } from './invite.service.js';
import {
  assignmentFields,
  formatDeadline,
  fullName,
  languageOf,
  responseLinks,
  type MailSettings,
} from '../mail-context.js';

/**
 * Invitations that are due a reminder: still unanswered, silent for the event's number of days,
 * under its maximum of reminders, and before the deadline.
 */
async function dueInvitations(event: EventView, now: Date) {
  const { reminderDays, reminderMax } = event.invitations;
  if (reminderMax === 0) return [];
  const silentSince = new Date(now.getTime() - reminderDays * DAY_MS);
  const invitations = await Invitation.find({ eventId: event.id }).lean();
  return invitations.filter(
    (i) => i.remindersSent < reminderMax && i.lastSentAt <= silentSince && effectiveDeadline(event, i) > now,
  );
}

export async function countDueReminders(event: EventView, clock: Clock): Promise<number> {
  const due = await dueInvitations(event, clock.now());
  if (due.length === 0) return 0;
  const programme = await loadWorkingProgramme(event);
  const invited = new Set(programme.assignments.filter((a) => a.status === 'invited').map((a) => a.id));
  return due.filter((i) => invited.has(String(i._id))).length;
}

/**
 * Reminds the silent people of one event, each with a fresh link (the first stays valid).
 * Reminder N of an assignment has its own dedupe key, so two runs at once send it once.
 */
export async function sendReminders(
  event: EventView,
  deps: { clock: Clock; settings: MailSettings },
): Promise<{ batchId: string; queued: number }> {
  const now = deps.clock.now();
  const due = await dueInvitations(event, now);
  const batchId = randomUUID();
  if (due.length === 0 || event.status === 'archived') return { batchId, queued: 0 };
  const programme = await loadWorkingProgramme(event);
  let queued = 0;
  for (const invitation of due) {
    const assignment = programme.assignments.find((a) => a.id === String(invitation._id));
    const person = assignment && programme.people.get(assignment.personId);
    if (!assignment || assignment.status !== 'invited' || !person?.email) continue;
    const language = languageOf(person, event);
    const deadline = effectiveDeadline(event, invitation);
    const link = await issueLink(
      { purpose: INVITATION_LINK, subject: assignment.id, validForMs: validityUntil(deadline, now) },
      deps.clock,
    );
    const number = invitation.remindersSent + 1;
    const created = await queueTemplatedMail(
      {
        eventId: event.id,
        key: 'reminder',
        language,
        fields: {
          ...assignmentFields({ event, programme, settings: deps.settings }, assignment, language),
          ...responseLinks(deps.settings.publicUrl, link.token, language),
          deadline: formatDeadline(deadline, event, language),
        },
        to: { name: fullName(person), email: person.email },
        dedupeKey: `reminder:${assignment.id}:${invitation.round}:${number}`,
        related: [
          { type: 'event', id: event.id },
          { type: 'session', id: assignment.sessionId },
          { type: 'assignment', id: assignment.id },
          { type: 'person', id: person.id },
          { type: 'batch', id: batchId },
        ],
      },
      { clock: deps.clock, domain: deps.settings.domain },
    );
    if (!created) {
      await revokeToken(link.token);
      continue;
    }
    await Invitation.updateOne({ _id: assignment.id }, { $set: { remindersSent: number, lastSentAt: now } });
    queued += 1;
  }
  return { batchId, queued };
}

/** Reminders for every event that is not archived (the scheduled run and `npm run mail:reminders`). */
export async function sendAllReminders(deps: {
  clock: Clock;
  settings: MailSettings;
}): Promise<{ events: number; queued: number }> {
  let queued = 0;
  const events = (await listEvents()).filter((e) => e.status !== 'archived');
  for (const event of events) {
    queued += (await sendReminders(event, deps)).queued;
  }
  return { events: events.length, queued };
}
