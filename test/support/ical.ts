import ICAL from 'ical.js';

export interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string;
  start: Date;
  end: Date;
  tzid: string | undefined;
  summary: string;
  description: string;
  location: string;
  organizer: string | undefined;
  attendees: { value: string; rsvp: string | undefined }[];
}

/** Reads an iCalendar text with ical.js (an independent parser), time zones included. */
export function parseCalendar(text: string): {
  method: string | undefined;
  timezones: string[];
  events: ParsedEvent[];
} {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const timezones = calendar.getAllSubcomponents('vtimezone');
  for (const zone of timezones) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const start = vevent.getFirstProperty('dtstart');
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: String(vevent.getFirstPropertyValue('status') ?? ''),
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      tzid: (start?.getParameter('tzid') as string | undefined) ?? undefined,
      summary: event.summary,
      description: event.description,
      location: event.location,
      organizer: (vevent.getFirstPropertyValue('organizer') as string | null) ?? undefined,
      attendees: vevent.getAllProperties('attendee').map((p) => ({
        value: String(p.getFirstValue()).replace(/^mailto:/i, 'mailto:'),
        rsvp: (p.getParameter('rsvp') as string | undefined) ?? undefined,
      })),
    };
  });
  return {
    method: (calendar.getFirstPropertyValue('method') as string | null) ?? undefined,
    timezones: timezones.map((z) => String(z.getFirstPropertyValue('tzid'))),
    events,
  };
}
