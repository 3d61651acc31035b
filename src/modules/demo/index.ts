export { seedDemo, type SeedReport } from './seed.js';
export { CUENCA_EVENT, CUENCA_ROOMS, DEMO_USERS } from './cuenca.js';
export { largeProgrammeSnapshot } from './large-programme.js';
export { seedScale, COP_SIZE, type ScaleSize } from './seed-scale.js';
export { scaleNameOf } from './scale-names.js';
