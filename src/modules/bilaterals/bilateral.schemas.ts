import { z } from 'zod';
import { objectId, requiredText } from '../../shared/limits.js';
import { BILATERAL_LEVELS } from './bilateral.model.js';

export const bilateralRequestInput = z.strictObject({
  askedId: objectId(),
  slotIds: z.array(objectId()).min(1).max(5),
  subject: requiredText('title'),
  level: z.enum(BILATERAL_LEVELS),
});
export const bilateralAcceptInput = z.strictObject({ slotId: objectId() });
export const bilateralMoveInput = z.strictObject({ slotId: objectId() });
export const bilateralBookInput = z.strictObject({
  askingId: objectId(),
  askedId: objectId(),
  slotId: objectId(),
  subject: requiredText('title'),
  level: z.enum(BILATERAL_LEVELS),
});
