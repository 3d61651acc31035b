export { outcomeAdminRoutes } from './outcome.routes.js';
export { outcomeFocalRoutes } from './focal.routes.js';
export { outcomeWorkspace } from './outcome.workspace.js';
export { OutcomeDocument, OutcomeParagraph } from './outcome.model.js';
export { createOutcome, getOutcome, listOutcomes } from './outcome.service.js';
export { addItem, importDraft, itemsOf } from './paragraphs.service.js';
export { OutcomeProposal, OutcomeRound, OutcomeStance } from './round.model.js';
export { openRound } from './round.service.js';
export { registerOutcomeApi } from './outcome.api.js';
