import { expect } from 'chai';
import { OutcomeDocument, OutcomeParagraph } from '../../src/modules/outcome/index.js';
import { AuditEntry } from '../../src/modules/audit/audit.model.js';
import { createPublishedEvent } from '../factories/events.js';
import { createPanel } from '../factories/invitations.js';
import { importThrough, postOutcome, ZERO_DRAFT } from '../factories/outcome.js';
import { useTestForo } from '../support/foro.js';
import { csrfTokenIn, signedInAs } from '../support/http.js';

describe('outcome documents: drafting the text in the page or from an imported draft', function () {
  this.timeout(120_000);
  const foro = useTestForo(import.meta.url);

  async function setUp() {
    const organizer = await signedInAs(foro.url, 'organizer');
    await organizer.agent.get('/admin?lang=en');
    const { event } = await createPanel(organizer.actor);
    const created = await postOutcome(organizer.agent, event.id);
    expect(created.status, created.text.slice(0, 300)).to.equal(303);
    const path = String(created.headers['location']);
    return { organizer, event, path, outcomeId: path.split('/').pop()! };
  }

  const paragraphs = async (outcomeId: string) =>
    (await OutcomeParagraph.find({ documentId: outcomeId }).lean()).sort((a, b) => a.position - b.position);

  it('imports a Markdown draft only after showing it numbered, and keeps its sections and paragraphs', async () => {
    const { organizer, path, outcomeId } = await setUp();
    const { preview, saved } = await importThrough(organizer.agent, path, ZERO_DRAFT);
    expect(preview.status).to.equal(200);
    expect(preview.text).to.include('<strong>PP2</strong> Recordando el Compromiso de Montevideo');
    expect(preview.text).to.include('<strong>OP3</strong> Solicitan a la Secretaría');
    expect(saved.status, saved.text.slice(0, 300)).to.equal(303);
    const stored = await paragraphs(outcomeId);
    expect(stored.map((p) => `${p.kind}${p.kind === 'section' ? '' : p.number}`)).to.deep.equal([
      'section',
      'PP1',
      'PP2',
      'section',
      'OP1',
      'OP2',
      'OP3',
    ]);
    const page = await organizer.agent.get(path);
    expect(page.text).to.include('<strong>OP2</strong> Invitan a los Estados');
    expect(page.text).to.include('imported 7 blocks into “Programa de Acción de Cuenca”');
  });

  it('saves nothing when the text sent to be saved is not the one previewed: it is shown again', async () => {
    const { organizer, path, outcomeId } = await setUp();
    const page = await organizer.agent.get(`${path}/import`);
    const res = await organizer.agent
      .post(`${path}/import`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(page.text),
        source: 'OP1. Uno.',
        firstKind: 'OP',
        step: 'save',
        previewed: 'f'.repeat(64),
      });
    expect(res.status).to.equal(200);
    expect(res.text).to.include('Preview: 1 blocks');
    expect(await OutcomeParagraph.countDocuments({ documentId: outcomeId })).to.equal(0);
  });

  it('shows a paragraph added between OP3 and OP4 as OP3 bis, and a link to a paragraph keeps pointing at it', async () => {
    const { organizer, path, outcomeId } = await setUp();
    await importThrough(organizer.agent, path, 'OP1. Uno.\n\nDos.\n\nTres.\n\nCuatro.');
    const op3 = (await paragraphs(outcomeId))[2]!;
    const op4 = (await paragraphs(outcomeId))[3]!;
    const csrf = csrfTokenIn((await organizer.agent.get(path)).text);
    const added = await organizer.agent
      .post(`${path}/paragraphs`)
      .type('form')
      .send({ _csrf: csrf, kind: 'OP', after: op3.ref, text: 'Tres y medio.' });
    expect(added.status, added.text.slice(0, 300)).to.equal(303);
    const page = await organizer.agent.get(path);
    expect(page.text).to.match(
      /<strong>OP3<\/strong> Tres\.[\s\S]*<strong>OP3 bis<\/strong> Tres y medio\.[\s\S]*<strong>OP4<\/strong> Cuatro\./,
    );
    const own = await organizer.agent.get(`${path}/paragraphs/${op4.ref}`);
    expect(own.status).to.equal(200);
    expect(own.text).to.include('<h1>OP4</h1>');
  });

  it('keeps both of two paragraphs added at the same place at once, with different numbers', async () => {
    const { organizer, path, outcomeId } = await setUp();
    await importThrough(organizer.agent, path, 'OP1. Uno.\n\nDos.');
    const op1 = (await paragraphs(outcomeId))[0]!;
    const csrf = csrfTokenIn((await organizer.agent.get(path)).text);
    const add = (text: string) =>
      organizer.agent
        .post(`${path}/paragraphs`)
        .type('form')
        .send({ _csrf: csrf, kind: 'OP', after: op1.ref, text });
    const answers = await Promise.all([add('Primero bis.'), add('Otro bis.')]);
    expect(answers.map((a) => a.status)).to.deep.equal([303, 303]);
    const slots = (await paragraphs(outcomeId)).map((p) => `${p.number}.${p.suffix}`);
    expect(new Set(slots).size).to.equal(4);
    expect(slots.filter((s) => s.startsWith('1.'))).to.have.length(3);
  });

  it('changes and deletes a paragraph (after a confirmation), each in the history; escapes markup', async () => {
    const { organizer, path, outcomeId } = await setUp();
    await importThrough(organizer.agent, path, 'PP1. Uno.\n\nDos.');
    const [pp1, pp2] = await paragraphs(outcomeId);
    const csrf = csrfTokenIn((await organizer.agent.get(path)).text);
    const edited = await organizer.agent
      .post(`${path}/paragraphs/${pp1!.ref}`)
      .type('form')
      .send({ _csrf: csrf, text: 'Uno <script>alert(1)</script>.' });
    expect(edited.status).to.equal(303);
    const asked = await organizer.agent
      .post(`${path}/paragraphs/${pp2!.ref}/remove`)
      .type('form')
      .send({ _csrf: csrf });
    expect(asked.status).to.equal(200);
    expect(asked.text).to.include('Delete PP2 from the draft?');
    expect(await OutcomeParagraph.countDocuments({ documentId: outcomeId })).to.equal(2);
    const removed = await organizer.agent
      .post(`${path}/paragraphs/${pp2!.ref}/remove`)
      .type('form')
      .send({ _csrf: csrf, confirmed: 'yes' });
    expect(removed.status).to.equal(303);
    expect(await OutcomeParagraph.countDocuments({ documentId: outcomeId })).to.equal(1);
    const page = await organizer.agent.get(path);
    expect(page.text).to.include('Uno &lt;script&gt;alert(1)&lt;/script&gt;.');
    expect(page.text).not.to.include('<script>alert(1)');
    expect(page.text).to.include('changed PP1 of “Programa de Acción de Cuenca”');
    expect(page.text).to.include('deleted PP2 from “Programa de Acción de Cuenca”');
    const actions = (await AuditEntry.find({ subjectId: outcomeId }).lean()).map((e) => e.action).sort();
    expect(actions).to.deep.equal([
      'outcome.created',
      'outcome.imported',
      'outcome.paragraph-removed',
      'outcome.paragraph-updated',
    ]);
  });

  it('refuses bad input with 4xx and stores nothing: oversize, unknown fields, operators, another document’s paragraph', async () => {
    const { organizer, event, path, outcomeId } = await setUp();
    const other = String((await postOutcome(organizer.agent, event.id)).headers['location']);
    await importThrough(organizer.agent, other, 'OP1. Ajeno.');
    const foreign = (await OutcomeParagraph.findOne({ documentId: other.split('/').pop() }).lean())!;
    const csrf = csrfTokenIn((await organizer.agent.get(path)).text);
    const post = (body: object) =>
      organizer.agent
        .post(`${path}/paragraphs`)
        .type('form')
        .send({ _csrf: csrf, ...body });
    expect((await post({ kind: 'OP', text: 'x'.repeat(5001) })).status).to.equal(422);
    expect((await post({ kind: 'OP', text: 'Uno.', extra: '1' })).status).to.equal(422);
    expect((await post({ kind: 'OP', 'text[$gt]': '' })).status).to.equal(422);
    expect((await post({ kind: 'XX', text: 'Uno.' })).status).to.equal(422);
    expect((await post({ kind: 'OP', text: 'Uno.', after: foreign.ref })).status).to.equal(422);
    expect((await organizer.agent.get(`${path}/paragraphs/${foreign.ref}`)).status).to.equal(404);
    expect(await OutcomeParagraph.countDocuments({ documentId: outcomeId })).to.equal(0);
    const longImport = await importThrough(organizer.agent, path, `Uno.\n\n${'y'.repeat(5001)}`);
    expect(longImport.preview.status).to.equal(422);
    expect(longImport.preview.text).to.include('Block 2 is too long');
    expect(await OutcomeParagraph.countDocuments({ documentId: outcomeId })).to.equal(0);
  });

  it('lets a viewer read the text but not change it, and another event’s document is not found', async () => {
    const { organizer, path } = await setUp();
    await importThrough(organizer.agent, path, 'OP1. Uno.');
    const viewer = await signedInAs(foro.url, 'viewer');
    const read = await viewer.agent.get(`${path}?lang=en`);
    expect(read.status).to.equal(200);
    expect(read.text).to.include('Uno.');
    expect(read.text).not.to.include('Add a paragraph');
    expect((await viewer.agent.get(`${path}/import`)).status).to.equal(403);
    const second = await createPublishedEvent({ slug: 'otro-foro' }, organizer.actor);
    const moved = path.replace(/events\/[a-f0-9]+/, `events/${second.id}`);
    expect((await organizer.agent.get(moved)).status).to.equal(404);
    expect(await OutcomeDocument.countDocuments()).to.equal(1);
  });
});
