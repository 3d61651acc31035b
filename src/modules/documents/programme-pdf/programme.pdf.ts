import {
  breakable,
  COLOURS,
  CONTENT_WIDTH,
  ensureRoom,
  newPdf,
  PAGE,
  pdfBytes,
  rule,
  stampPages,
  type Pdf,
} from '../pdf/kit.js';
import type { LayoutSession, ProgrammeLayout } from './programme.layout.js';

const CONTENTS_LINES_PER_PAGE = 38;
const PAGE_NUMBER_WIDTH = 48;

/** The current page's number, counting from 1 (pages are buffered, so this is also its index + 1). */
const pageNumber = (doc: Pdf) => doc.bufferedPageRange().count;

function cover(doc: Pdf, layout: ProgrammeLayout): void {
  const { cover } = layout;
  doc.moveDown(8);
  doc
    .font('bold')
    .fontSize(11)
    .fillColor(COLOURS.accent)
    .text(cover.kicker.toUpperCase(), { characterSpacing: 1 });
  doc.moveDown(0.6);
  doc.font('bold').fontSize(24).fillColor(COLOURS.text).text(breakable(cover.title), { lineGap: 2 });
  doc.moveDown(1.2);
  doc.font('regular').fontSize(13).text(cover.dates);
  if (cover.venue) doc.moveDown(0.3).text(breakable(cover.venue));
  if (cover.organizers)
    doc.moveDown(1.5).fontSize(11).fillColor(COLOURS.muted).text(breakable(cover.organizers));
  if (cover.reader)
    doc.moveDown(3).font('bold').fontSize(13).fillColor(COLOURS.text).text(breakable(cover.reader));
  doc.fillColor(COLOURS.text);
}

function heading(doc: Pdf, text: string, size: number, colour: string = COLOURS.text): void {
  doc
    .font('bold')
    .fontSize(size)
    .fillColor(colour)
    .text(breakable(text), PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.fillColor(COLOURS.text);
}

function sessionLines(session: LayoutSession, cancelledLabel: string) {
  const meta = [session.time, session.room, session.type].filter(Boolean).join(' · ');
  const title = breakable(session.cancelled ? `${session.title} (${cancelledLabel})` : session.title);
  const roles = session.roles.map((r) => ({ label: r.label, people: r.people.map(breakable) }));
  return {
    meta,
    title,
    roles,
    note: session.note && breakable(session.note),
    documents: session.documents && breakable(session.documents),
  };
}

function sessionHeight(doc: Pdf, lines: ReturnType<typeof sessionLines>): number {
  let height = doc.font('regular').fontSize(8.5).heightOfString(lines.meta, { width: CONTENT_WIDTH });
  height += doc.font('bold').fontSize(11).heightOfString(lines.title, { width: CONTENT_WIDTH });
  if (lines.note)
    height += doc.font('italic').fontSize(9).heightOfString(lines.note, { width: CONTENT_WIDTH });
  doc.font('regular').fontSize(9);
  for (const role of lines.roles) {
    height += doc.heightOfString(role.label, { width: CONTENT_WIDTH });
    for (const person of role.people) height += doc.heightOfString(person, { width: CONTENT_WIDTH - 12 });
  }
  if (lines.documents) height += doc.heightOfString(lines.documents, { width: CONTENT_WIDTH });
  return height + 14;
}

function session(doc: Pdf, session: LayoutSession, layout: ProgrammeLayout): void {
  const lines = sessionLines(session, layout.labels.cancelled);
  // Keep a session on one page unless it is taller than a page by itself.
  ensureRoom(doc, Math.min(sessionHeight(doc, lines), 300));
  const x = PAGE.margin;
  doc
    .font('regular')
    .fontSize(8.5)
    .fillColor(COLOURS.muted)
    .text(lines.meta, x, doc.y, { width: CONTENT_WIDTH });
  doc
    .font('bold')
    .fontSize(11)
    .fillColor(session.cancelled ? COLOURS.muted : COLOURS.text)
    .text(lines.title, { width: CONTENT_WIDTH });
  doc.fillColor(COLOURS.text);
  if (lines.note)
    doc.font('italic').fontSize(9).fillColor(COLOURS.accent).text(lines.note, { width: CONTENT_WIDTH });
  doc.fillColor(COLOURS.text);
  for (const role of lines.roles) {
    doc.font('bold').fontSize(9).text(role.label, x, doc.y, { width: CONTENT_WIDTH });
    doc.font('regular');
    for (const person of role.people) doc.text(person, x + 12, doc.y, { width: CONTENT_WIDTH - 12 });
  }
  if (lines.documents)
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(COLOURS.muted)
      .text(lines.documents, x, doc.y, { width: CONTENT_WIDTH })
      .fillColor(COLOURS.text);
  doc.moveDown(0.8);
}

interface ContentsEntry {
  label: string;
  page: number;
  level: number;
}

function contentsLine(doc: Pdf, entry: { label: string; page: number; level: number }): void {
  const indent = entry.level * 14;
  const width = CONTENT_WIDTH - indent - PAGE_NUMBER_WIDTH;
  const y = doc.y;
  doc
    .font(entry.level === 0 ? 'bold' : 'regular')
    .fontSize(10.5)
    .text(breakable(entry.label), PAGE.margin + indent, y, { width });
  const below = doc.y;
  doc.text(String(entry.page), PAGE.margin + CONTENT_WIDTH - PAGE_NUMBER_WIDTH, y, {
    width: PAGE_NUMBER_WIDTH,
    align: 'right',
  });
  doc.y = Math.max(below, doc.y) + 3;
}

/**
 * Cover, contents, the sections day by day, and the index of people, with the version stamp
 * and "page n of N" on every page. Contents pages are reserved first and filled at the end,
 * once every page number is known.
 */
export async function renderProgrammePdf(layout: ProgrammeLayout): Promise<Buffer> {
  const doc = newPdf({ title: layout.cover.title, language: layout.language });
  cover(doc, layout);

  const contentsLines = layout.sections.reduce((n, s) => n + 1 + s.days.length, 1);
  const contentsPages = Math.max(1, Math.ceil(contentsLines / CONTENTS_LINES_PER_PAGE));
  const contentsStart = pageNumber(doc) + 1;
  for (let i = 0; i < contentsPages; i++) doc.addPage();

  const contents: ContentsEntry[] = [];
  const sessionPages = new Map<string, number>();
  for (const section of layout.sections) {
    doc.addPage();
    contents.push({ label: section.heading, page: pageNumber(doc), level: 0 });
    heading(doc, section.heading, 18);
    doc.moveDown(0.8);
    if (section.days.length === 0) doc.font('italic').fontSize(10).text(layout.labels.empty);
    for (const day of section.days) {
      ensureRoom(doc, 120);
      contents.push({ label: day.label, page: pageNumber(doc), level: 1 });
      heading(doc, day.label, 13.5, COLOURS.accent);
      rule(doc);
      doc.moveDown(0.6);
      for (const s of day.sessions) {
        session(doc, s, layout);
        sessionPages.set(s.id, pageNumber(doc));
      }
      doc.moveDown(0.6);
    }
  }

  if (layout.index.length > 0) {
    doc.addPage();
    contents.push({ label: layout.labels.index, page: pageNumber(doc), level: 0 });
    heading(doc, layout.labels.index, 18);
    doc.moveDown(0.8);
    for (const person of layout.index) {
      ensureRoom(doc, 40);
      doc
        .font('bold')
        .fontSize(9.5)
        .text(breakable(person.name), PAGE.margin, doc.y, { width: CONTENT_WIDTH });
      doc.font('regular').fontSize(8.5);
      for (const entry of person.sessions) {
        const page = sessionPages.get(entry.id);
        const where = page ? ` — ${layout.labels.page} ${page}` : '';
        doc.text(`${breakable(entry.label)}${where}`, PAGE.margin + 12, doc.y, { width: CONTENT_WIDTH - 12 });
      }
      doc.moveDown(0.4);
    }
  }

  doc.switchToPage(contentsStart - 1);
  doc.y = PAGE.margin;
  heading(doc, layout.labels.contents, 18);
  doc.moveDown(0.8);
  for (const [i, entry] of contents.entries()) {
    if (i > 0 && i % CONTENTS_LINES_PER_PAGE === 0) {
      doc.switchToPage(contentsStart - 1 + i / CONTENTS_LINES_PER_PAGE);
      doc.y = PAGE.margin;
    }
    contentsLine(doc, entry);
  }

  stampPages(doc, layout.stamp, (page, total) =>
    layout.labels.pageOf.replace('{page}', String(page)).replace('{total}', String(total)),
  );
  return pdfBytes(doc);
}
