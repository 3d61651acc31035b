import { expect } from 'chai';
import request from 'supertest';
import { feedToken } from '../../src/modules/calendar/index.js';
import { issueSelfServiceLink } from '../../src/modules/registrations/registration.mail.js';
import { inscribedPlenary } from '../factories/plenary.js';
import { useTestForo } from '../support/foro.js';
import { signedInAs } from '../support/http.js';
import { binaryBody, readPdf } from '../support/pdf.js';

describe('plenary: a speaker finds their place on the lists in their own programme', function () {
  this.timeout(120_000);
  const foro = useTestForo(import.meta.url);

  /** Peru's minister and Ecuador's ambassador on the opening plenary's list, not yet published. */
  async function inscribedMinister() {
    foro.clock.set('2008-04-01T12:00:00Z');
    const organizer = await signedInAs(foro.url, 'organizer');
    const plenary = await inscribedPlenary(
      foro,
      organizer,
      [
        ['PE', 'minister'],
        ['EC', 'ambassador'],
      ],
      { programmePublished: true },
    );
    const { event, session, post } = plenary;
    return { event, session, post, ecuador: plenary.speakers[1]! };
  }

  const personalPdf = async (f: Awaited<ReturnType<typeof inscribedMinister>>, lang: string) => {
    const token = feedToken(foro.config.feedSecret, f.event.id, f.ecuador.personId, 0);
    const res = await request(foro.url)
      .get(`/events/${f.event.slug}/people/${f.ecuador.personId}/${token}/programme.pdf?lang=${lang}`)
      .buffer(true)
      .parse(binaryBody);
    expect(res.status).to.equal(200);
    return (await readPdf(res.body as Buffer)).text.replace(/\s+/g, ' ');
  };

  it('shows the place and approximate time, in the event’s zone, only once the list is published', async () => {
    const f = await inscribedMinister();
    const { token } = await issueSelfServiceLink(f.event, f.ecuador.registrationId, foro.clock);
    expect(await personalPdf(f, 'es')).not.to.contain('Lista de oradores');
    expect((await request(foro.url).get(`/registrations/${token}?lang=es`)).text).not.to.contain(
      'speaker-places',
    );

    expect((await f.post('/publish', {})).status).to.equal(303);
    // Peru's minister speaks first (09:00, 5 minutes); Ecuador's ambassador follows at 09:05 in Cuenca.
    expect(await personalPdf(f, 'es'))
      .to.contain('Plenario de apertura')
      .and.contain('Lista de oradores: lugar 2, hacia 10 abr 2008, 9:05 (GMT-5)');
    expect(await personalPdf(f, 'pt')).to.contain('Lista de oradores: lugar 2, por volta de');
    expect(await personalPdf(f, 'en')).to.contain('List of speakers: place 2, at about');

    for (const [lang, words] of [
      ['es', 'Su lugar en las listas de oradores'],
      ['pt', 'Sua posição nas listas de oradores'],
      ['en', 'Your place on the lists of speakers'],
    ] as const) {
      const page = await request(foro.url).get(`/registrations/${token}?lang=${lang}`);
      expect(page.status).to.equal(200);
      expect(page.text)
        .to.contain(words)
        .and.contain(`href="/events/${f.event.slug}/sessions/${f.session.id}/speakers?lang=${lang}"`)
        .and.contain('9:05');
    }
  });

  it('links each session with a published list from the public programme page and its JSON', async () => {
    const f = await inscribedMinister();
    const path = `/events/${f.event.slug}/sessions/${f.session.id}/speakers`;
    const speakersOf = async () =>
      (
        (await request(foro.url).get(`/events/${f.event.slug}/programme.json`)).body as {
          sessions: { id: string; speakersList: string | null }[];
        }
      ).sessions.find((s) => s.id === f.session.id)!.speakersList;
    expect((await request(foro.url).get(`/events/${f.event.slug}/programme`)).text).not.to.contain(path);
    expect(await speakersOf()).to.equal(null);

    expect((await f.post('/publish', {})).status).to.equal(303);
    const page = await request(foro.url).get(`/events/${f.event.slug}/programme?lang=pt`);
    expect(page.text).to.contain(`<a href="${path}?lang=pt">Lista de oradores</a>`);
    expect(await speakersOf()).to.equal(path);
  });
});
