import type { WorkspacePart } from '../workspace/workspace.js';
import { OutcomeDocument, OutcomeParagraph, versionKeyOf } from './outcome.model.js';
import { OutcomeProposal } from './round.model.js';

/**
 * The negotiated texts in the menu, beside the official documents; on the overview, how far the
 * texts are agreed and the proposals waiting for the facilitator. An event has a few texts of a
 * few hundred paragraphs: each is read by its version's key.
 */
export const outcomeWorkspace: WorkspacePart = {
  menu: [{ group: 'programme', label: 'workspace.menu.outcome', route: '/admin/events/:eventId/outcome' }],
  overview: async ({ event }) => {
    const texts = await OutcomeDocument.find({ eventId: event.id }, { currentVersion: 1, state: 1 }).lean();
    if (texts.length === 0) return undefined;
    let paragraphs = 0;
    let agreed = 0;
    let open = 0;
    for (const text of texts) {
      const versionKey = versionKeyOf(String(text._id), text.currentVersion);
      const [items, proposals] = await Promise.all([
        OutcomeParagraph.find({ versionKey }, { kind: 1, status: 1 }).lean(),
        OutcomeProposal.countDocuments({ versionKey, state: 'open' }),
      ]);
      const numbered = items.filter((item) => item.kind !== 'section');
      paragraphs += numbered.length;
      agreed += numbered.filter((item) => item.status === 'agreed').length;
      open += proposals;
    }
    const href = `/admin/events/${event.id}/outcome`;
    return {
      title: 'workspace.panel.outcome',
      href,
      figures: [
        { label: 'workspace.figure.outcomeTexts', value: texts.length, href },
        {
          label: 'workspace.figure.outcomeUnderSilence',
          value: texts.filter((t) => t.state === 'under-silence').length,
        },
        {
          label: 'workspace.figure.outcomeAdopted',
          value: texts.filter((t) => t.state === 'adopted').length,
        },
        { label: 'workspace.figure.outcomeAgreed', value: agreed, of: paragraphs },
      ],
      tasks: [{ label: 'workspace.task.outcomeProposals', count: open, href }],
    };
  },
};
