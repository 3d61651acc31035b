type Schema = Record<string, unknown>;

const CHECKED = new Set([
  'type',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'pattern',
  'minimum',
  'maximum',
  'description',
  'examples',
]);

function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  if (type === 'null') return value === null;
  return typeof value === type;
}

/**
 * Where `value` breaks `schema`, for the JSON Schema keywords of plain documented shapes
 * (the Problem schema's); a schema using any other keyword is reported, never passed unread.
 */
export function schemaMismatches(value: unknown, schema: Schema, at = '$'): string[] {
  const unread = Object.keys(schema).filter((keyword) => !CHECKED.has(keyword));
  if (unread.length > 0) return [`${at}: keywords not checked here: ${unread.join(', ')}`];
  const types = schema['type'] === undefined ? [] : [schema['type']].flat().map(String);
  if (types.length > 0 && !types.some((type) => hasType(value, type)))
    return [`${at}: ${JSON.stringify(value)} is not ${types.join(' or ')}`];
  const found: string[] = [];
  if (
    typeof value === 'string' &&
    typeof schema['pattern'] === 'string' &&
    !new RegExp(schema['pattern']).test(value)
  )
    found.push(`${at}: ${value} does not match ${schema['pattern']}`);
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum'])
      found.push(`${at}: below minimum`);
    if (typeof schema['maximum'] === 'number' && value > schema['maximum'])
      found.push(`${at}: above maximum`);
  }
  if (Array.isArray(value) && schema['items'])
    value.forEach((item, i) =>
      found.push(...schemaMismatches(item, schema['items'] as Schema, `${at}[${i}]`)),
    );
  if (hasType(value, 'object')) {
    const object = value as Record<string, unknown>;
    const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
    for (const name of (schema['required'] ?? []) as string[])
      if (!(name in object)) found.push(`${at}.${name}: required, missing`);
    for (const [name, item] of Object.entries(object)) {
      const extra = schema['additionalProperties'];
      if (properties[name]) found.push(...schemaMismatches(item, properties[name], `${at}.${name}`));
      else if (extra === false) found.push(`${at}.${name}: not in the schema`);
      else if (typeof extra === 'object' && extra !== null)
        found.push(...schemaMismatches(item, extra as Schema, `${at}.${name}`));
    }
  }
  return found;
}
