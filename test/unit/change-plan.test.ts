import { expect } from 'chai';
import type { AssignmentView } from '../../src/modules/agenda/index.js';
import { planChangeNotices } from '../../src/modules/notices/index.js';
import type { Snapshot, SnapshotSession } from '../../src/modules/published-programme/index.js';

const person = (personId: string, role = 'speaker'): SnapshotSession['people'][number] => ({
  personId,
  role,
  order: 0,
  givenName: personId,
  familyName: 'X',
});

const session = (id: string, people: ReturnType<typeof person>[], overrides: Partial<SnapshotSession> = {}) =>
  ({
    id,
    type: 'panel',
    title: { es: id },
    description: {},
    startsAt: '2008-04-10T14:00:00.000Z',
    endsAt: '2008-04-10T15:30:00.000Z',
    status: 'scheduled',
    people,
    sequence: 0,
    ...overrides,
  }) as SnapshotSession;

const snapshot = (sessions: SnapshotSession[]) =>
  ({
    event: {
      id: 'e',
      slug: 'e',
      title: {},
      timezone: 'America/Guayaquil',
      startDate: '2008-04-10',
      endDate: '2008-04-11',
      languages: ['es'],
      venue: {},
    },
    sessions,
  }) as Snapshot;

const invited = (sessionId: string, personId: string) =>
  ({
    id: `${sessionId}-${personId}`,
    sessionId,
    personId,
    status: 'invited',
    role: 'speaker',
  }) as AssignmentView;

describe('change notices: who is told what', () => {
  it('tells everyone confirmed or invited on a moved session, once each', () => {
    const before = snapshot([session('A', [person('ana'), person('joao')])]);
    const after = snapshot([
      session('A', [person('ana'), person('joao')], { startsAt: '2008-04-10T16:00:00.000Z' }),
    ]);
    const plan = planChangeNotices(
      before,
      after,
      [{ sessionId: 'A', kind: 'moved' }],
      [invited('A', 'mary')],
    );
    expect([...plan.keys()].sort()).to.deep.equal(['ana', 'joao', 'mary']);
    expect(plan.get('mary')).to.deep.equal([{ sessionId: 'A', kind: 'moved' }]);
  });

  it('tells only who came and who left when the people of a panel change', () => {
    const before = snapshot([session('B', [person('chair', 'chair'), person('old')])]);
    const after = snapshot([session('B', [person('chair', 'chair'), person('new')])]);
    const plan = planChangeNotices(before, after, [{ sessionId: 'B', kind: 'people' }], []);
    expect(plan.has('chair')).to.equal(false);
    expect(plan.get('new')).to.deep.equal([{ sessionId: 'B', kind: 'added', role: 'speaker' }]);
    expect(plan.get('old')).to.deep.equal([{ sessionId: 'B', kind: 'removed', role: 'speaker' }]);
  });

  it('tells people of a cancelled session, and gathers a person’s changes in one list', () => {
    const before = snapshot([session('A', [person('ana')]), session('C', [person('ana'), person('zoe')])]);
    const after = snapshot([
      session('A', [person('ana')], { roomName: 'Sala Azuay' }),
      session('C', [person('ana'), person('zoe')], { status: 'cancelled' }),
    ]);
    const plan = planChangeNotices(
      before,
      after,
      [
        { sessionId: 'A', kind: 'details' },
        { sessionId: 'C', kind: 'cancelled' },
      ],
      [],
    );
    expect(plan.get('ana')).to.deep.equal([
      { sessionId: 'A', kind: 'details' },
      { sessionId: 'C', kind: 'cancelled' },
    ]);
    expect(plan.get('zoe')).to.deep.equal([{ sessionId: 'C', kind: 'cancelled' }]);
  });

  it('does not tell anyone about a change of a person’s own details', () => {
    const before = snapshot([session('A', [person('ana')])]);
    const after = snapshot([session('A', [{ ...person('ana'), organization: 'CEPAL' }])]);
    expect(planChangeNotices(before, after, [{ sessionId: 'A', kind: 'people' }], []).size).to.equal(0);
  });
});
