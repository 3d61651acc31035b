import { z } from 'zod';
import { objectId } from '../../../shared/limits.js';
import { FLOOR_STEPS } from './floor.service.js';

export const floorStepInput = z.strictObject({
  step: z.enum(FLOOR_STEPS),
  version: z.coerce.number().int().min(0).max(10_000),
});

export const replyInput = z.strictObject({ entryId: objectId() });
