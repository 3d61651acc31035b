import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import type { Language } from '../../shared/i18n/index.js';
import type { Trilingual } from '../../shared/trilingual.js';
import { listSessions } from '../agenda/index.js';
import { getEvent, type EventView } from '../events/index.js';
import { addLanguageVersion, OfficialDocument, registerDocument } from '../official-documents/index.js';

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

export interface DocumentsSeedReport {
  created: number;
}

/** A one-page PDF with the document's symbol, date and title, as the demo's file. */
async function drawnPdf(symbol: string, date: string, title: string, language: Language): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: language,
    info: { Title: title, Creator: 'Foro' },
  });
  const parts: Buffer[] = [];
  doc.on('data', (part: Buffer) => parts.push(part));
  doc.registerFont('regular', FONTS.regular).registerFont('bold', FONTS.bold);
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(parts))));
  doc.font('regular').fontSize(10).text(symbol, { align: 'right' }).text(date, { align: 'right' });
  doc.moveDown(3).font('bold').fontSize(16).text(title, { align: 'center' });
  doc.moveDown(2).font('regular').fontSize(11).text('Foro — demo', { align: 'center' });
  doc.end();
  return done;
}

interface DemoDocument {
  symbol: string;
  title: Trilingual;
  kind: 'information' | 'study' | 'statement';
  date: string;
  submitter?: string;
  /** Languages with a file. */
  files: Language[];
  /** Index of the programme session it belongs to (by type). */
  session?: 'opening' | 'plenary' | 'panel';
}

/**
 * The background paper (English only), the two studies the Montevideo Commitment asked for
 * (Spanish and Portuguese, no English yet), a delegation's statement and a revision of a study.
 */
const DOCUMENTS: DemoDocument[] = [
  {
    symbol: 'UN/POP/MIG-6CM/2007/20',
    title: { en: 'ECLAC activities in the area of international migration, human rights and development' },
    kind: 'information',
    date: '2007-12-21',
    submitter: 'ECLAC/CELADE',
    files: ['en'],
    session: 'opening',
  },
  {
    symbol: 'SEGIB/FIMD/2008/1',
    title: {
      es: 'Estudio sobre migración y desarrollo en Iberoamérica',
      pt: 'Estudo sobre migração e desenvolvimento na Ibero-América',
    },
    kind: 'study',
    date: '2008-03-14',
    submitter: 'SEGIB',
    files: ['es', 'pt'],
    session: 'plenary',
  },
  {
    symbol: 'SEGIB/FIMD/2008/2',
    title: {
      es: 'Impacto social y económico de la integración de los migrantes en los países de destino',
      pt: 'Impacto social e econômico da integração dos migrantes nos países de destino',
    },
    kind: 'study',
    date: '2008-03-20',
    submitter: 'SEGIB, CEPAL',
    files: ['es', 'pt'],
    session: 'panel',
  },
  {
    symbol: 'SEGIB/FIMD/2008/1/Rev.1',
    title: {
      es: 'Estudio sobre migración y desarrollo en Iberoamérica (revisión)',
      pt: 'Estudo sobre migração e desenvolvimento na Ibero-América (revisão)',
    },
    kind: 'study',
    date: '2008-04-02',
    submitter: 'SEGIB',
    files: ['es'],
    session: 'plenary',
  },
  {
    symbol: 'FIMD/2008/ST/EC',
    title: {
      es: 'Declaración de la delegación del Ecuador',
      pt: 'Declaração da delegação do Equador',
      en: 'Statement by the delegation of Ecuador',
    },
    kind: 'statement',
    date: '2008-04-10',
    submitter: 'Ecuador',
    files: ['es'],
    session: 'plenary',
  },
];

async function sessionOfType(event: EventView, type: string): Promise<string[]> {
  const session = (await listSessions(event.id)).find((s) => s.type === type);
  return session ? [session.id] : [];
}

/** The demo's official documents with their files; skipped if the event has documents. */
export async function seedCuencaDocuments(
  eventId: string,
  actor: Actor,
  clock: Clock,
): Promise<DocumentsSeedReport> {
  if (await OfficialDocument.exists({ eventId })) return { created: 0 };
  const event = await getEvent(eventId);
  for (const item of DOCUMENTS) {
    const document = await registerDocument(
      event,
      {
        symbol: item.symbol,
        title: item.title,
        kind: item.kind,
        date: item.date,
        distribution: 'general',
        status: 'final',
        sessionIds: item.session ? await sessionOfType(event, item.session) : [],
        ...(item.submitter && { submitter: item.submitter }),
      },
      actor,
      clock,
    );
    for (const language of item.files) {
      const title = item.title[language] ?? item.title.en ?? item.symbol;
      await addLanguageVersion(
        event,
        document.id,
        language,
        { bytes: await drawnPdf(item.symbol, item.date, title, language), fileName: `${language}.pdf` },
        actor,
        { clock, maxBytes: 20 * 1024 * 1024 },
      );
    }
  }
  return { created: DOCUMENTS.length };
}
