export { purgeEndedWindows, releaseSlot, takeSlot, type Hit } from './rate-counter.js';
