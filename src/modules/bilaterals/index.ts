export { bilateralAdminRoutes } from './admin.routes.js';
export { bilateralFocalRoutes } from './focal.routes.js';
export { bilateralsWorkspace } from './bilaterals.workspace.js';
export { bilateralUid } from './bilateral.calendar.js';
export { registerBilateralsApi } from './bilaterals.api.js';
export { delegationBilateralRows, reservedBlocks } from './bilateral.schedule.js';
export { Bilateral, BilateralBooking } from './bilateral.model.js';
export { moveBilateral, noPlenaryInscriptions, type PlenaryInscriptions } from './bilateral.service.js';
export { numberOlderBilaterals } from './bilateral.list.js';
