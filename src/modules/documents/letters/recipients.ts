import { lastCount, recount } from '../../../db/counted.js';
import type { Clock } from '../../../shared/clock.js';
import type { Language } from '../../../shared/i18n/index.js';
import { LETTERS_PER_PDF } from '../../../shared/limits.js';
import type { EventView } from '../../events/index.js';
import { isLarge, participantsPart, Registration, type Participant } from '../../registrations/index.js';
import { inBadgeOrder } from '../badges/badges.js';
import { attendedRegistrationIds } from '../checkin/checkin.service.js';
import type { LetterKind } from './letter.model.js';

/**
 * Who gets which letter: a visa letter, every confirmed person who asked for one; a certificate,
 * every confirmed person checked in at the door. Both print in numbered parts of LETTERS_PER_PDF,
 * in family-name order (as badges), so a meeting of 100,000 is never one file nor held at once.
 */
export async function lettersPart(
  event: EventView,
  kind: LetterKind,
  part: number,
  language: Language,
): Promise<{ recipients: Participant[]; parts: number } | undefined> {
  const attended = kind === 'certificate' ? await attendedRegistrationIds(event.id) : undefined;
  const cut = await participantsPart(event.id, 'organizers', {
    order: (placed) => inBadgeOrder(placed, language),
    part,
    perPart: LETTERS_PER_PDF,
    ...(attended ? { only: (id: string) => attended.has(id) } : { where: { visaLetter: true } }),
  });
  return cut && { recipients: cut.participants, parts: cut.parts };
}

export type LetterCounts = Record<LetterKind, number>;

/**
 * How many of each letter there are, reading only ids and the visa flag of the confirmed: counted
 * on each read for an event of up to 2,048 registrations; beyond, the timer's last count, with its
 * time (a count reads every confirmed registration).
 */
export async function letterCounts(
  event: EventView,
  clock: Clock,
): Promise<LetterCounts & { countedAt?: Date }> {
  if (!(await isLarge(event.id))) return countLetters(event.id);
  const { figures, countedAt } = await lastCount(lettersKey(event.id), () => countLetters(event.id), clock);
  return { ...figures, countedAt };
}

/** The timer's work for a large event. */
export async function recountLetters(event: EventView, clock: Clock): Promise<void> {
  await recount(lettersKey(event.id), () => countLetters(event.id), clock);
}

const lettersKey = (eventId: string) => `letters:${eventId}`;

async function countLetters(eventId: string): Promise<LetterCounts> {
  const attended = await attendedRegistrationIds(eventId);
  const counts: LetterCounts = { visa: 0, certificate: 0 };
  const confirmed = Registration.find({ eventId, status: 'confirmed' }, { _id: 1, visaLetter: 1 })
    .lean<{ _id: unknown; visaLetter?: boolean | null }>()
    .cursor({ batchSize: 1000 });
  for await (const doc of confirmed) {
    if (doc.visaLetter) counts.visa += 1;
    if (attended.has(String(doc._id))) counts.certificate += 1;
  }
  return counts;
}
