import ical from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { countryName } from '../../shared/countries.js';
import { INTL_LOCALE, type Language, type Translate } from '../../shared/i18n/index.js';
import { formatDay, formatTimeRange, instantToLocal } from '../../shared/zoned-time.js';
import type { ListLayout } from '../documents/index.js';
import { localized, type EventView } from '../events/index.js';
import { bySlotTime, slotLabel, slotOf, slotsOf, type Slot } from '../side-events/index.js';
import { bilateralUid } from './bilateral.calendar.js';
import { BilateralBooking } from './bilateral.model.js';
import { bilateralsOfDay } from './bilateral.list.js';
import { bilateralsOfDelegation, daysOf } from './bilateral.service.js';
import type { BilateralView } from './bilateral.views.js';

/** Bilateral slots grouped per day and room, in time order: the shape of every schedule. */
function perDayAndRoom(event: EventView, slots: Slot[]): { date: string; roomId: string; slots: Slot[] }[] {
  const groups = new Map<string, { date: string; roomId: string; slots: Slot[] }>();
  const order = new Map(event.rooms.map((r, i) => [r.id, i]));
  for (const slot of [...slots].sort(bySlotTime)) {
    const date = instantToLocal(slot.startsAt, event.timezone).date;
    const key = `${date}|${slot.roomId}`;
    if (!groups.has(key)) groups.set(key, { date, roomId: slot.roomId, slots: [] });
    groups.get(key)!.slots.push(slot);
  }
  return [...groups.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || (order.get(a.roomId) ?? 0) - (order.get(b.roomId) ?? 0),
  );
}

const roomName = (event: EventView, roomId: string) => event.rooms.find((r) => r.id === roomId)?.name ?? '';

/** "10 de abril de 2008": the day an instant falls on in the event's zone. */
function dateLine(at: Date, event: EventView, language: Language): string {
  const { date } = instantToLocal(at, event.timezone);
  return new Intl.DateTimeFormat(INTL_LOCALE[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/**
 * The secretariat's bilateral schedule as a list document: one group per day and room, one entry
 * per slot with the pair that holds it (or "free"), the subject and the level.
 */
export async function bilateralScheduleLayout(
  event: EventView,
  language: Language,
  t: Translate,
  now: Date,
): Promise<ListLayout> {
  // Read a day at a time, each day's slots and meetings by (event, day).
  const slots: Slot[] = [];
  const booked = new Map<string, BilateralView>();
  for (const day of daysOf(event)) {
    slots.push(...(await slotsOf(event.id, 'bilateral', day)));
    for (const b of await bilateralsOfDay(event.id, day)) if (b.slotId) booked.set(b.slotId, b);
  }
  const count = booked.size;
  return {
    language,
    title: t('bilaterals.pdf.title'),
    subtitle: `${localized(event.title, language, event.languages)} · ${t('bilaterals.pdf.timesIn', { zone: event.timezone })}`,
    stamp: t('bilaterals.pdf.stamp', { count, date: dateLine(now, event, language) }),
    pageOf: t('documents.pageOf'),
    empty: t('bilaterals.noSlots'),
    groups: perDayAndRoom(event, slots).map((group) => ({
      heading: `${formatDay(group.date, language)} · ${roomName(event, group.roomId)}`,
      entries: group.slots.map((slot) => {
        const b = booked.get(slot.id);
        const time = formatTimeRange(slot.startsAt, slot.endsAt, event.timezone);
        if (!b) return { name: `${time} · ${t('bilaterals.pdf.free')}`, detail: '' };
        return {
          name: `${time} · ${countryName(b.askingCountry, language)} – ${countryName(b.askedCountry, language)}`,
          detail: `${b.subject} · ${t(`bilaterals.levels.${b.level}`)}`,
        };
      }),
    })),
  };
}

/** The slots these meetings hold, read by id: a delegation has few meetings, the event many slots. */
async function slotsByIdOf(eventId: string, bilaterals: BilateralView[]): Promise<Map<string, Slot>> {
  const ids = [...new Set(bilaterals.flatMap((b) => (b.slotId ? [b.slotId] : [])))];
  const slots = await Promise.all(ids.map((id) => slotOf(eventId, 'bilateral', id)));
  return new Map(slots.flatMap((s) => (s ? [[s.id, s] as const] : [])));
}

/** A delegation's own bilaterals as its nomination page lists them, newest request last. */
export async function delegationBilateralRows(
  event: EventView,
  delegationId: string,
  language: Language,
): Promise<{ id: string; other: string; subject: string; state: string; slot: string }[]> {
  const day = (date: string) => formatDay(date, language);
  const current = (await bilateralsOfDelegation(delegationId)).filter(
    (b) => b.state === 'requested' || b.state === 'accepted',
  );
  const slots = await slotsByIdOf(event.id, current);
  return current.map((b: BilateralView) => {
    const slot = b.slotId ? slots.get(b.slotId) : undefined;
    return {
      id: b.id,
      other: b.askingId === delegationId ? b.askedCountry : b.askingCountry,
      subject: b.subject,
      state: b.state,
      slot: slot ? slotLabel(slot, event, day) : '',
    };
  });
}

function vtimezone(timeZone: string): string | null {
  const block = tzlib_get_ical_block(timeZone);
  return Array.isArray(block) ? (block[0] ?? null) : null;
}

/**
 * A delegation's calendar feed: its booked bilaterals, under the same UIDs as the mails' entries,
 * so a calendar that took both keeps one meeting.
 */
export async function delegationBilateralFeed(
  event: EventView,
  delegationId: string,
  language: Language,
  t: Translate,
  stamp: Date,
): Promise<string> {
  const zone = event.timezone;
  const own = await bilateralsOfDelegation(delegationId);
  const slots = await slotsByIdOf(event.id, own);
  const calendar = ical({
    prodId: { company: 'Foro', product: 'Foro' },
    name: `${t('bilaterals.focalTitle')} · ${localized(event.title, language, event.languages)}`,
  }).timezone({ name: null, generator: vtimezone });
  for (const b of own) {
    const slot = b.state === 'accepted' && b.slotId ? slots.get(b.slotId) : undefined;
    if (!slot) continue;
    const other = b.askingId === delegationId ? b.askedCountry : b.askingCountry;
    calendar.createEvent({
      id: bilateralUid(b.id),
      sequence: b.sequence,
      stamp,
      start: DateTime.fromJSDate(slot.startsAt, { zone }),
      end: DateTime.fromJSDate(slot.endsAt, { zone }),
      timezone: zone,
      summary: t('bilaterals.calendarSummary', { country: countryName(other, language) }),
      description: `${b.subject} · ${t(`bilaterals.levels.${b.level}`)}`,
      location: [roomName(event, slot.roomId), event.venue.name, event.venue.city].filter(Boolean).join(', '),
    });
  }
  return calendar.toString();
}

/**
 * What the public may know of bilateral rooms: which room is busy when. Read from the bookings
 * alone (room and time), never from the meetings, so no delegation or subject can show.
 */
export async function reservedBlocks(
  event: EventView,
  language: Language,
): Promise<{ label: string; blocks: { room: string; time: string }[] }[]> {
  const slots = new Map((await slotsOf(event.id, 'bilateral')).map((s) => [s.id, s]));
  const booked = (await BilateralBooking.find({ eventId: event.id }, { slotId: 1 }).lean())
    .map((b) => slots.get(b.slotId))
    .filter((s): s is Slot => s !== undefined);
  return perDayAndRoom(event, booked)
    .reduce<{ date: string; label: string; blocks: { room: string; time: string }[] }[]>((days, group) => {
      let day = days.find((d) => d.date === group.date);
      if (!day) {
        day = { date: group.date, label: formatDay(group.date, language), blocks: [] };
        days.push(day);
      }
      for (const slot of group.slots)
        day.blocks.push({
          room: roomName(event, slot.roomId),
          time: formatTimeRange(slot.startsAt, slot.endsAt, event.timezone),
        });
      return days;
    }, [])
    .map(({ label, blocks }) => ({ label, blocks }));
}
