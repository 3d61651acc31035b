/**
 * One measurement of bench/outputs, in a process of its own so its peak memory is its own:
 * `foro` draws the programme as Foro does (layout data, then the PDF with contents, index and
 * page stamps); `plain` has pdfkit write the same strings one after another with no layout logic;
 * `idle` loads the same modules and draws nothing. Prints one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { largeProgrammeSnapshot } from '../src/modules/demo/index.js';
import { programmeLayout } from '../src/modules/documents/index.js';
import { newPdf, pdfBytes } from '../src/modules/documents/pdf/kit.js';
import { renderProgrammePdf } from '../src/modules/documents/programme-pdf/programme.pdf.js';
import type { ProgrammeLayout } from '../src/modules/documents/programme-pdf/programme.layout.js';
import type { EventView } from '../src/modules/events/index.js';
import { translatorFor } from '../src/shared/i18n/index.js';

const [kind = 'foro', sizeArg = '60'] = process.argv.slice(2);
const size = Number(sizeArg);

const event = {
  id: 'bench',
  slug: 'bench',
  title: { es: 'Foro Iberoamericano sobre Migración y Desarrollo' },
  organizers: { es: 'CEPAL/CELADE · SEGIB' },
  venue: { name: 'Centro de Convenciones', city: 'Cuenca', country: 'EC' },
  timezone: 'America/Guayaquil',
  startDate: '2008-04-10',
  endDate: '2008-04-11',
  languages: ['es', 'pt', 'en'],
  revision: 1,
} as unknown as EventView;

const version = {
  number: 1,
  publishedAt: new Date('2008-04-01T12:00:00Z'),
  publishedBy: 'bench',
  changelog: [],
  snapshot: largeProgrammeSnapshot(event, size),
};

/** Every string of the layout, in reading order. */
function strings(layout: ProgrammeLayout): string[] {
  const out = [layout.cover.title, layout.cover.dates, layout.cover.venue, layout.cover.organizers];
  for (const section of layout.sections) {
    out.push(section.heading);
    for (const day of section.days) {
      out.push(day.label);
      for (const s of day.sessions) {
        out.push(`${s.time} · ${s.room} · ${s.type}`, s.title);
        for (const role of s.roles) out.push(role.label, ...role.people);
      }
    }
  }
  for (const person of layout.index) out.push(person.name, ...person.sessions.map((s) => s.label));
  return out;
}

async function plain(layout: ProgrammeLayout): Promise<Buffer> {
  const doc = newPdf({ title: layout.cover.title, language: layout.language });
  doc.fontSize(10);
  for (const line of strings(layout)) doc.text(line);
  return pdfBytes(doc);
}

const started = performance.now();
let bytes = 0;
let pages = 0;
if (kind !== 'idle') {
  const layout = programmeLayout(event, version, 'es', translatorFor('es'));
  const pdf = kind === 'plain' ? await plain(layout) : await renderProgrammePdf(layout);
  bytes = pdf.length;
  pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}
const ms = performance.now() - started;
console.log(
  JSON.stringify({ kind, size, ms, bytes, pages, peakRssMb: process.resourceUsage().maxRSS / 1024 }),
);
