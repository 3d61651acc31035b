import type { Language } from '../../shared/i18n/index.js';
import type { Trilingual } from '../../shared/trilingual.js';
import type { ProposalFields, ProposalState } from './proposal.model.js';

export interface ProposalContact {
  givenName: string;
  familyName: string;
  /** Given and family names together. */
  name: string;
  email: string;
  language: Language;
  phone: string | undefined;
}

export interface ProposalOrganizer {
  organization: string;
  country: string | undefined;
  sector: string;
}

export interface ProposalView {
  id: string;
  eventId: string;
  number: number;
  title: Trilingual;
  description: Trilingual;
  organizers: ProposalOrganizer[];
  contact: ProposalContact;
  otherContacts: ProposalContact[];
  expectedAttendance: number | undefined;
  preferredSlots: string[];
  interpretation: Language[];
  accessibility: string | undefined;
  state: ProposalState;
  stateAt: Date;
  slotId: string | undefined;
  sessionId: string | undefined;
  offeredSlotId: string | undefined;
  mergedInto: string | undefined;
  mergedFrom: string[];
  submittedAt: Date;
  revision: number;
}

type Stored = ProposalFields & { _id: unknown };
type StoredContact = {
  givenName: string;
  familyName: string;
  email: string;
  language: string;
  phone?: string | null;
};

const tri = (value: Partial<Record<Language, string | null>> | null | undefined): Trilingual => ({
  ...(value?.es && { es: value.es }),
  ...(value?.pt && { pt: value.pt }),
  ...(value?.en && { en: value.en }),
});

const contactOf = (c: StoredContact): ProposalContact => ({
  givenName: c.givenName,
  familyName: c.familyName,
  name: `${c.givenName} ${c.familyName}`,
  email: c.email,
  language: c.language as Language,
  phone: c.phone ?? undefined,
});

export function toProposalView(p: Stored): ProposalView {
  return {
    id: String(p._id),
    eventId: p.eventId,
    number: p.number,
    title: tri(p.title),
    description: tri(p.description),
    organizers: p.organizers.map((o) => ({
      organization: o.organization,
      country: o.country ?? undefined,
      sector: o.sector,
    })),
    contact: contactOf(p.contact as StoredContact),
    otherContacts: (p.otherContacts as StoredContact[]).map(contactOf),
    expectedAttendance: p.expectedAttendance ?? undefined,
    preferredSlots: p.preferredSlots,
    interpretation: p.interpretation as Language[],
    accessibility: p.accessibility ?? undefined,
    state: p.state as ProposalState,
    stateAt: p.stateAt,
    slotId: p.slotId ?? undefined,
    sessionId: p.sessionId ?? undefined,
    offeredSlotId: p.offeredSlotId ?? undefined,
    mergedInto: p.mergedInto ?? undefined,
    mergedFrom: p.mergedFrom,
    submittedAt: p.submittedAt,
    revision: p.revision,
  };
}
