import { instantToLocal } from '../../../shared/zoned-time.js';
import type { EventView } from '../../events/index.js';
import type { SessionView } from '../agenda.views.js';

export const SLOT_MINUTES = 15;

export interface BuilderBlock {
  session: SessionView;
  column: number;
  rowStart: number;
  rowEnd: number;
}

export interface BuilderDay {
  columns: { id: string | undefined; name: string }[];
  slots: string[];
  blocks: BuilderBlock[];
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * One day of the builder: rooms as columns, 15-minute rows from the day's first start to its
 * last end (08:00–18:00 at least), sessions as blocks placed by their times in the event's zone.
 */
export function layoutDay(
  event: EventView,
  sessions: SessionView[],
  day: string,
  noRoomLabel: string,
): BuilderDay {
  const today = sessions.filter(
    (s) => s.startsAt && s.endsAt && instantToLocal(s.startsAt, event.timezone).date === day,
  );
  const columns: BuilderDay['columns'] = event.rooms.map((room) => ({ id: room.id, name: room.name }));
  if (today.some((s) => !s.roomId || !event.rooms.some((r) => r.id === s.roomId)))
    columns.push({ id: undefined, name: noRoomLabel });

  const spans = today.map((s) => {
    const start = minutesOf(instantToLocal(s.startsAt!, event.timezone).time);
    const endLocal = instantToLocal(s.endsAt!, event.timezone);
    // A session running past midnight is drawn to the end of the day.
    const end = endLocal.date === day ? minutesOf(endLocal.time) : 24 * 60;
    return { session: s, start, end: Math.max(end, start + SLOT_MINUTES) };
  });
  const first = Math.min(8 * 60, ...spans.map((s) => Math.floor(s.start / 60) * 60));
  const last = Math.max(18 * 60, ...spans.map((s) => Math.ceil(s.end / 60) * 60));
  const slots: string[] = [];
  for (let m = first; m < last; m += SLOT_MINUTES) slots.push(timeOf(m));

  const blocks = spans.map(({ session, start, end }) => {
    const index = columns.findIndex((c) => c.id === session.roomId);
    return {
      session,
      column: (index === -1 ? columns.length - 1 : index) + 2,
      rowStart: Math.floor((start - first) / SLOT_MINUTES) + 2,
      rowEnd: Math.ceil((end - first) / SLOT_MINUTES) + 2,
    };
  });
  return { columns, slots, blocks };
}

/** Lines a block has for its people: one per 15-minute row, less the lines of its type and title. */
const LINES_ABOVE_PEOPLE = 2;

/**
 * How many of a block's people fit in its rows; the rest are counted ("+2") and shown when the
 * block is hovered or focused. Why: names cut mid-line by the block's edge read as other names.
 */
export function peopleShown(block: Pick<BuilderBlock, 'rowStart' | 'rowEnd'>, people: number): number {
  const lines = Math.max(0, block.rowEnd - block.rowStart - LINES_ABOVE_PEOPLE);
  // When all but one fit, the "+1" would take the line the last name needs.
  return people <= lines ? people : Math.max(0, lines - 1);
}
