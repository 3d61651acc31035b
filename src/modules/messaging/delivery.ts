/** Whether a failed attempt may succeed later (retry) or never will (fail now). */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export function describeFailure(error: unknown): string {
  const e = error as { response?: string; code?: string; message?: string };
  return String(e.response ?? (e.code ? `${e.code}: ${e.message ?? ''}` : (e.message ?? error))).slice(
    0,
    500,
  );
}

/** When to try again after `attempts` failed attempts: the schedule's step, its last step repeated. */
export function nextAttemptAfter(now: Date, attempts: number, scheduleMinutes: number[]): Date | undefined {
  if (attempts > scheduleMinutes.length) return undefined;
  const minutes = scheduleMinutes[Math.max(0, attempts - 1)] ?? scheduleMinutes.at(-1) ?? 1;
  return new Date(now.getTime() + minutes * 60_000);
}
