import { expect } from 'chai';
import { OutcomeParagraph, OutcomeProposal, OutcomeStance } from '../../src/modules/outcome/index.js';
import { importThrough, openNegotiation, postOutcome } from '../factories/outcome.js';
import { useTestForo } from '../support/foro.js';

describe('outcome documents: rounds of amendments, proposals, support and objections', function () {
  this.timeout(120_000);
  const foro = useTestForo(import.meta.url, { env: { LINK_RATE_LIMIT_PER_ADDRESS: '10000' } });

  /** The zero draft in a round; each focal point's proposal starts as "ordenada" → "ordenada y humana" on OP1. */
  const setUp = (round: Record<string, string> = {}) =>
    openNegotiation(foro, {
      round,
      proposal: { kind: 'replace', passage: 'ordenada', text: 'ordenada y humana' },
    });

  it('keeps both of two proposals made on one paragraph at the same instant, each attributed to its state', async () => {
    const { focal, outcomeId, path, organizer } = await setUp();
    const [ec, br] = [await focal('EC'), await focal('BR')];
    const [a, b] = await Promise.all([
      ec.propose({ text: 'ordenada, regular y humana' }),
      br.propose({ text: 'ordenada e humana', language: 'pt' }),
    ]);
    expect([a.status, b.status]).to.deep.equal([303, 303]);
    const stored = await OutcomeProposal.find({ documentId: outcomeId }).lean();
    expect(stored.map((p) => `${p.country}:${p.language}`).sort()).to.deep.equal(['BR:pt', 'EC:es']);
    const page = (await organizer.agent.get(path)).text;
    expect(page).to.include('Brazil').and.include('Ecuador');
    expect(page).to.include('ordenada e humana');
    expect(page).to.include('made a proposal on OP1 of “Programa de Acción de Cuenca” (Brazil)');
    expect(page).to.include(
      'opened the round of amendments on “Programa de Acción de Cuenca” until 5 Apr 2008, 18:00 (GMT-5)',
    );
  });

  it('stores one proposal when the same form is sent twice (a double click)', async () => {
    const { focal, outcomeId } = await setUp();
    const ec = await focal('EC');
    const form = await ec.form();
    const answers = await Promise.all([ec.propose({}, form), ec.propose({}, form)]);
    expect(answers.map((r) => r.status)).to.deep.equal([303, 303]);
    expect(await OutcomeProposal.countDocuments({ documentId: outcomeId })).to.equal(1);
  });

  it('lets a delegation support or object to another’s proposal, never its own, and withdraw only its own (404 for another’s)', async () => {
    const { focal, outcomeId } = await setUp();
    const [ec, br] = [await focal('EC'), await focal('BR')];
    await ec.propose({});
    const proposal = (await OutcomeProposal.findOne({ documentId: outcomeId }).lean())!;
    const id = String(proposal._id);
    const { csrf } = await br.form();
    expect((await br.stance(id, 'object', csrf)).status).to.equal(303);
    expect((await br.stance(id, 'support', csrf)).status).to.equal(303);
    const stances = await OutcomeStance.find({ proposalId: id }).lean();
    expect(stances.map((s) => `${s.country}:${s.stance}`)).to.deep.equal(['BR:support']);
    const ecForm = await ec.form();
    expect((await ec.stance(id, 'support', ecForm.csrf)).status).to.equal(409);
    const stolen = await br.focal
      .post(`${br.page}/proposals/${id}/withdraw`)
      .type('form')
      .send({ _csrf: csrf, confirmed: 'yes' });
    expect(stolen.status).to.equal(404);
    const asked = await ec.focal
      .post(`${ec.page}/proposals/${id}/withdraw`)
      .type('form')
      .send({ _csrf: ecForm.csrf });
    expect(asked.status).to.equal(200);
    expect((await OutcomeProposal.findById(id).lean())!.state).to.equal('open');
    const done = await ec.focal
      .post(`${ec.page}/proposals/${id}/withdraw`)
      .type('form')
      .send({ _csrf: ecForm.csrf, confirmed: 'yes' });
    expect(done.status).to.equal(303);
    expect((await OutcomeProposal.findById(id).lean())!.state).to.equal('withdrawn');
  });

  it('refuses proposals after the deadline or once the round is closed, saying so in the focal point’s language', async () => {
    const { focal, outcomeId, organizer, path, csrf } = await setUp();
    const br = await focal('BR');
    const form = await br.form('pt');
    foro.clock.set('2008-04-05T23:00:01Z');
    const late = await br.propose({}, form);
    expect(late.status).to.equal(409);
    expect(late.text).to.include('O prazo desta rodada de emendas venceu');
    // Oral proposals are taken until the team closes the round, then not.
    const paragraph = (await OutcomeParagraph.findOne({ documentId: outcomeId, kind: 'OP' }).lean())!;
    const sendOral = (key: string) =>
      organizer.agent.post(`${path}/proposals`).type('form').send({
        _csrf: csrf,
        key,
        delegationId: br.id,
        paragraph: paragraph.ref,
        kind: 'delete',
        language: 'es',
      });
    expect((await sendOral('oral-proposal-key-1')).status).to.equal(303);
    const closed = await organizer.agent
      .post(`${path}/round/close`)
      .type('form')
      .send({ _csrf: csrf, confirmed: 'yes' });
    expect(closed.status).to.equal(303);
    expect((await sendOral('oral-proposal-key-2')).status).to.equal(409);
    const stored = await OutcomeProposal.find({ documentId: outcomeId }).lean();
    expect(stored.map((p) => `${p.country}:${p.oral}:${p.kind}`)).to.deep.equal(['BR:true:delete']);
  });

  it('takes observers’ proposals only when the organizer allows them, marked as such', async () => {
    const closed = await setUp();
    const us = await closed.focal('US');
    const refused = await us.propose({});
    expect(refused.status).to.equal(409);
    expect(refused.text).to.include('The organizers have not opened this round to proposals from observers');
    const open = await setUp({ observersMayPropose: 'yes' });
    const observer = await open.focal('US');
    expect((await observer.propose({})).status).to.equal(303);
    const stored = (await OutcomeProposal.findOne({ documentId: open.outcomeId }).lean())!;
    expect(stored.observer).to.equal(true);
    expect((await open.organizer.agent.get(open.path)).text).to.include('(observer)');
  });

  it('refuses bad input with 4xx and stores nothing; markup is stored as text and shown escaped', async () => {
    const { focal, outcomeId, organizer, event } = await setUp();
    const ec = await focal('EC');
    const otherPath = String((await postOutcome(organizer.agent, event.id)).headers['location']);
    await importThrough(organizer.agent, otherPath, 'OP1. Ajeno.');
    const foreign = (await OutcomeParagraph.findOne({ documentId: otherPath.split('/').pop() }).lean())!;
    expect((await ec.propose({ text: 'x'.repeat(5001) })).status).to.equal(422);
    expect((await ec.propose({ paragraph: foreign.ref })).status).to.equal(422);
    expect((await ec.propose({ passage: 'no está' })).status).to.equal(422);
    expect((await ec.propose({ extra: '1' })).status).to.equal(422);
    expect((await ec.propose({ kind: 'insert', text: '' })).status).to.equal(422);
    expect((await ec.propose({ 'text[$gt]': '' })).status).to.equal(422);
    expect(await OutcomeProposal.countDocuments()).to.equal(0);
    expect(
      (await ec.propose({ kind: 'add-after', passage: '', text: '<script>alert(1)</script> nuevo' })).status,
    ).to.equal(303);
    expect(await OutcomeProposal.countDocuments({ documentId: outcomeId })).to.equal(1);
    const page = (await ec.focal.get(ec.page)).text;
    expect(page).to.include('&lt;script&gt;alert(1)&lt;/script&gt; nuevo');
    expect(page).not.to.include('<script>alert(1)');
  });
});
