/**
 * Runs `run` with the process in another time zone (TZ), then puts the zone back: Foro must
 * show and store the same instants whatever zone its server runs in.
 */
export async function withTimeZone<T>(timeZone: string, run: () => T | Promise<T>): Promise<T> {
  const before = process.env['TZ'];
  process.env['TZ'] = timeZone;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env['TZ'];
    else process.env['TZ'] = before;
  }
}
