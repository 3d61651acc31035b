import { expect } from 'chai';
import { releaseSlot, takeSlot } from '../../src/modules/limits/index.js';
import { RateLimitHit } from '../../src/modules/limits/hit.model.js';
import { purgeEndedWindows } from '../../src/modules/limits/rate-counter.js';
import { useTestForo } from '../support/foro.js';

describe('limits: a count in the database', () => {
  useTestForo(import.meta.url);
  const window = { windowMs: 60_000, limit: 10, now: new Date('2008-04-10T14:00:30Z') };

  it('lets exactly the limit through among 60 simultaneous requests, and a released slot serves the next', async () => {
    const hits = await Promise.all(Array.from({ length: 60 }, () => takeSlot('test:10.0.0.1', window)));
    const taken = hits.filter((hit) => hit.slot).map((hit) => hit.slot!);
    expect(taken).to.have.length(10);
    expect(new Set(taken).size).to.equal(10);
    expect(await RateLimitHit.countDocuments({ key: 'test:10.0.0.1' })).to.equal(10);
    expect(hits[0]!.resetAt.toISOString()).to.equal('2008-04-10T14:01:00.000Z');

    expect((await takeSlot('test:10.0.0.1', window)).slot).to.equal(undefined);
    await releaseSlot(taken[3]!);
    expect((await takeSlot('test:10.0.0.1', window)).slot).to.be.a('string');
    expect((await takeSlot('test:10.0.0.2', window)).slot, 'another key counts apart').to.be.a('string');
  });

  it('starts a new window afresh and clears ended windows', async () => {
    for (let i = 0; i < 10; i += 1) await takeSlot('test:10.0.0.3', window);
    expect((await takeSlot('test:10.0.0.3', window)).slot).to.equal(undefined);
    const next = { ...window, now: new Date('2008-04-10T14:01:00Z') };
    expect((await takeSlot('test:10.0.0.3', next)).slot).to.be.a('string');
    expect(await purgeEndedWindows(next.now)).to.equal(10);
    expect(await RateLimitHit.countDocuments({})).to.equal(1);
  });
});
