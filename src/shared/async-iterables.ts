/** Helpers for reading a source (a database cursor, say) item by item, without holding it whole. */

/** The items of a source in arrays of `size` (the last may hold fewer), as they are read. */
export async function* batchesOf<T>(source: AsyncIterable<T>, size: number): AsyncIterable<T[]> {
  let batch: T[] = [];
  for await (const item of source) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** The items of a source, each turned by `map` as it is read. */
export async function* mapped<T, U>(source: AsyncIterable<T>, map: (item: T) => U): AsyncIterable<U> {
  for await (const item of source) yield map(item);
}
