import mongoose from 'mongoose';
import { numberIntoBlocks, readPage, type Page } from '../../db/blocks.js';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import type { DataMigration } from '../../db/migrations.js';
import {
  PROPOSAL_STATES,
  ProposalNumberHint,
  proposalList,
  SideEventProposal,
  type ProposalState,
} from './proposal.model.js';
import { toProposalView, type ProposalView } from './proposal.views.js';
import { organizationKey } from './rules.js';

/** The keys the rules count a proposal's organizations by, kept on the proposal. */
export const organizationKeysOf = (organizers: { organization: string }[]) => [
  ...new Set(organizers.map((o) => organizationKey(o.organization))),
];

type Stored = Parameters<typeof toProposalView>[0] & { block?: number | null };
interface Row {
  block: number;
  proposal: ProposalView;
}
const rowOf = (doc: Stored): Row => ({ block: doc.block ?? 0, proposal: toProposalView(doc) });

/**
 * One page of an event's proposals in the order they came (`db/blocks.ts`), of one state or all,
 * after or before a cursor: a page reads a few blocks of the event by equality, never the whole
 * call.
 */
export async function proposalsPage(
  eventId: string,
  options: { state?: ProposalState | undefined; size: number; after?: string; before?: string },
): Promise<Page<ProposalView>> {
  const filter = options.state ? { eventId, state: options.state } : { eventId };
  const page = await readPage<Row>({
    list: proposalList(eventId),
    size: options.size,
    readBlock: async (block) => (await SideEventProposal.find({ ...filter, block }).lean()).map(rowOf),
    readAll: async () => (await SideEventProposal.find(filter).lean()).map(rowOf),
    placeOf: (row) => ({ block: row.block, key: row.proposal.id }),
    after: options.after,
    before: options.before,
  });
  return { ...page, rows: page.rows.map((row) => row.proposal) };
}

/** The proposals of an event that share an organization with these keys (each read by equality). */
export async function proposalsSharing(eventId: string, keys: string[]): Promise<ProposalView[]> {
  const found = new Map<string, ProposalView>();
  for (const key of new Set(keys))
    for (const doc of await SideEventProposal.find({ eventId, organizationKeys: key }).lean())
      found.set(String(doc._id), toProposalView(doc));
  return [...found.values()];
}

/**
 * How many proposals of the event are in each state: counted by (event, state), which an index
 * serves on MongoDB (FerretDB reads the proposals of each state once, without decoding pages).
 */
export async function proposalCounts(eventId: string): Promise<Record<ProposalState, number>> {
  const counts = await Promise.all(
    PROPOSAL_STATES.map(async (state) => [state, await SideEventProposal.countDocuments({ eventId, state })]),
  );
  return Object.fromEntries(counts) as Record<ProposalState, number>;
}

/** An event's proposals in one state, oldest decision first (the waiting list: tens, not the call). */
export async function proposalsInState(eventId: string, state: ProposalState): Promise<ProposalView[]> {
  const found = await SideEventProposal.find({ eventId, state }).lean();
  return found.map(toProposalView).sort((a, b) => a.stateAt.getTime() - b.stateAt.getTime());
}

/** The proposal of an event with this number, if any. */
export async function proposalNumbered(eventId: string, number: number): Promise<ProposalView | undefined> {
  const found = await SideEventProposal.findOne({ eventId, number }).lean();
  return found ? toProposalView(found) : undefined;
}

/**
 * Gives the event's next number to the proposal `create` inserts: tried from the last number
 * given (a hint read by `_id`), one more after each duplicate, since the unique index on
 * (event, number) lets only one insert have a number. No proposal of the event is read.
 */
export async function withNextNumber<T>(eventId: string, create: (number: number) => Promise<T>): Promise<T> {
  const hint = await ProposalNumberHint.findById(eventId).lean();
  for (let number = (hint?.last ?? 0) + 1; ; number += 1) {
    try {
      const created = await create(number);
      await raiseHint(eventId, number);
      return created;
    } catch (error) {
      if (!isDuplicateKey(error) || number > (hint?.last ?? 0) + MAX_NUMBER_TRIES) throw error;
    }
  }
}

/** Moves the hint on to `last`; two first proposals of a call may both create it, and one is refused. */
async function raiseHint(eventId: string, last: number): Promise<void> {
  await ProposalNumberHint.updateOne({ _id: eventId }, { $set: { last } }, { upsert: true }).catch(
    (error: unknown) => {
      if (!isDuplicateKey(error)) throw error;
    },
  );
}

/** Numbers tried at most: as many proposals as can arrive while the hint is being written. */
const MAX_NUMBER_TRIES = 200;

/**
 * Proposals written before the call's list was paged get a block (event by event, in the order
 * of their numbers) and their organization keys; each event's last number becomes its hint.
 */
export const numberOlderProposals: DataMigration = {
  name: 'side-event-proposal-blocks',
  async run() {
    const older = await SideEventProposal.find(
      { block: mongoose.trusted({ $exists: false }) },
      { eventId: 1, number: 1, organizers: 1 },
    ).lean();
    const byEvent = new Map<string, typeof older>();
    for (const doc of older) byEvent.set(doc.eventId, [...(byEvent.get(doc.eventId) ?? []), doc]);
    for (const [eventId, docs] of byEvent) {
      docs.sort((a, b) => a.number - b.number);
      await numberIntoBlocks(
        SideEventProposal,
        proposalList(eventId),
        docs.map((doc) => doc._id),
      );
      for (const doc of docs)
        await SideEventProposal.updateOne(
          { _id: doc._id },
          { $set: { organizationKeys: organizationKeysOf(doc.organizers) } },
        );
      const last = docs.at(-1)!.number;
      const hint = await ProposalNumberHint.findById(eventId).lean();
      if (!hint || hint.last < last) await raiseHint(eventId, last);
    }
  },
};
