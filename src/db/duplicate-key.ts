/** True for the refusal of an insert against a unique index: on MongoDB and FerretDB, the one exclusive decision. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number } | undefined)?.code === 11000;
}
