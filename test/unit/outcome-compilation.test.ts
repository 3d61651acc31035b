import { expect } from 'chai';
import {
  asMarkedText,
  compile,
  participantOrder,
  type CompilationWords,
  type CompiledItem,
  type CompiledProposal,
} from '../../src/modules/outcome/compilation.js';

const words: CompilationWords = {
  language: 'es',
  supportedBy: 'apoyan',
  objectedBy: 'objetan',
  deleteParagraph: 'suprimir el párrafo',
  newParagraph: (label) => `Nuevo párrafo tras ${label}`,
};

const op1: CompiledItem = {
  ref: 'p1',
  kind: 'OP',
  label: 'OP1',
  text: 'Acuerdan promover una migración ordenada, regular y segura.',
};

const proposal = (fields: Partial<CompiledProposal>): CompiledProposal => ({
  id: Math.random().toString(36),
  paragraphRef: 'p1',
  kind: 'replace',
  supporters: [],
  objectors: [],
  ...fields,
});

const text = (proposals: CompiledProposal[], items = [op1]) =>
  compile(items, proposals, words).map(asMarkedText);

describe('outcome: the compilation text in the negotiating convention', () => {
  it('orders states as the participant list does: Spanish alphabetical order of short names', () => {
    expect(participantOrder(['PT', 'ES', 'DO', 'PE', 'PA', 'BR', 'EC'])).to.deep.equal([
      'BR',
      'EC',
      'ES',
      'PA',
      'PE',
      'PT',
      'DO',
    ]);
  });

  it('shows a replacement in brackets, deletion struck through and insertion in bold, with its state, supporters and objectors', () => {
    const p = proposal({
      country: 'MX',
      passage: 'ordenada, regular y segura',
      text: 'ordenada, regular, segura y humana',
      supporters: ['UY', 'AR', 'EC'],
      objectors: ['ES'],
    });
    expect(text([p])).to.deep.equal([
      'OP1 Acuerdan promover una migración [~~ordenada, regular y segura~~ **ordenada, regular, segura y humana**' +
        ' (México; apoyan: Argentina, Ecuador, Uruguay; objetan: España)].',
    ]);
  });

  it('places insertions after their words (or at the end) and keeps two proposals on different words apart', () => {
    const insert = proposal({ kind: 'insert', country: 'BR', passage: 'promover', text: 'y proteger' });
    const atEnd = proposal({ kind: 'insert', country: 'CL', text: 'en todas sus etapas' });
    const replace = proposal({ country: 'CO', passage: 'segura', text: 'segura para todos' });
    expect(text([atEnd, replace, insert])).to.deep.equal([
      'OP1 Acuerdan promover [**y proteger** (Brasil)] una migración ordenada, regular y ' +
        '[~~segura~~ **segura para todos** (Colombia)]. [**en todas sus etapas** (Chile)]',
    ]);
  });

  it('puts a second proposal on the same words after the paragraph as an alternative, and a deletion at the end', () => {
    const first = proposal({ country: 'PE', passage: 'ordenada', text: 'ordenada y digna' });
    const second = proposal({
      country: 'PT',
      passage: 'ordenada, regular',
      text: 'regular',
      objectors: ['PE'],
    });
    const remove = proposal({ kind: 'delete', country: 'VE', supporters: ['CU', 'BO'] });
    expect(text([first, second, remove])).to.deep.equal([
      'OP1 Acuerdan promover una migración [~~ordenada~~ **ordenada y digna** (Perú)], regular y segura.' +
        ' [~~ordenada, regular~~ **regular** (Portugal; objetan: Perú)]' +
        ' [~~suprimir el párrafo~~ (Venezuela; apoyan: Bolivia, Cuba)]',
    ]);
  });

  it('adds a proposed new paragraph after the one it follows, and names observers after states', () => {
    const section: CompiledItem = { ref: 's1', kind: 'section', label: '', text: 'Acciones' };
    const added = proposal({ kind: 'add-after', observerName: 'OIM', text: 'Invitan a la OIM a <apoyar>.' });
    expect(text([added], [section, op1])).to.deep.equal([
      'Acciones',
      'OP1 Acuerdan promover una migración ordenada, regular y segura.',
      'Nuevo párrafo tras OP1 [**Invitan a la OIM a <apoyar>.** (OIM)]',
    ]);
  });
});
