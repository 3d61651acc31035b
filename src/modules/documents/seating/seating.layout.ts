/** A room's seating plan, strings ready to print: places in protocol order, each with its seats. */
export interface SeatingLayout {
  language: string;
  title: string;
  subtitle: string;
  stamp: string;
  /** Said at the front of the room, where the podium is. */
  front: string;
  places: { label: string; seats: number }[];
}

/** Name plates: one A4 landscape page per place, folded across the middle, the name on both faces. */
export interface PlatesLayout {
  language: string;
  title: string;
  names: string[];
}
