import { expect } from 'chai';
import { compareVersions, wordDiff } from '../../src/modules/outcome/compare.js';

const marked = (runs: { text: string; style: string }[]) =>
  runs
    .map((r) => (r.style === 'ins' ? `{+${r.text}+}` : r.style === 'del' ? `[-${r.text}-]` : r.text))
    .join('');

describe('outcome documents: two versions compared word by word', function () {
  it('marks an insertion and a change of punctuation without touching the words around them', function () {
    const runs = wordDiff(
      'Acuerdan promover una migración ordenada, regular y segura,',
      'Acuerdan promover una migración ordenada y humana, regular y segura.',
    );
    expect(marked(runs)).to.equal(
      'Acuerdan promover una migración ordenada {+y humana+}, regular y segura[-,-]{+.+}',
    );
  });

  it('keeps accented words whole: a word changed by its accent is one deletion and one insertion', function () {
    expect(
      marked(
        wordDiff(
          'Reconociendo la contribución de las personas migrantes',
          'Reconociendo la valiosa contribución de los migrantes',
        ),
      ),
    ).to.equal('Reconociendo la {+valiosa +}contribución de [-las personas-]{+los+} migrantes');
    expect(marked(wordDiff('Programa de Acción', 'Programa de Ação'))).to.equal(
      'Programa de [-Acción-]{+Ação+}',
    );
  });

  it('shows moved words as deleted where they were and inserted where they went', function () {
    expect(
      marked(
        wordDiff('promover una migración segura y ordenada', 'promover una migración ordenada y segura'),
      ),
    ).to.equal('promover una migración [-segura y -]ordenada {+y segura+}');
  });

  it('matches paragraphs by their stable id: renumbered ones compared, added and removed ones whole', function () {
    const before = [
      { ref: 'a', kind: 'OP' as const, label: 'OP1', text: 'Acuerdan cooperar.' },
      { ref: 'b', kind: 'OP' as const, label: 'OP1 bis', text: 'Invitan a los Estados.' },
      { ref: 'c', kind: 'OP' as const, label: 'OP2', text: 'Solicitan un informe.' },
    ];
    const after = [
      { ref: 'a', kind: 'OP' as const, label: 'OP1', text: 'Acuerdan cooperar.' },
      { ref: 'c', kind: 'OP' as const, label: 'OP2', text: 'Solicitan un informe anual.' },
      { ref: 'd', kind: 'OP' as const, label: 'OP3', text: 'Deciden reunirse.' },
    ];
    const lines = compareVersions(before, after);
    expect(lines.map((l) => `${l.label} ${l.change} ${marked(l.runs)}`)).to.deep.equal([
      'OP1 same Acuerdan cooperar.',
      'OP1 bis removed [-Invitan a los Estados.-]',
      'OP2 changed Solicitan un informe {+anual+}.',
      'OP3 added {+Deciden reunirse.+}',
    ]);
  });
});
