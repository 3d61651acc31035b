import { expect } from 'chai';
import { binaryBody, readPdf } from '../support/pdf.js';
import { OutcomeParagraph, OutcomeProposal } from '../../src/modules/outcome/index.js';
import { openNegotiation } from '../factories/outcome.js';
import { useTestForo } from '../support/foro.js';

describe('outcome documents: the facilitator’s decisions on each paragraph', function () {
  this.timeout(120_000);
  const foro = useTestForo(import.meta.url, { env: { LINK_RATE_LIMIT_PER_ADDRESS: '10000' } });

  async function setUp() {
    const negotiation = await openNegotiation(foro);
    const { op1, path, focal } = negotiation;
    /** A focal point's proposal on OP1 (unless the fields say another paragraph): its id. */
    const propose = async (country: string, fields: Record<string, string>) =>
      (await focal(country)).proposed(fields);
    return { ...negotiation, propose, paragraphPath: `${path}/paragraphs/${op1.ref}` };
  }

  it('sets a paragraph’s status, shown and filtered in the compilation and told in the history', async () => {
    const { organizer, path, csrf, op1, paragraphPath } = await setUp();
    const set = await organizer.agent
      .post(`${paragraphPath}/status`)
      .type('form')
      .send({ _csrf: csrf, status: 'agreed-ad-referendum' });
    expect(set.status, set.text.slice(0, 300)).to.equal(303);
    expect((await OutcomeParagraph.findById(op1._id).lean())!.status).to.equal('agreed-ad-referendum');
    const filtered = (await organizer.agent.get(`${path}/compilation?status=agreed-ad-referendum`)).text;
    expect(filtered).to.include('OP1').and.include('(Agreed ad referendum)');
    expect(filtered).not.to.include('OP2');
    expect((await organizer.agent.get(path)).text).to.include(
      'set the status of OP1 of “Programa de Acción de Cuenca” to “Agreed ad referendum”.',
    );
    const bad = await organizer.agent
      .post(`${paragraphPath}/status`)
      .type('form')
      .send({ _csrf: csrf, status: { $gt: '' } });
    expect(bad.status).to.equal(422);
    expect((await OutcomeParagraph.findById(op1._id).lean())!.status).to.equal('agreed-ad-referendum');
  });

  it('accepts a proposal: the text becomes what it makes of it, the others on the paragraph stay open', async () => {
    const { organizer, csrf, op1, propose, paragraphPath, path } = await setUp();
    const ec = await propose('EC', { kind: 'replace', passage: 'ordenada', text: 'ordenada y humana' });
    const br = await propose('BR', { kind: 'insert', passage: 'segura', text: 'e inclusiva' });
    const page = (await organizer.agent.get(paragraphPath)).text;
    expect(page).to.include(`/accept/${ec}`).and.include(`/accept/${br}`);
    const accepted = await organizer.agent
      .post(`${paragraphPath}/accept/${ec}`)
      .type('form')
      .send({ _csrf: csrf });
    expect(accepted.status, accepted.text.slice(0, 300)).to.equal(303);
    expect((await OutcomeParagraph.findById(op1._id).lean())!.text).to.equal(
      'Acuerdan promover una migración ordenada y humana, regular y segura,',
    );
    expect((await OutcomeProposal.findById(ec).lean())!.state).to.equal('accepted');
    expect((await OutcomeProposal.findById(br).lean())!.state).to.equal('open');
    const again = await organizer.agent
      .post(`${paragraphPath}/accept/${ec}`)
      .type('form')
      .send({ _csrf: csrf });
    expect(again.status).to.equal(409);
    await organizer.agent.post(`${paragraphPath}/accept/${br}`).type('form').send({ _csrf: csrf });
    expect((await OutcomeParagraph.findById(op1._id).lean())!.text).to.equal(
      'Acuerdan promover una migración ordenada y humana, regular y segura e inclusiva,',
    );
    expect((await organizer.agent.get(path)).text).to.include(
      'accepted the proposal of Ecuador on OP1 of “Programa de Acción de Cuenca”.',
    );
  });

  it('accepts a new paragraph after another as “bis”, and a proposal of another paragraph is not found', async () => {
    const { organizer, csrf, outcomeId, propose, paragraphPath, path } = await setUp();
    const added = await propose('MX', { kind: 'add-after', text: 'Promueven la regularización migratoria.' });
    const op2 = (await OutcomeParagraph.findOne({ documentId: outcomeId, kind: 'OP', number: 2 }).lean())!;
    const wrong = await organizer.agent
      .post(`${path}/paragraphs/${op2.ref}/accept/${added}`)
      .type('form')
      .send({ _csrf: csrf });
    expect(wrong.status).to.equal(404);
    await organizer.agent.post(`${paragraphPath}/accept/${added}`).type('form').send({ _csrf: csrf });
    const bis = await OutcomeParagraph.findOne({
      documentId: outcomeId,
      kind: 'OP',
      number: 1,
      suffix: 1,
    }).lean();
    expect(bis?.text).to.equal('Promueven la regularización migratoria.');
  });

  it('applies a proposal once when two organizers accept it at the same instant: one 303, one 409', async () => {
    const { organizer, csrf, outcomeId, propose, paragraphPath } = await setUp();
    const added = await propose('MX', { kind: 'add-after', text: 'Promueven la regularización migratoria.' });
    const both = await Promise.all(
      [0, 1].map(() =>
        organizer.agent.post(`${paragraphPath}/accept/${added}`).type('form').send({ _csrf: csrf }),
      ),
    );
    expect(both.map((r) => r.status).sort()).to.deep.equal([303, 409]);
    const added1 = await OutcomeParagraph.countDocuments({
      documentId: outcomeId,
      text: 'Promueven la regularización migratoria.',
    });
    expect(added1, 'one new paragraph').to.equal(1);
  });

  it('writes a compromise text merging proposals; proposals of another paragraph are refused, nothing stored', async () => {
    const { organizer, csrf, op1, outcomeId, propose, paragraphPath, path } = await setUp();
    const ec = await propose('EC', { kind: 'replace', passage: 'ordenada', text: 'ordenada y humana' });
    const br = await propose('BR', { kind: 'replace', passage: 'segura', text: 'segura e inclusiva' });
    const op2 = (await OutcomeParagraph.findOne({ documentId: outcomeId, kind: 'OP', number: 2 }).lean())!;
    const other = await propose('MX', { kind: 'delete', paragraph: op2.ref });
    const text = 'Acuerdan promover una migración ordenada, humana, regular, segura e inclusiva,';
    const refused = await organizer.agent
      .post(`${paragraphPath}/compromise`)
      .type('form')
      .send({ _csrf: csrf, text, merges: [ec, other] });
    expect(refused.status).to.equal(422);
    expect((await OutcomeParagraph.findById(op1._id).lean())!.text).not.to.equal(text);
    const done = await organizer.agent
      .post(`${paragraphPath}/compromise`)
      .type('form')
      .send({ _csrf: csrf, text, merges: [ec, br] });
    expect(done.status, done.text.slice(0, 300)).to.equal(303);
    expect((await OutcomeParagraph.findById(op1._id).lean())!.text).to.equal(text);
    const states = await Promise.all(
      [ec, br, other].map(async (id) => (await OutcomeProposal.findById(id).lean())!),
    );
    expect(states.map((p) => `${p.country}:${p.state}`).sort()).to.deep.equal([
      'BR:merged',
      'EC:merged',
      'MX:open',
    ]);
    expect((await organizer.agent.get(path)).text).to.include(
      'wrote a compromise text for OP1 of “Programa de Acción de Cuenca” (merging: Ecuador, Brazil).',
    );
  });

  it('issues Rev.1 once even when two organizers confirm at once: the zero draft frozen, the text renumbered, ids kept', async () => {
    const { organizer, csrf, outcomeId, propose, paragraphPath, path } = await setUp();
    const added = await propose('MX', { kind: 'add-after', text: 'Promueven la regularización migratoria.' });
    const late = await propose('EC', { kind: 'replace', passage: 'ordenada', text: 'ordenada y humana' });
    await organizer.agent.post(`${paragraphPath}/accept/${added}`).type('form').send({ _csrf: csrf });
    const asked = await organizer.agent.post(`${path}/revision`).type('form').send({ _csrf: csrf });
    expect(asked.status).to.equal(200);
    expect(asked.text).to.include('Issue Rev.1?');
    const answers = await Promise.all(
      [0, 1].map(() =>
        organizer.agent.post(`${path}/revision`).type('form').send({ _csrf: csrf, confirmed: 'yes' }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).to.deep.equal([303, 409]);
    const rows = await OutcomeParagraph.find({ documentId: outcomeId }).lean();
    const of = (version: number) =>
      rows
        .filter((p) => p.versionKey === `${outcomeId}:${version}` && p.kind === 'OP')
        .sort((x, y) => x.position - y.position);
    expect(rows.some((p) => p.versionKey === `${outcomeId}:2`)).to.equal(false);
    expect(of(0).map((p) => `${p.number}.${p.suffix}`)).to.deep.equal(['1.0', '1.1', '2.0', '3.0']);
    expect(of(1).map((p) => `${p.number}.${p.suffix}`)).to.deep.equal(['1.0', '2.0', '3.0', '4.0']);
    expect(of(1).map((p) => p.ref)).to.deep.equal(of(0).map((p) => p.ref));
    expect(of(1)[1]!.text).to.equal('Promueven la regularización migratoria.');
    const page = (await organizer.agent.get(path)).text;
    expect(page).to.include('issued Rev.1 of “Programa de Acción de Cuenca”.');
    expect(page).to.include('OP2</strong> Promueven la regularización migratoria.');
    // A page drawn before the revision: the zero draft's proposal can no longer be decided on.
    const stale = await organizer.agent
      .post(`${paragraphPath}/accept/${late}`)
      .type('form')
      .send({ _csrf: csrf });
    expect(stale.status).to.equal(409);
    expect(stale.text).to.include('A later revision was issued');
    expect(of(0)[0]!.text).to.equal('Acuerdan promover una migración ordenada, regular y segura,');
    // Rev.1 is drafted in the page; the comparison shows the change word by word, escaped.
    const edited = await organizer.agent.post(paragraphPath).type('form').send({
      _csrf: csrf,
      text: 'Acuerdan promover una migración ordenada, regular y <b>segura</b>,',
    });
    expect(edited.status).to.equal(303);
    const compared = (await organizer.agent.get(`${path}/compare`)).text;
    expect(compared).to.include('Rev.1 compared with the zero draft');
    expect(compared).to.include('regular y <ins><b>&lt;b&gt;</b></ins>segura<ins><b>&lt;/b&gt;</b></ins>,');
    expect(compared).not.to.include('<b>segura</b>');
    // Against the zero draft as its round received it: the paragraph accepted in the round is new.
    expect(compared).to.include(
      'Promueven la regularización migratoria.</b></ins> <small lang="en">(new paragraph)</small>',
    );
    // The zero draft printed is the one circulated, without the paragraph accepted since.
    const zero = await organizer.agent
      .get(`${path}/text.pdf?lang=es&version=0`)
      .buffer(true)
      .parse(binaryBody);
    expect(zero.status).to.equal(200);
    const zeroText = (await readPdf(zero.body as Buffer)).text;
    expect(zeroText).to.include('ordenada, regular y segura').and.not.include('regularización migratoria');
    expect((await organizer.agent.get(`${path}/compare?to=7`)).status).to.equal(404);
    expect((await organizer.agent.get(`${path}/compare?to[$gt]=0`)).status).to.equal(422);
  });
});
