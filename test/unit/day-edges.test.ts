import { expect } from 'chai';
import { endOfDay, startOfDay } from '../../src/modules/links/index.js';

describe('links: the start and end of a day in the event’s zone', () => {
  it('gives the instants of Cuenca’s day (UTC−5)', () => {
    expect(startOfDay('2008-04-11', 'America/Guayaquil').toISOString()).to.equal('2008-04-11T05:00:00.000Z');
    expect(endOfDay('2008-04-11', 'America/Guayaquil').toISOString()).to.equal('2008-04-12T04:59:59.999Z');
  });

  it('follows a change of summer time within the day (Lisbon, 30 March 2008)', () => {
    expect(startOfDay('2008-03-30', 'Europe/Lisbon').toISOString()).to.equal('2008-03-30T00:00:00.000Z');
    expect(endOfDay('2008-03-30', 'Europe/Lisbon').toISOString()).to.equal('2008-03-30T22:59:59.999Z');
  });

  it('answers again from what it worked out, with a date of its own each time', () => {
    const first = endOfDay('2008-04-10', 'America/Guayaquil');
    first.setTime(0);
    expect(endOfDay('2008-04-10', 'America/Guayaquil').toISOString()).to.equal('2008-04-11T04:59:59.999Z');
    expect(endOfDay('2008-04-10', 'Europe/Madrid').toISOString()).to.equal('2008-04-10T21:59:59.999Z');
  });
});
