import { z } from 'zod';
import { trilingual } from '../../shared/limits.js';
import { GROUP } from './announcement.groups.js';

export const announcementInput = z.strictObject({
  draftKey: z.uuid(),
  group: z.string().regex(GROUP, { message: 'invalid_choice' }),
  subject: trilingual('title'),
  message: trilingual('description'),
  action: z.enum(['preview', 'send']).default('preview'),
});
export type AnnouncementInput = z.output<typeof announcementInput>;
