import { expect } from 'chai';
import { partOfGroups } from '../../src/modules/documents/participants/participants.js';

const entry = (name: string) => ({ name, detail: '' });
const groups = [
  { heading: 'Argentina', entries: ['a1', 'a2', 'a3'].map(entry) },
  { heading: 'Brasil', entries: ['b1', 'b2', 'b3', 'b4'].map(entry) },
  { heading: 'Academia', entries: ['c1'].map(entry) },
];
const names = (cut: ReturnType<typeof partOfGroups>) =>
  cut?.groups.map((g) => `${g.heading}: ${g.entries.map((e) => e.name).join(' ')}`);

describe('participant lists in parts', () => {
  it('cuts the list in order, each entry in one part, a cut group keeping its heading in both', () => {
    expect(names(partOfGroups(groups, 1, 5))).to.deep.equal(['Argentina: a1 a2 a3', 'Brasil: b1 b2']);
    expect(names(partOfGroups(groups, 2, 5))).to.deep.equal(['Brasil: b3 b4', 'Academia: c1']);
    expect(partOfGroups(groups, 2, 5)?.parts).to.equal(2);
    expect(partOfGroups(groups, 3, 5)).to.equal(undefined);
    expect(names(partOfGroups(groups, 1, 100))).to.have.length(3);
    expect(partOfGroups([], 1, 5)).to.deep.equal({ groups: [], parts: 1 });
  });
});
