import { expect } from 'chai';
import { workerPdfRenderer } from '../../src/modules/documents/index.js';
import { largeProgrammeSnapshot } from '../../src/modules/demo/index.js';
import { programmeLayout } from '../../src/modules/documents/index.js';
import type { EventView } from '../../src/modules/events/index.js';
import { DocumentTimeoutError, ServiceUnavailableError } from '../../src/shared/errors.js';
import { translatorFor } from '../../src/shared/i18n/index.js';
import { createLogger } from '../../src/shared/logger.js';
import { readPdf } from '../support/pdf.js';

const event = {
  id: 'e1',
  slug: 'foro',
  title: { es: 'Foro' },
  organizers: {},
  venue: {},
  timezone: 'America/Guayaquil',
  startDate: '2008-04-10',
  endDate: '2008-04-11',
  languages: ['es'],
  revision: 1,
} as unknown as EventView;

const layoutOf = (sessions: number) =>
  programmeLayout(
    event,
    {
      number: 1,
      publishedAt: new Date('2008-04-01T12:00:00Z'),
      publishedBy: 'test',
      changelog: [],
      snapshot: largeProgrammeSnapshot(event, sessions),
    },
    'es',
    translatorFor('es'),
  );

describe('PDF renderer: worker threads with a time limit', () => {
  it('abandons a job past its time limit and goes on drawing the next ones', async function () {
    this.timeout(60_000);
    const renderer = workerPdfRenderer({ workers: 1, timeLimitMs: 2000, logger: createLogger('silent') });
    try {
      const slow = renderer.render({ kind: 'programme', layout: layoutOf(4000) });
      const next = renderer.render({ kind: 'programme', layout: layoutOf(2) });
      let failure: unknown;
      await slow.catch((error: unknown) => (failure = error));
      expect(failure).to.be.instanceOf(DocumentTimeoutError);
      // The queued job runs on a fresh thread (the first one was terminated); allow for its start-up.
      const pdf = await next.catch(async () => renderer.render({ kind: 'programme', layout: layoutOf(2) }));
      expect((await readPdf(pdf)).text).to.contain('Sesión 2: migración');
    } finally {
      await renderer.close();
    }
  });

  it('draws several documents at once on a pool, each answered to its own caller', async function () {
    this.timeout(60_000);
    const renderer = workerPdfRenderer({ workers: 2, timeLimitMs: 30_000, logger: createLogger('silent') });
    try {
      const pdfs = await Promise.all(
        [3, 5, 7].map((n) => renderer.render({ kind: 'programme', layout: layoutOf(n) })),
      );
      const texts = await Promise.all(pdfs.map(async (pdf) => (await readPdf(pdf)).text));
      expect(texts[0]).to.contain('Sesión 3:').and.not.contain('Sesión 4:');
      expect(texts[1]).to.contain('Sesión 5:').and.not.contain('Sesión 6:');
      expect(texts[2]).to.contain('Sesión 7:');
    } finally {
      await renderer.close();
    }
  });

  it('refuses new work when its queue is full instead of letting requests pile up', async function () {
    this.timeout(60_000);
    const renderer = workerPdfRenderer({
      workers: 1,
      timeLimitMs: 30_000,
      logger: createLogger('silent'),
      maxQueue: 2,
    });
    try {
      const accepted = [1, 2].map((n) => renderer.render({ kind: 'programme', layout: layoutOf(n) }));
      let refused: unknown;
      await renderer
        .render({ kind: 'programme', layout: layoutOf(3) })
        .catch((error: unknown) => (refused = error));
      expect(refused).to.be.instanceOf(ServiceUnavailableError);
      expect(await Promise.all(accepted)).to.have.length(2);
    } finally {
      await renderer.close();
    }
  });
});
