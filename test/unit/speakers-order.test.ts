import { expect } from 'chai';
import {
  speakingOrder,
  type Orderable,
  type SpeakerGroup,
  type SpeakerLevel,
} from '../../src/modules/plenary/speakers-list/speakers.order.js';

const at = (minute: number) => new Date(Date.UTC(2008, 3, 10, 9, minute));
let seq = 0;
const entry = (
  id: string,
  group: SpeakerGroup,
  level: SpeakerLevel,
  minute: number,
  extra: Partial<Orderable> = {},
): Orderable => ({ id, group, level, reply: false, inscribedAt: at(minute), seq: ++seq, ...extra });
const ids = (entries: Orderable[]) => entries.map((e) => e.id);

describe('plenary: the order of a list of speakers', () => {
  it('puts member states first by level, then by time of inscription', () => {
    const list = [
      entry('PE-ambassador', 'state', 'ambassador', 1),
      entry('EC-minister', 'state', 'minister', 5),
      entry('MX-president', 'state', 'head_of_state', 9),
      entry('CL-minister', 'state', 'minister', 2),
      entry('AR-other', 'state', 'other', 0),
    ];
    expect(ids(speakingOrder(list))).to.deep.equal([
      'MX-president',
      'CL-minister',
      'EC-minister',
      'PE-ambassador',
      'AR-other',
    ]);
  });

  it('puts observers after the states: international organizations, then civil society and others, each by time, whatever their level', () => {
    const list = [
      entry('ngo', 'other', 'head_of_state', 0),
      entry('oim', 'organization', 'other', 3),
      entry('cepal', 'organization', 'minister', 1),
      entry('uy', 'state', 'other', 8),
      entry('academia', 'other', 'other', 2),
    ];
    expect(ids(speakingOrder(list))).to.deep.equal(['uy', 'cepal', 'oim', 'ngo', 'academia']);
  });

  it('orders two inscriptions of the same instant by their sequence number, the same on every read', () => {
    const later = entry('second', 'state', 'minister', 4, { seq: 20 });
    const earlier = entry('first', 'state', 'minister', 4, { seq: 10 });
    expect(ids(speakingOrder([later, earlier]))).to.deep.equal(['first', 'second']);
    expect(ids(speakingOrder([earlier, later]))).to.deep.equal(['first', 'second']);
  });

  it('puts rights of reply after every statement, in the order asked', () => {
    const list = [
      entry('reply-EC', 'state', 'head_of_state', 10, { reply: true }),
      entry('ngo', 'other', 'other', 30),
      entry('reply-PE', 'state', 'minister', 5, { reply: true }),
      entry('EC', 'state', 'minister', 1),
    ];
    expect(ids(speakingOrder(list))).to.deep.equal(['EC', 'ngo', 'reply-PE', 'reply-EC']);
  });

  it('applies the organizers’ moves and "not present, to the end" in the order they were made', () => {
    const list = [
      entry('a', 'state', 'minister', 1),
      entry('b', 'state', 'minister', 2),
      entry('c', 'state', 'minister', 3),
      entry('d', 'state', 'minister', 4),
    ];
    const moved = speakingOrder(list, [
      { entryId: 'a', to: 'end', at: at(20), seq: 1 },
      { entryId: 'd', to: 1, at: at(10), seq: 2 },
    ]);
    expect(ids(moved)).to.deep.equal(['d', 'b', 'c', 'a']);
    // A place beyond the list is its end; a move of an entry that is gone changes nothing.
    const far = speakingOrder(list, [
      { entryId: 'b', to: 99, at: at(5), seq: 1 },
      { entryId: 'zz', to: 1, at: at(6), seq: 2 },
    ]);
    expect(ids(far)).to.deep.equal(['a', 'c', 'd', 'b']);
  });

  it('sends an absent entry to the end as it was then: before a right of reply asked later, after one asked before', () => {
    const list = [
      entry('a', 'state', 'minister', 1),
      entry('b', 'state', 'minister', 2),
      entry('early-reply', 'state', 'minister', 5, { reply: true }),
      entry('late-reply', 'state', 'minister', 15, { reply: true }),
    ];
    const order = speakingOrder(list, [{ entryId: 'a', to: 'end', at: at(10), seq: 1 }]);
    expect(ids(order)).to.deep.equal(['b', 'early-reply', 'a', 'late-reply']);
  });
});
