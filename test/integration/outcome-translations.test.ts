import { expect } from 'chai';
import { OutcomeParagraph } from '../../src/modules/outcome/index.js';
import { OutcomeTranslation } from '../../src/modules/outcome/translation.model.js';
import { importThrough, openNegotiation, postOutcome } from '../factories/outcome.js';
import { createPlenary } from '../factories/plenary.js';
import { useTestForo } from '../support/foro.js';
import { csrfTokenIn, signedInAs } from '../support/http.js';
import { binaryBody, readPdf } from '../support/pdf.js';

type Agent = Awaited<ReturnType<typeof signedInAs>>['agent'];

describe('outcome documents: translations of the text, and the text as a PDF in each language', function () {
  this.timeout(120_000);
  const foro = useTestForo(import.meta.url);

  /** The zero draft (Spanish) of a plenary whose languages are es, pt and en. */
  async function drafted() {
    const { organizer, event, path, outcomeId, paragraph } = await openNegotiation(foro, {
      countries: ['EC', 'BR'],
      round: false,
    });
    return { organizer, event, path, outcomeId, paragraph };
  }

  /** Sends one paragraph's translation through the translation page's form for it. */
  async function translate(agent: Agent, path: string, language: string, ref: string, text: string) {
    const page = (await agent.get(`${path}/translations/${language}`)).text;
    const form = new RegExp(
      `action="[^"]*/translations/${language}/${ref}">[\\s\\S]*?name="sourceHash" value="([a-f0-9]{64})"`,
    ).exec(page);
    expect(form, 'the paragraph has a translation form').not.to.equal(null);
    return agent
      .post(`${path}/translations/${language}/${ref}`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page), sourceHash: form![1], text, from: 'list' });
  }

  const pdfText = async (agent: Agent, url: string) => {
    const res = await agent.get(url).buffer(true).parse(binaryBody);
    expect(res.status, url).to.equal(200);
    expect(res.headers['content-type']).to.equal('application/pdf');
    return (await readPdf(res.body as Buffer)).text.replace(/\s+/g, ' ');
  };

  it('saves a translation, marks it out of date when the paragraph changes, and prints each language saying what lacks one', async () => {
    const { organizer, path, paragraph } = await drafted();
    const pp1 = await paragraph('PP', 1);
    const op1 = await paragraph('OP', 1);
    const list = await organizer.agent.get(`${path}/translations/pt`);
    expect(list.status).to.equal(200);
    expect(list.text)
      .to.include('Translation: Português')
      .and.include('Up to date: 0 · Out of date: 0 · Missing: 7');

    const saved = await translate(
      organizer.agent,
      path,
      'pt',
      pp1.ref,
      'Reconhecendo a contribuição das pessoas migrantes para o desenvolvimento dos países de origem e de destino,',
    );
    expect(saved.status, saved.text.slice(0, 300)).to.equal(303);
    expect(saved.headers['location']).to.match(new RegExp(`/translations/pt#t-${pp1.ref}$`));
    await translate(
      organizer.agent,
      path,
      'pt',
      op1.ref,
      'Acordam promover uma migração ordenada, regular e segura,',
    );
    const stored = await OutcomeTranslation.find({ documentId: op1.documentId, language: 'pt' }).lean();
    expect(stored.map((t) => t.ref).sort()).to.deep.equal([pp1.ref, op1.ref].sort());
    const listed = (await organizer.agent.get(`${path}/translations/pt`)).text;
    expect(listed).to.include('Up to date: 2 · Out of date: 0 · Missing: 5');
    expect(listed, 'the account by its name').to.include(`Saved by ${organizer.user.name},`);
    expect(listed).not.to.include(organizer.user.email);

    // The working-language paragraph changes after the translation: it is out of date, the change shown.
    const csrf = csrfTokenIn((await organizer.agent.get(path)).text);
    const edited = await organizer.agent
      .post(`${path}/paragraphs/${op1.ref}`)
      .type('form')
      .send({ _csrf: csrf, text: 'Acuerdan promover una migración ordenada, regular, segura y humana,' });
    expect(edited.status).to.equal(303);
    const after = (await organizer.agent.get(`${path}/translations/pt?show=todo`)).text;
    expect(after).to.include('Up to date: 1 · Out of date: 1 · Missing: 5');
    expect(after).to.include('Translation out of date');
    expect(after).to.include('regular<del> y</del><ins><b>,</b></ins> segura <ins><b>y humana</b></ins>,');
    expect(after, 'the up-to-date one is left out').not.to.include(`id="t-${pp1.ref}"`);
    const paragraphPage = (await organizer.agent.get(`${path}/paragraphs/${op1.ref}`)).text;
    expect(paragraphPage).to.include('Translations').and.include('Translation out of date');
    expect((await organizer.agent.get(path)).text).to.include(
      'saved the translation (Português) of OP1 of “Programa de Acción de Cuenca”.',
    );

    // The Portuguese text: translations where current, Spanish marked where not, and the list at the top.
    const pt = await pdfText(organizer.agent, `${path}/text.pdf?lang=pt`);
    expect(pt).to.include('Programa de Ação de Cuenca');
    expect(pt).to.include('Parágrafos sem tradução em dia, impressos no idioma de trabalho (Español): 6');
    expect(pt).to.include('OP1: Tradução desatualizada');
    expect(pt).to.include('PP2: Sem tradução');
    expect(pt).to.include('Reconhecendo a contribuição das pessoas migrantes');
    expect(pt).to.include(
      '[Tradução desatualizada: texto no idioma de trabalho (Español)] Acuerdan promover una migración ordenada, regular, segura y humana,',
    );
    expect(pt).to.include('[Sem tradução: texto no idioma de trabalho (Español)] Recordando el Compromiso');
    expect(pt).not.to.include('Acordam promover');
    // The working language's own text has nothing to mark.
    const es = await pdfText(organizer.agent, `${path}/text.pdf?lang=es`);
    expect(es).to.include('Acuerdan promover una migración ordenada, regular, segura y humana,');
    expect(es).not.to.include('Párrafos sin traducción');
    // The English one, with nothing translated, lists every paragraph and heading.
    const en = await pdfText(organizer.agent, `${path}/text.pdf?lang=en`);
    expect(en).to.include(
      'Paragraphs without an up-to-date translation, printed in the working language (Español): 7',
    );
    expect(en).to.include('“Acciones”: No translation');

    // Brought up to date, it is printed again.
    await translate(
      organizer.agent,
      path,
      'pt',
      op1.ref,
      'Acordam promover uma migração ordenada, regular, segura e humana,',
    );
    const updated = await pdfText(organizer.agent, `${path}/text.pdf?lang=pt`);
    expect(updated).to.include('Acordam promover uma migração ordenada, regular, segura e humana,');
    expect(updated).not.to.include('OP1: Tradução desatualizada');
  });

  it('keeps translations across a revision by the paragraph’s stable id; a frozen version prints its own text', async () => {
    const { organizer, path, paragraph } = await drafted();
    const op2 = await paragraph('OP', 2);
    await translate(
      organizer.agent,
      path,
      'en',
      op2.ref,
      'Invite States to exchange information on their migration policies,',
    );
    const csrf = csrfTokenIn((await organizer.agent.get(path)).text);
    const issued = await organizer.agent
      .post(`${path}/revision`)
      .type('form')
      .send({ _csrf: csrf, version: '1', confirmed: 'yes' });
    expect(issued.status, issued.text.slice(0, 2000)).to.equal(303);
    const page = (await organizer.agent.get(`${path}/translations/en`)).text;
    expect(page).to.include('Up to date: 1 · Out of date: 0 · Missing: 6');
    const rev1 = await pdfText(organizer.agent, `${path}/text.pdf?lang=en`);
    expect(rev1).to.include('Rev.1').and.include('Invite States to exchange information');
    const zero = await pdfText(organizer.agent, `${path}/text.pdf?lang=en&version=0`);
    expect(zero).to.include('Zero draft');
    expect((await organizer.agent.get(`${path}/text.pdf?lang=en&version=2`)).status).to.equal(404);
  });

  it('refuses bad input with a clear answer and stores nothing; markup is kept as text and escaped', async () => {
    const { organizer, event, path, outcomeId, paragraph } = await drafted();
    const op1 = await paragraph('OP', 1);
    const tooLong = await translate(organizer.agent, path, 'pt', op1.ref, 'a'.repeat(5001));
    expect(tooLong.status).to.equal(422);
    expect(tooLong.text).to.include(`href="#text-${op1.ref}"`);
    const empty = await translate(organizer.agent, path, 'pt', op1.ref, '   ');
    expect(empty.status).to.equal(422);
    const csrf = csrfTokenIn((await organizer.agent.get(path)).text);
    const badHash = await organizer.agent
      .post(`${path}/translations/pt/${op1.ref}`)
      .type('form')
      .send({ _csrf: csrf, sourceHash: 'x', text: 'Acordam' });
    expect(badHash.status).to.equal(422);
    const injected = await organizer.agent
      .post(`${path}/translations/pt/${op1.ref}`)
      .type('form')
      .send({ _csrf: csrf, sourceHash: '0'.repeat(64), text: 'Acordam', $where: '1' });
    expect(injected.status).to.equal(422);
    // The working language is not a translation; a language the event does not use is no page.
    expect((await organizer.agent.get(`${path}/translations/es`)).status).to.equal(404);
    expect((await organizer.agent.get(`${path}/translations/fr`)).status).to.equal(404);
    expect((await organizer.agent.get(`${path}/text.pdf?lang=fr`)).status).to.equal(422);
    // A paragraph of another document of the event, and of another event's document.
    const other = String((await postOutcome(organizer.agent, event.id)).headers['location']);
    await importThrough(organizer.agent, other, 'OP1. Otro texto.');
    const foreign = (await OutcomeParagraph.findOne({ documentId: other.split('/').pop() }).lean())!;
    const crossDocument = await organizer.agent
      .post(`${path}/translations/pt/${foreign.ref}`)
      .type('form')
      .send({ _csrf: csrf, sourceHash: '0'.repeat(64), text: 'Outro texto.' });
    expect(crossDocument.status).to.equal(404);
    const { event: elsewhere } = await createPlenary(organizer.actor, ['MX']);
    const crossEvent = await organizer.agent
      .post(`/admin/events/${elsewhere.id}/outcome/${outcomeId}/translations/pt/${op1.ref}`)
      .type('form')
      .send({ _csrf: csrf, sourceHash: '0'.repeat(64), text: 'Outro texto.' });
    expect(crossEvent.status).to.equal(404);
    expect(await OutcomeTranslation.countDocuments({})).to.equal(0);

    // Two translators saving the first translation of a paragraph at the same instant: one stored.
    const op2 = await paragraph('OP', 2);
    const both = await Promise.all(
      ['Convidam os Estados,', 'Convidam os Estados a trocar informações,'].map((text) =>
        translate(organizer.agent, path, 'pt', op2.ref, text),
      ),
    );
    expect(both.map((r) => r.status)).to.deep.equal([303, 303]);
    expect(await OutcomeTranslation.countDocuments({ ref: op2.ref })).to.equal(1);

    const markup = '<script>alert("x")</script> Acordam <b>promover</b>';
    expect((await translate(organizer.agent, path, 'pt', op1.ref, markup)).status).to.equal(303);
    const page = (await organizer.agent.get(`${path}/translations/pt`)).text;
    expect(page).to.include(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Acordam &lt;b&gt;promover&lt;/b&gt;',
    );
    expect(page).not.to.include('<script>alert');
    expect(await pdfText(organizer.agent, `${path}/text.pdf?lang=pt`)).to.include(markup);
  });

  it('lets viewers read the translations and the PDFs, not save them; the API lists and saves them', async () => {
    const { organizer, event, path, outcomeId, paragraph } = await drafted();
    const op1 = await paragraph('OP', 1);
    await translate(
      organizer.agent,
      path,
      'pt',
      op1.ref,
      'Acordam promover uma migração ordenada, regular e segura,',
    );
    const viewer = await signedInAs(foro.url, 'viewer');
    await viewer.agent.get('/admin?lang=en');
    const page = await viewer.agent.get(`${path}/translations/pt`);
    expect(page.status).to.equal(200);
    expect(page.text).to.include('Acordam promover uma migração').and.not.include('name="sourceHash"');
    const refused = await viewer.agent
      .post(`${path}/translations/pt/${op1.ref}`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), sourceHash: '0'.repeat(64), text: 'Outro' });
    expect(refused.status).to.equal(403);
    expect((await OutcomeTranslation.findOne({ ref: op1.ref }).lean())!.text).to.equal(
      'Acordam promover uma migração ordenada, regular e segura,',
    );
    expect((await pdfText(viewer.agent, `${path}/text.pdf?lang=pt`)).length).to.be.greaterThan(0);

    const api = `/api/v1/events/${event.id}/outcome/${outcomeId}/translations/pt`;
    const listed = await organizer.agent.get(api);
    expect(listed.status).to.equal(200);
    const items = (
      listed.body as { items: { ref: string; state: string; sourceHash: string; text?: string }[] }
    ).items;
    expect(items.find((i) => i.ref === op1.ref)).to.include({ state: 'current' });
    const op2 = (await paragraph('OP', 2)).ref;
    const put = await organizer.agent.put(`${api}/${op2}`).send({
      text: 'Convidam os Estados a trocar informações,',
      sourceHash: items.find((i) => i.ref === op2)!.sourceHash,
    });
    expect(put.status, JSON.stringify(put.body)).to.equal(200);
    expect(put.body).to.deep.equal({ ref: op2, state: 'current' });
    const stale = await organizer.agent
      .put(`${api}/${op2}`)
      .send({ text: 'Outro', sourceHash: 'f'.repeat(64) });
    expect(stale.body).to.deep.include({ state: 'outdated' });
    expect(
      (await viewer.agent.put(`${api}/${op2}`).send({ text: 'x', sourceHash: 'f'.repeat(64) })).status,
    ).to.equal(403);
  });
});
