import type { ICalCalendar } from 'ical-generator';

/**
 * Folds iCalendar lines as ical-generator 10 does (RFC 5545: a break before the octet that would
 * make a line longer than 74, the continuation starting with a space), to the same bytes.
 * Why our own: ical-generator 10 folds the finished file one character at a time with a new
 * TextEncoder for each, which was seven eighths of the time of a programme's .ics; version 11
 * fixes it but needs Node 22.
 */
export function foldLines(input: string): string {
  return input
    .split('\r\n')
    .map((line) => (Buffer.byteLength(line) <= 74 ? line : foldLine(line)))
    .join('\r\n');
}

function foldLine(line: string): string {
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length; i += 1) {
    const at = i;
    const unit = line.charCodeAt(i);
    let size = 1;
    if (unit >= 0x80) {
      let character = line.charAt(i);
      // A surrogate pair is one character (as the library counts it, with whatever follows).
      if (unit >= 0xd800 && unit <= 0xdbff) character += line.charAt(++i);
      size = Buffer.byteLength(character);
    }
    octets += size;
    if (octets > 74) {
      parts.push(line.slice(start, at));
      start = at;
      octets = size;
    }
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

/**
 * The calendar as text, the same as `calendar.toString()` but with fast folding. `empty` is a
 * calendar made the same way with no events: given one bare event of each zone, ical-generator
 * writes the calendar's own lines (its time zones among them) before and after the events; the
 * events are written by ical-generator unfolded, and folded here.
 */
export function calendarText(calendar: ICalCalendar, empty: ICalCalendar): string {
  const events = calendar.events();
  if (events.length === 0) return calendar.toString();
  for (const zone of new Set(events.map((event) => event.timezone())))
    empty.createEvent({ start: new Date(0), timezone: zone });
  const shell = empty.toString();
  const header = shell.slice(0, shell.indexOf('BEGIN:VEVENT'));
  const footer = shell.slice(shell.lastIndexOf('END:VEVENT\r\n') + 'END:VEVENT\r\n'.length);
  return header + foldLines(events.map((event) => event.toString()).join('')) + footer;
}
