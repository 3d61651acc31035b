import mongoose from 'mongoose';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../shared/errors.js';
import { recordChange } from '../audit/index.js';
import type { EventView } from '../events/index.js';
import type { MailDeps } from '../invitations/index.js';
import { openCall, type CallView } from './call.service.js';
import { organizationKeysOf, proposalsSharing, withNextNumber } from './proposal.list.js';
import { SideEventProposal, type ProposalState } from './proposal.model.js';
import { toProposalView, type ProposalView } from './proposal.views.js';
import { checkRules, type RuleCheck } from './rules.js';
import type { ProposalInput } from './side-events.schemas.js';
import { mailProposers, proposalLink } from './side-events.mail.js';

/** States in which a proposal still counts (against an organization's limit, for a slot). */
export const LIVE_STATES: readonly ProposalState[] = ['submitted', 'under_review', 'accepted', 'waitlisted'];
/** States in which the proposer may still change the proposal while the call is open. */
const EDITABLE: readonly ProposalState[] = ['submitted', 'under_review', 'waitlisted'];

/** Who acts through a proposal's private link, as the history names them. */
export const proposerActor = (proposal: Pick<ProposalView, 'contact'>): Actor => ({
  label: `${proposal.contact.name} (side-event link)`,
  via: 'link',
});

export async function getProposal(eventId: string, proposalId: string): Promise<ProposalView> {
  const found = await SideEventProposal.findById(proposalId).lean();
  if (!found || found.eventId !== eventId) throw new NotFoundError();
  return toProposalView(found);
}

export async function proposalById(proposalId: string): Promise<ProposalView> {
  const found = await SideEventProposal.findById(proposalId).lean();
  if (!found) throw new NotFoundError();
  return toProposalView(found);
}

/**
 * The rule checks of proposals against the others still in the call. The others that count are
 * those sharing an organization with them, read by the organization keys each proposal keeps.
 */
export async function checksOfMany(
  event: EventView,
  call: CallView | undefined,
  proposals: ProposalView[],
): Promise<Map<string, RuleCheck[]>> {
  const checks = new Map<string, RuleCheck[]>();
  if (!call) return checks;
  const keys =
    call.rules.maxPerOrganization === undefined
      ? []
      : proposals.flatMap((p) => organizationKeysOf(p.organizers));
  const others = (await proposalsSharing(event.id, keys)).filter((p) => LIVE_STATES.includes(p.state));
  for (const proposal of proposals) checks.set(proposal.id, checkRules(proposal, call.rules, event, others));
  return checks;
}

/** The rule checks of one proposal against the others still in the call. */
export async function checksOf(
  event: EventView,
  call: CallView | undefined,
  proposal: ProposalView,
): Promise<RuleCheck[]> {
  return (await checksOfMany(event, call, [proposal])).get(proposal.id) ?? [];
}

function assertSlotsOffered(call: CallView, input: ProposalInput): void {
  const offered = new Set(call.slots.map((s) => s.id));
  const errors: FieldError[] = input.preferredSlots
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !offered.has(id))
    .map(({ i }) => ({ field: `preferredSlots.${i}`, code: 'unknown_reference' }));
  if (errors.length > 0) throw new ValidationError(errors);
}

const storedFields = (input: ProposalInput) => ({
  title: input.title,
  description: input.description ?? {},
  organizers: input.organizers,
  organizationKeys: organizationKeysOf(input.organizers),
  contact: input.contact,
  expectedAttendance: input.expectedAttendance,
  preferredSlots: input.preferredSlots,
  interpretation: input.interpretation,
  ...(input.accessibility && { accessibility: input.accessibility }),
});

/**
 * A proposal sent through the public form while the call is open. It gets the event's next
 * number (`withNextNumber`: the unique index decides between simultaneous submissions), and its contact a mail
 * with the private link to follow and change it. Returns the proposal and a link for the page
 * after the form.
 */
export async function submitProposal(
  event: EventView,
  input: ProposalInput,
  deps: MailDeps,
): Promise<{ proposal: ProposalView; token: string }> {
  const call = await openCall(event, deps.clock);
  assertSlotsOffered(call, input);
  const now = deps.clock.now();
  const created = await withNextNumber(event.id, (number) =>
    SideEventProposal.create({
      _id: new mongoose.Types.ObjectId(),
      eventId: event.id,
      number,
      ...storedFields(input),
      otherContacts: [],
      mergedFrom: [],
      state: 'submitted',
      stateAt: now,
      submittedAt: now,
      revision: 1,
    }),
  );
  const proposal = toProposalView(created.toObject());
  await recordChange(
    {
      action: 'side-event.submitted',
      subjectType: 'side-event',
      subjectId: proposal.id,
      actor: {
        label: `${input.contact.givenName} ${input.contact.familyName} (side-event form)`,
        via: 'link',
      },
    },
    deps.clock,
  );
  await mailProposers(
    { event, proposal, key: 'sideEvent.received', occasion: 'received', closesAt: call.closesAt },
    deps,
  );
  return { proposal, token: await proposalLink(event, proposal.id, deps) };
}

/** The proposer changes the proposal: only while the call is open and no decision is final. */
export async function updateOwnProposal(
  event: EventView,
  proposal: ProposalView,
  input: ProposalInput,
  clock: Clock,
): Promise<ProposalView> {
  const call = await openCall(event, clock);
  if (!EDITABLE.includes(proposal.state)) throw new ConflictError('PROPOSAL_DECIDED');
  assertSlotsOffered(call, input);
  await SideEventProposal.updateOne(
    { _id: proposal.id },
    { $set: { ...storedFields(input), revision: proposal.revision + 1 } },
  );
  await recordChange(
    {
      action: 'side-event.updated',
      subjectType: 'side-event',
      subjectId: proposal.id,
      actor: proposerActor(proposal),
    },
    clock,
  );
  return getProposal(event.id, proposal.id);
}
