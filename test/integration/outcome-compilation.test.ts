import { expect } from 'chai';
import { OutcomeParagraph, OutcomeProposal } from '../../src/modules/outcome/index.js';
import { openNegotiation } from '../factories/outcome.js';
import { useTestForo } from '../support/foro.js';
import { csrfTokenIn } from '../support/http.js';
import { binaryBody, readPdf } from '../support/pdf.js';

describe('outcome documents: the compilation text (page, PDF and API) with its filters', function () {
  this.timeout(120_000);
  const foro = useTestForo(import.meta.url, { env: { LINK_RATE_LIMIT_PER_ADDRESS: '10000' } });

  /** A round on "OP1 Acuerdan promover una migración ordenada." with proposals of Ecuador and Brazil. */
  async function compiled() {
    const negotiation = await openNegotiation(foro, {
      countries: ['EC', 'BR', 'MX', 'AR'],
      language: 'es',
      source: 'OP1. Acuerdan promover una migración ordenada.\n\nOP2. Solicitan informes.',
    });
    const { focal } = negotiation;
    const ec = await (
      await focal('EC')
    ).proposed({ kind: 'replace', passage: 'ordenada', text: 'ordenada y segura' });
    const br = await focal('BR');
    await br.proposed({ kind: 'insert', text: 'em todas as etapas', language: 'pt' });
    await (await focal('MX')).stance(ec, 'support');
    return { ...negotiation, br };
  }

  it('shows each proposal in brackets where it applies, attributed, with its supporters', async () => {
    const { organizer, path } = await compiled();
    const page = await organizer.agent.get(`${path}/compilation`);
    expect(page.status).to.equal(200);
    const text = page.text.replace(/<\/?(ins|b|del|strong)>/g, '|');
    expect(text).to.include(
      'Acuerdan promover una migración [|ordenada| ||ordenada y segura|| (Ecuador; apoyan: México)]. [||em todas as etapas|| (Brasil)]',
    );
    const api = await organizer.agent.get(
      `/api/v1/events/${path.split('/')[3]}/outcome/${path.split('/').pop()}/compilation`,
    );
    expect(api.status).to.equal(200);
    const marked = (api.body as { lines: { marked: string }[] }).lines.map((l) => l.marked);
    expect(marked).to.deep.equal([
      'OP1 Acuerdan promover una migración [~~ordenada~~ **ordenada y segura** (Ecuador; apoyan: México)]. [**em todas as etapas** (Brasil)]',
      'OP2 Solicitan informes.',
    ]);
  });

  it('filters by delegation and by open proposals, and a withdrawn proposal leaves the compilation', async () => {
    const { organizer, path, br } = await compiled();
    const onlyBrazil = (await organizer.agent.get(`${path}/compilation?delegation=BR`)).text;
    expect(onlyBrazil).to.include('em todas as etapas').and.not.include('ordenada y segura');
    expect(onlyBrazil).not.to.include('Solicitan informes');
    const open = (await organizer.agent.get(`${path}/compilation?open=yes`)).text;
    expect(open).not.to.include('Solicitan informes');
    expect((await organizer.agent.get(`${path}/compilation?status=agreed`)).text).not.to.include('OP1');
    expect((await organizer.agent.get(`${path}/compilation?delegation=XX`)).status).to.equal(422);
    expect((await organizer.agent.get(`${path}/compilation?other=1`)).status).to.equal(422);
    const proposal = (await OutcomeProposal.findOne({ country: 'BR' }).lean())!;
    const csrf = csrfTokenIn((await br.focal.get(br.page)).text);
    await br.focal
      .post(`${br.page}/proposals/${String(proposal._id)}/withdraw`)
      .type('form')
      .send({ _csrf: csrf, confirmed: 'yes' });
    expect((await organizer.agent.get(`${path}/compilation`)).text).not.to.include('em todas as etapas');
  });

  it('prints the compilation as a PDF in the language asked, with the brackets and the states', async () => {
    const { organizer, path } = await compiled();
    const res = await organizer.agent.get(`${path}/compilation.pdf?lang=en`).buffer(true).parse(binaryBody);
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.equal('application/pdf');
    const pdf = await readPdf(res.body as Buffer);
    // The reader puts each run (bold, struck, plain) on a line of its own.
    const text = pdf.text.replace(/\s+/g, ' ').replace(/\[ /g, '[');
    expect(text).to.include('Compilation text');
    expect(text).to.include('[ordenada ordenada y segura (Ecuador; supported by: Mexico)]');
    expect(text).to.include('[em todas as etapas (Brazil)]');
  });
  it('prints each paragraph’s status in the compilation PDF, pending ones too', async () => {
    const { organizer, path, outcomeId } = await compiled();
    const op1 = (await OutcomeParagraph.findOne({ documentId: outcomeId, number: 1 }).lean())!;
    const csrf = csrfTokenIn((await organizer.agent.get(path)).text);
    const set = await organizer.agent
      .post(`${path}/paragraphs/${op1.ref}/status`)
      .type('form')
      .send({ _csrf: csrf, status: 'agreed-ad-referendum' });
    expect(set.status).to.equal(303);
    const res = await organizer.agent.get(`${path}/compilation.pdf?lang=en`).buffer(true).parse(binaryBody);
    const text = (await readPdf(res.body as Buffer)).text.replace(/\s+/g, ' ');
    expect(text).to.include('(Brazil)] (Agreed ad referendum)');
    expect(text).to.include('OP2 Solicitan informes. (Pending)');
    const spanish = await organizer.agent
      .get(`${path}/compilation.pdf?lang=es`)
      .buffer(true)
      .parse(binaryBody);
    expect((await readPdf(spanish.body as Buffer)).text.replace(/\s+/g, ' ')).to.include(
      'Solicitan informes. (Pendiente)',
    );
  });
});
