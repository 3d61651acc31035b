import { countryCollator, countryName } from '../../../shared/countries.js';

/** One place in the protocol order: a state by its code, or an organization or other by its name. */
export type SeatHolder =
  { kind: 'state'; country: string } | { kind: 'organization' | 'other'; name: string };

/**
 * The protocol order of a room: the member states in Spanish alphabetical order of their short
 * names (as the participant list orders them), starting from the state drawn by lot and going
 * round; then the international organizations, then the others, each alphabetically.
 */
export function seatingOrder(
  states: readonly string[],
  drawn: string | undefined,
  organizations: readonly string[] = [],
  others: readonly string[] = [],
): SeatHolder[] {
  const collator = countryCollator('es');
  const byName = [...new Set(states)].sort((a, b) =>
    collator.compare(countryName(a, 'es'), countryName(b, 'es')),
  );
  const start = drawn ? Math.max(byName.indexOf(drawn), 0) : 0;
  const rotated = [...byName.slice(start), ...byName.slice(0, start)];
  const names = (list: readonly string[]) => [...new Set(list)].sort((a, b) => collator.compare(a, b));
  return [
    ...rotated.map((country) => ({ kind: 'state' as const, country })),
    ...names(organizations).map((name) => ({ kind: 'organization' as const, name })),
    ...names(others).map((name) => ({ kind: 'other' as const, name })),
  ];
}
