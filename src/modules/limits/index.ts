export { purgeEndedWindows, releaseSlot, takeSlot } from './rate-counter.js';
