/** Who did something, as the audit trail records it. */
export interface Actor {
  /** The user behind the change, when there is one. */
  userId?: string;
  /** A readable name kept with the record, so history stays readable after a user is gone. */
  label: string;
  via: 'ui' | 'api' | 'cli' | 'link' | 'system';
}

export const systemActor = (label = 'Foro'): Actor => ({ label, via: 'system' });
