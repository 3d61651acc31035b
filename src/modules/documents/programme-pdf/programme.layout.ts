/**
 * A programme as the PDF shows it: every string already in the reader's language, so the
 * layout (which runs in a worker thread) needs no database, translator or clock.
 */
export interface ProgrammeLayout {
  language: string;
  /** Running stamp on every page: "Versión 3 – 2 de abril de 2008". */
  stamp: string;
  cover: {
    kicker: string;
    title: string;
    dates: string;
    venue: string;
    organizers: string;
    /** A personal programme names its reader. */
    reader?: string;
  };
  labels: {
    contents: string;
    index: string;
    page: string;
    /** "Página {page} de {total}" with those two words replaced. */
    pageOf: string;
    cancelled: string;
    empty: string;
  };
  /** A personal programme has its reader's sessions first, then the whole programme. */
  sections: LayoutSection[];
  /** People with the sessions they appear in (page numbers point into the last section). */
  index: { name: string; sessions: { id: string; label: string }[] }[];
}

export interface LayoutSection {
  heading: string;
  days: LayoutDay[];
}

export interface LayoutDay {
  label: string;
  sessions: LayoutSession[];
}

export interface LayoutSession {
  id: string;
  time: string;
  room: string;
  type: string;
  title: string;
  cancelled: boolean;
  /** For a personal programme: "Your role: Speaker". */
  note?: string;
  roles: { label: string; people: string[] }[];
  /** The session's official documents by symbol: "Documentos: LC/L.2706, …". */
  documents?: string;
}
