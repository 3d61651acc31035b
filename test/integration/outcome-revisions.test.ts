import { expect } from 'chai';
import {
  getOutcome,
  OutcomeDocument,
  OutcomeParagraph,
  OutcomeRound,
} from '../../src/modules/outcome/index.js';
import { copiesInto } from '../../src/modules/outcome/revision.finish.js';
import { OutcomeVersion } from '../../src/modules/outcome/outcome.model.js';
import { toParagraphView } from '../../src/modules/outcome/outcome.views.js';
import { openNegotiation } from '../factories/outcome.js';
import { useTestForo } from '../support/foro.js';
import { binaryBody, readPdf } from '../support/pdf.js';

describe('outcome documents: revisions compared in a PDF, and a revision cut short by a crash finished', function () {
  this.timeout(120_000);
  const foro = useTestForo(import.meta.url);

  async function drafted() {
    const { organizer, event, path, outcomeId, csrf } = await openNegotiation(foro, {
      countries: ['EC', 'BR'],
      round: false,
    });
    const rows = async (version: number) =>
      (await OutcomeParagraph.find({ versionKey: `${outcomeId}:${version}` }).lean()).sort(
        (a, b) => a.position - b.position,
      );
    return { organizer, event, path, outcomeId, csrf, rows };
  }

  /** What a process that died right after claiming Rev.1 and copying `copied` paragraphs leaves behind. */
  async function crashedWhileIssuing(outcomeId: string, eventId: string, copied: number) {
    await OutcomeVersion.create({
      _id: `${outcomeId}:1`,
      eventId,
      documentId: outcomeId,
      version: 1,
      issuedAt: new Date('2008-04-01T12:00:00Z'),
      issuedBy: 'organizer@example.org',
    });
    const zero = (await OutcomeParagraph.find({ versionKey: `${outcomeId}:0` }).lean()).map(toParagraphView);
    // The rows the issuing process writes, as it writes them: the first `copied` of them.
    await OutcomeParagraph.insertMany(copiesInto({ id: outcomeId, eventId }, 1, zero).slice(0, copied));
  }

  it('prints “Rev.1 compared with the zero draft”: changed words, a paragraph deleted, with its legend', async () => {
    const { organizer, path, csrf, rows } = await drafted();
    const issued = await organizer.agent
      .post(`${path}/revision`)
      .type('form')
      .send({ _csrf: csrf, version: '1', confirmed: 'yes' });
    expect(issued.status).to.equal(303);
    const [, , , , op1, op2] = await rows(1);
    await organizer.agent.post(`${path}/paragraphs/${op1!.ref}`).type('form').send({
      _csrf: csrf,
      text: 'Acuerdan promover una migración ordenada, regular, segura y <b>humana</b>,',
    });
    await organizer.agent
      .post(`${path}/paragraphs/${op2!.ref}/remove`)
      .type('form')
      .send({ _csrf: csrf, confirmed: 'yes' });
    const page = (await organizer.agent.get(`${path}/compare`)).text;
    expect(page).to.include(`${path}/compare.pdf?from=0&amp;to=1`);
    const res = await organizer.agent
      .get(`${path}/compare.pdf?from=0&to=1&lang=en`)
      .buffer(true)
      .parse(binaryBody);
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.equal('application/pdf');
    const pdf = await readPdf(res.body as Buffer);
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).to.include('Cuenca Programme of Action');
    expect(text).to.include('Rev.1 compared with the zero draft');
    expect(text).to.include('Words inserted in bold, words deleted struck through');
    // One flow per paragraph: the label, kept, deleted and inserted words on the same line.
    expect(text).to.include(
      'OP1 Acuerdan promover una migración ordenada, regular y , segura y <b>humana</b> ,',
    );
    const at = (words: string) => pdf.items.find((item) => item.text.includes(words))!.top;
    expect(Math.abs(at('OP1') - at('<b>humana</b>'))).to.be.below(1);
    expect(text).to.include(
      'Invitan a los Estados a intercambiar información sobre sus políticas migratorias, (paragraph deleted)',
    );
    expect((await organizer.agent.get(`${path}/compare.pdf?to=5`)).status).to.equal(404);
    expect((await organizer.agent.get(`${path}/compare.pdf?lang=xx`)).status).to.equal(422);
  });

  it('finishes a revision whose issuing died half-way when the document is next read: every paragraph once, the document moved on', async () => {
    const { event, outcomeId, rows } = await drafted();
    const zero = await rows(0);
    await OutcomeParagraph.updateOne({ _id: zero[4]!._id }, { $set: { status: 'agreed' } });
    await OutcomeRound.create({
      _id: `${outcomeId}:0`,
      eventId: event.id,
      documentId: outcomeId,
      version: 0,
      openedAt: new Date('2008-04-01T10:00:00Z'),
      openedBy: 'organizer@example.org',
      deadline: new Date('2008-04-05T23:00:00Z'),
      observersMayPropose: false,
    });
    await OutcomeDocument.updateOne({ _id: outcomeId }, { $set: { state: 'round-open' } });
    await crashedWhileIssuing(outcomeId, event.id, 3);
    expect((await OutcomeDocument.findById(outcomeId).lean())!.currentVersion).to.equal(0);

    const read = await getOutcome(event.id, outcomeId);
    expect(read).to.include({ currentVersion: 1, state: 'drafting' });
    expect((await OutcomeDocument.findById(outcomeId).lean())!).to.include({
      currentVersion: 1,
      state: 'drafting',
    });
    const rev1 = await rows(1);
    expect(rev1.map((p) => p.ref)).to.deep.equal(zero.map((p) => p.ref));
    expect(rev1.map((p) => `${p.kind}${p.number}`)).to.deep.equal([
      'section0',
      'PP1',
      'PP2',
      'section0',
      'OP1',
      'OP2',
      'OP3',
    ]);
    expect(rev1[4]!.status).to.equal('agreed');
    expect((await OutcomeRound.findById(`${outcomeId}:0`).lean())!.closedAt).to.be.instanceOf(Date);
    // Reading again changes nothing.
    await getOutcome(event.id, outcomeId);
    expect(await OutcomeParagraph.countDocuments({ versionKey: `${outcomeId}:1` })).to.equal(7);
  });

  it('a second request to issue the revision cut short finishes it and issues nothing more; two readers at once copy each paragraph once', async () => {
    const { organizer, event, path, outcomeId, csrf, rows } = await drafted();
    await crashedWhileIssuing(outcomeId, event.id, 0);
    // The organizer, told of a failure, confirms "Issue Rev.1" again from the page drawn before it.
    const again = await organizer.agent
      .post(`${path}/revision`)
      .type('form')
      .send({ _csrf: csrf, version: '1', confirmed: 'yes' });
    expect(again.status).to.equal(409);
    expect(again.text).to.include('Someone issued the next revision meanwhile.');
    expect((await rows(1)).length).to.equal(7);
    expect(await OutcomeParagraph.countDocuments({ versionKey: `${outcomeId}:2` })).to.equal(0);
    expect((await OutcomeDocument.findById(outcomeId).lean())!.currentVersion).to.equal(1);

    const second = await drafted();
    await crashedWhileIssuing(second.outcomeId, second.event.id, 2);
    const both = await Promise.all([0, 1, 2].map(() => getOutcome(second.event.id, second.outcomeId)));
    expect(both.map((o) => o.currentVersion)).to.deep.equal([1, 1, 1]);
    const copied = await second.rows(1);
    expect(copied.length).to.equal(7);
    expect(new Set(copied.map((p) => p.ref)).size).to.equal(7);
  });
});
