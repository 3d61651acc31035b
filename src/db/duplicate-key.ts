/** True for the refusal of an insert against a unique index: on MongoDB and FerretDB, the one exclusive decision. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number } | undefined)?.code === 11000;
}

/**
 * Inserts `document` and tells whether this caller won it: false when a unique key refused it
 * (someone else holds that seat, slot or claim); any other failure is thrown.
 */
export async function insertUnlessTaken(
  model: { create(document: object): Promise<unknown> },
  document: object,
) {
  try {
    await model.create(document);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
