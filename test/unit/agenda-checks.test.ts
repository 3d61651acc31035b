import { expect } from 'chai';
import { checkProgramme, type CheckInput } from '../../src/modules/agenda/working-programme/checks.js';
import type { AssignmentView, SessionView } from '../../src/modules/agenda/agenda.views.js';

const at = (local: string) => new Date(`${local}:00-05:00`);
let ids = 0;

function session(overrides: Partial<SessionView> = {}): SessionView {
  ids += 1;
  return {
    id: `s${ids}`,
    eventId: 'e',
    type: 'panel',
    title: { es: `Sesión ${ids}` },
    description: {},
    roomId: 'plenary',
    startsAt: at('2008-04-10T09:00'),
    endsAt: at('2008-04-10T10:30'),
    theme: undefined,
    language: undefined,
    interpretation: [],
    expectedAttendance: undefined,
    capacity: undefined,
    status: 'scheduled',
    revision: 1,
    ...overrides,
  };
}

function assign(s: SessionView, personId: string, overrides: Partial<AssignmentView> = {}): AssignmentView {
  ids += 1;
  return {
    id: `a${ids}`,
    eventId: 'e',
    sessionId: s.id,
    personId,
    role: 'speaker',
    order: 0,
    status: 'confirmed',
    respondedAt: undefined,
    message: undefined,
    ...overrides,
  };
}

const people: CheckInput['people'] = new Map([
  ['ana', { gender: 'female', country: 'EC', sector: 'government' }],
  ['luis', { gender: 'male', country: 'PE', sector: 'academia' }],
  ['rosa', { gender: 'female', country: 'EC', sector: 'government' }],
  ['joao', { gender: 'male', country: 'BR', sector: 'civil_society' }],
  ['x', { gender: 'undisclosed', country: 'ES', sector: 'media' }],
]);

function run(
  sessions: SessionView[],
  assignments: AssignmentView[],
  rooms = [
    { id: 'plenary', capacity: 300 },
    { id: 'azuay', capacity: 60 },
  ],
) {
  return checkProgramme({
    event: {
      startDate: '2008-04-10',
      endDate: '2008-04-11',
      timezone: 'America/Guayaquil',
      countries: ['EC', 'PE', 'BR', 'ES', 'PT'],
      rooms,
    },
    sessions,
    assignments,
    people,
  });
}

const codes = (result: ReturnType<typeof run>) => result.warnings.map((w) => w.code).sort();

describe('agenda: checks', () => {
  it('stays quiet on a clean programme', () => {
    const morning = session();
    const afternoon = session({
      roomId: 'azuay',
      startsAt: at('2008-04-10T15:00'),
      endsAt: at('2008-04-10T16:00'),
      expectedAttendance: 50,
    });
    const result = run(
      [morning, afternoon],
      [
        assign(morning, 'ana'),
        assign(morning, 'luis', { role: 'commentator' }),
        assign(afternoon, 'ana'),
        assign(afternoon, 'joao'),
      ],
    );
    expect(result.warnings).to.deep.equal([]);
  });

  it('finds a person in two overlapping sessions in any role, across rooms', () => {
    const a = session({ roomId: 'plenary' });
    const b = session({ roomId: 'azuay', startsAt: at('2008-04-10T10:00'), endsAt: at('2008-04-10T11:00') });
    const result = run(
      [a, b],
      [assign(a, 'ana'), assign(a, 'luis'), assign(b, 'ana', { role: 'chair' }), assign(b, 'joao')],
    );
    expect(result.warnings).to.deep.include({
      code: 'person_double_booked',
      personId: 'ana',
      sessionIds: [a.id, b.id],
    });
  });

  it('ignores back-to-back sessions, cancelled sessions and declined or withdrawn people', () => {
    const a = session();
    const b = session({ roomId: 'azuay', startsAt: at('2008-04-10T10:30'), endsAt: at('2008-04-10T11:00') });
    const c = session({ roomId: 'azuay', status: 'cancelled' });
    const d = session({ roomId: 'azuay', startsAt: at('2008-04-10T09:30'), endsAt: at('2008-04-10T10:00') });
    const result = run(
      [a, b, c, d],
      [
        assign(a, 'ana'),
        assign(a, 'luis'),
        assign(b, 'ana'),
        assign(b, 'joao'),
        assign(c, 'luis'),
        assign(d, 'ana', { status: 'declined' }),
        assign(d, 'joao', { status: 'withdrawn' }),
      ],
    );
    expect(codes(result)).to.not.include('person_double_booked');
  });

  it('finds two sessions in one room at once', () => {
    const a = session();
    const b = session({ startsAt: at('2008-04-10T10:00'), endsAt: at('2008-04-10T12:00') });
    expect(run([a, b], []).warnings).to.deep.include({
      code: 'room_double_booked',
      roomId: 'plenary',
      sessionIds: [a.id, b.id],
    });
  });

  it('finds sessions outside the event dates, judged in the event zone', () => {
    const before = session({ startsAt: at('2008-04-09T09:00'), endsAt: at('2008-04-09T10:00') });
    // 21:00 in Cuenca on the last day is already the next day in UTC: still inside.
    const lateLastDay = session({
      roomId: 'azuay',
      startsAt: at('2008-04-11T21:00'),
      endsAt: at('2008-04-11T22:00'),
    });
    const result = run([before, lateLastDay], []);
    expect(result.warnings).to.deep.equal([
      { code: 'outside_event_dates', sessionIds: [before.id], params: { date: '2008-04-09' } },
    ]);
  });

  it('finds a session that ends before it starts', () => {
    const broken = session({ startsAt: at('2008-04-10T11:00'), endsAt: at('2008-04-10T10:00') });
    expect(codes(run([broken], []))).to.include('ends_before_start');
  });

  it('finds expected attendance or capacity above the room capacity', () => {
    const crowd = session({ roomId: 'azuay', expectedAttendance: 80 });
    const seats = session({
      roomId: 'azuay',
      capacity: 70,
      startsAt: at('2008-04-11T09:00'),
      endsAt: at('2008-04-11T10:00'),
    });
    const result = run([crowd, seats], []);
    expect(result.warnings).to.deep.include({
      code: 'over_room_capacity',
      sessionIds: [crowd.id],
      roomId: 'azuay',
      params: { wanted: 80, capacity: 60 },
    });
    expect(result.warnings.filter((w) => w.code === 'over_room_capacity')).to.have.length(2);
  });

  it('finds panels of one gender, one country or one sector', () => {
    const panel = session();
    const result = run([panel], [assign(panel, 'ana'), assign(panel, 'rosa', { role: 'moderator' })]);
    expect(codes(result)).to.deep.equal([
      'panel_single_country',
      'panel_single_gender',
      'panel_single_sector',
    ]);
    expect(result.warnings.find((w) => w.code === 'panel_single_gender')?.params).to.deep.equal({
      gender: 'female',
    });
  });

  it('does not judge gender balance when someone did not say, nor rapporteurs, nor workshops', () => {
    const panel = session();
    const workshop = session({
      type: 'workshop',
      roomId: 'azuay',
      startsAt: at('2008-04-10T15:00'),
      endsAt: at('2008-04-10T16:00'),
    });
    const result = run(
      [panel, workshop],
      [
        assign(panel, 'ana'),
        assign(panel, 'x'),
        assign(panel, 'rosa', { role: 'rapporteur' }),
        assign(workshop, 'ana'),
        assign(workshop, 'rosa'),
      ],
    );
    expect(codes(result)).to.deep.equal([]);
  });

  it('gives the programme figures: women speakers, silent countries, sectors', () => {
    const a = session();
    const result = run(
      [a],
      [
        assign(a, 'ana'),
        assign(a, 'luis', { role: 'commentator' }),
        assign(a, 'x'),
        assign(a, 'joao', { role: 'rapporteur' }),
      ],
    );
    expect(result.figures).to.deep.equal({
      speakersWithKnownGender: 2,
      womenSpeakers: 1,
      countriesWithoutSpeakers: ['BR', 'PT'],
      sectors: { government: 1, academia: 1, media: 1 },
    });
  });
});
