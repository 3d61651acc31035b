import { expect } from 'chai';
import {
  labelOf,
  renumbered,
  slotAfter,
  slotsAppended,
  type ItemKind,
  type Slot,
} from '../../src/modules/outcome/numbering.js';
import { readDraft } from '../../src/modules/outcome/text-import.js';
import { ValidationError } from '../../src/shared/errors.js';

const draft = (...kinds: ItemKind[]): Slot[] => {
  const items: Slot[] = [];
  for (const kind of kinds) items.push(slotAfter(items, kind, undefined));
  return items;
};
const labels = (items: Slot[]) =>
  [...items].sort((a, b) => a.position - b.position).map((s) => labelOf(s) || 'section');

describe('outcome: paragraph numbers', () => {
  it('numbers preambular and operative paragraphs apart, sections unnumbered', () => {
    expect(labels(draft('PP', 'PP', 'section', 'OP', 'OP', 'OP'))).to.deep.equal([
      'PP1',
      'PP2',
      'section',
      'OP1',
      'OP2',
      'OP3',
    ]);
  });

  it('shows a paragraph put between OP3 and OP4 as OP3 bis, a second one as OP3 ter, keeping the others’ numbers', () => {
    const items = draft('OP', 'OP', 'OP', 'OP');
    const op3 = items[2]!;
    const bis = slotAfter(items, 'OP', op3);
    items.push(bis);
    const ter = slotAfter(items, 'OP', bis);
    items.push(ter);
    expect(labels(items)).to.deep.equal(['OP1', 'OP2', 'OP3', 'OP3 bis', 'OP3 ter', 'OP4']);
  });

  it('gives the next number to a paragraph added after the last of its kind', () => {
    const items = draft('PP', 'OP', 'OP');
    items.push(slotAfter(items, 'PP', items[0]));
    expect(labels(items)).to.deep.equal(['PP1', 'PP2', 'OP1', 'OP2']);
  });

  it('renumbers the whole text in order at a revision, leaving no bis', () => {
    const items = draft('OP', 'OP', 'OP');
    items.push(slotAfter(items, 'OP', items[0]));
    expect(labels(renumbered(items))).to.deep.equal(['OP1', 'OP2', 'OP3', 'OP4']);
  });

  it('numbers an import on from what the version already has', () => {
    const items = draft('PP', 'OP');
    expect(slotsAppended(items, ['OP', 'section', 'OP']).map((s) => labelOf(s) || 'section')).to.deep.equal([
      'OP2',
      'section',
      'OP3',
    ]);
  });
});

describe('outcome: reading a draft from plain text or Markdown', () => {
  it('makes sections of headings, sets kinds from PP/OP marks, and joins the lines of a block', () => {
    const source = [
      '# Programa de Acción de Cuenca',
      'Reconociendo la contribución de las personas migrantes\nal desarrollo,',
      'PP2. Recordando la **Declaración** de Salamanca,',
      '## Acciones',
      'OP1) Acuerdan promover la migración regular,',
      '2. Invitan a los Estados a intercambiar información,',
      '- Solicitan a la SEGIB que informe.',
    ].join('\n\n');
    expect(readDraft(source, 'PP')).to.deep.equal([
      { kind: 'section', text: 'Programa de Acción de Cuenca' },
      { kind: 'PP', text: 'Reconociendo la contribución de las personas migrantes al desarrollo,' },
      { kind: 'PP', text: 'Recordando la Declaración de Salamanca,' },
      { kind: 'section', text: 'Acciones' },
      { kind: 'OP', text: 'Acuerdan promover la migración regular,' },
      { kind: 'OP', text: 'Invitan a los Estados a intercambiar información,' },
      { kind: 'OP', text: 'Solicitan a la SEGIB que informe.' },
    ]);
  });

  it('keeps markup as text (the pages escape it) and does not take "Operativo" for a mark', () => {
    expect(readDraft('<script>alert(1)</script> y Operativo', 'OP')).to.deep.equal([
      { kind: 'OP', text: '<script>alert(1)</script> y Operativo' },
    ]);
  });

  it('refuses a block over the paragraph limit, naming the block', () => {
    const tooLong = `Primero.\n\n${'a'.repeat(5001)}`;
    try {
      readDraft(tooLong, 'PP');
      expect.fail('accepted');
    } catch (error) {
      expect(error).to.be.instanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors[0]).to.deep.include({
        field: 'source',
        code: 'block_too_long',
      });
      expect((error as ValidationError).fieldErrors[0]!.params).to.deep.equal({ block: 2, max: 5000 });
    }
  });
});
