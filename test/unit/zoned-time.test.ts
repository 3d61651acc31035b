import { expect } from 'chai';
import {
  datesBetween,
  formatTimeRange,
  instantToLocal,
  localToInstant,
  offsetLabel,
} from '../../src/shared/zoned-time.js';
import { withTimeZone } from '../support/time-zone.js';

describe('shared: wall-clock time in the event zone', () => {
  for (const tz of ['UTC', 'Asia/Tokyo', 'America/Guayaquil']) {
    it(`turns 09:00 in Cuenca into 14:00 UTC and back, whatever the process zone (${tz})`, () => {
      return withTimeZone(tz, () => {
        const at = localToInstant('2008-04-10', '09:00', 'America/Guayaquil');
        expect(at?.toISOString()).to.equal('2008-04-10T14:00:00.000Z');
        expect(instantToLocal(at!, 'America/Guayaquil')).to.deep.equal({ date: '2008-04-10', time: '09:00' });
        expect(formatTimeRange(at!, new Date('2008-04-10T15:30:00Z'), 'America/Guayaquil')).to.equal(
          '09:00–10:30 (GMT-5)',
        );
      });
    });
  }

  it('refuses a time skipped by a daylight-saving change', () => {
    expect(localToInstant('2026-03-08', '02:30', 'America/New_York')).to.equal(undefined);
    expect(localToInstant('2026-03-08', '03:30', 'America/New_York')?.toISOString()).to.equal(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('names offsets the way people read them', () => {
    expect(offsetLabel(new Date('2008-04-10T14:00:00Z'), 'America/Guayaquil')).to.equal('GMT-5');
    expect(offsetLabel(new Date('2008-04-10T14:00:00Z'), 'Asia/Kolkata')).to.equal('GMT+5:30');
    expect(offsetLabel(new Date('2008-01-10T14:00:00Z'), 'Europe/Lisbon')).to.equal('GMT');
  });

  it('lists the days of an event', () => {
    expect(datesBetween('2008-04-10', '2008-04-11')).to.deep.equal(['2008-04-10', '2008-04-11']);
    expect(datesBetween('2008-02-28', '2008-03-01')).to.deep.equal([
      '2008-02-28',
      '2008-02-29',
      '2008-03-01',
    ]);
  });
});
