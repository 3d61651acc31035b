import type { EventView } from '../events/index.js';
import { policy, ROUTES, type Reader, type RouteRule } from '../events/index.js';

/** The event menu's groups, in the order the menu shows them. */
export const MENU_GROUPS = ['programme', 'people', 'registration', 'onSite', 'outputs', 'settings'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

/**
 * One page of an event in its menu. `route` is the page's path as the route table names it
 * (`/admin/events/:eventId/check-in`): who sees the entry is who may open that route, so the
 * menu never offers a page the reader cannot open.
 */
export interface MenuEntry {
  group: MenuGroup;
  /** Catalogue key of the entry's name. */
  label: string;
  route: string;
  /** Query string added to the link (a filter), without `?`; `:eventId` is replaced there too. */
  query?: string;
}

/** A figure on the overview: a catalogue key, its value, and the page that shows it in full. */
export interface Figure {
  label: string;
  value: number | string;
  /** A day the figure is about (shown in the reader's language). */
  day?: string;
  /** The figure out of a capacity, when it has one. */
  of?: number | undefined;
  href?: string;
}

/** Something that waits on the team, with the page that settles it. */
export interface Task {
  label: string;
  count: number;
  href: string;
}

/** What a module shows of an event on its overview. */
export interface OverviewPanel {
  title: string;
  href: string;
  figures: Figure[];
  tasks: Task[];
  /** Figures counted on a timer (large events) carry their time. */
  countedAt?: Date | undefined;
  /** Said when there is nothing to count yet (catalogue key). */
  empty?: string;
}

/** Who reads the overview: the event, and what the reader may see of its records. */
export interface OverviewReader {
  event: EventView;
  reader: Reader;
  canEdit: boolean;
}

/** What one module brings to an event's workspace: its pages in the menu and its overview panel. */
export interface WorkspacePart {
  menu: MenuEntry[];
  overview?: (asked: OverviewReader) => Promise<OverviewPanel | undefined>;
}

const EVENT_PARAM = ':eventId';

/** The link of an entry for one event. */
export function hrefOf(entry: Pick<MenuEntry, 'route' | 'query'>, eventId: string): string {
  const id = encodeURIComponent(eventId);
  const path = entry.route.replace(EVENT_PARAM, id);
  return entry.query ? `${path}?${entry.query.replace(EVENT_PARAM, id)}` : path;
}

/**
 * The workspace every event page shares: the menu of all modules' pages, each shown to those the
 * route table lets open it, and the overview panels.
 */
export class Workspace {
  readonly entries: readonly (MenuEntry & { rule: RouteRule })[];

  constructor(private readonly parts: readonly WorkspacePart[]) {
    this.entries = parts.flatMap((part) =>
      part.menu.map((entry) => {
        const rule = ROUTES[`GET ${entry.route}`];
        // A menu entry for a page that has no rule would be a page nobody decided about.
        if (!rule) throw new Error(`The event menu names ${entry.route}, which the route table lacks`);
        return { ...entry, rule };
      }),
    );
  }

  /** The menu for one reader of one event, by group, the current page marked. */
  async menuFor(reader: Reader, eventId: string, currentPath: string) {
    const may = await mayOpen(reader, eventId);
    const visible = this.entries.filter((entry) => may(entry.rule));
    const current = bestMatch(
      visible.map((entry) => hrefOf({ route: entry.route }, eventId)),
      currentPath,
    );
    return MENU_GROUPS.map((group) => ({
      group,
      entries: visible
        .filter((entry) => entry.group === group)
        .map((entry) => {
          const href = hrefOf(entry, eventId);
          return { label: entry.label, href, current: hrefOf({ route: entry.route }, eventId) === current };
        }),
    })).filter((group) => group.entries.length > 0);
  }

  /** Every panel a module has for this event, in the modules' order; a failing panel fails the page. */
  async overview(asked: OverviewReader): Promise<OverviewPanel[]> {
    const panels = await Promise.all(this.parts.map((part) => part.overview?.(asked)));
    return panels.filter((panel): panel is OverviewPanel => panel !== undefined);
  }
}

/** Whether a reader passes a route rule for this event (the same decision as route-access.ts). */
async function mayOpen(reader: Reader, eventId: string): Promise<(rule: RouteRule) => boolean> {
  const canEdit = (await policy.forEvent(reader, eventId)).edit;
  return (rule) => {
    switch (rule) {
      case 'public':
      case 'link':
      case 'signed-in':
        return true;
      case 'organizer':
        return reader.role !== 'viewer';
      case 'team':
        return canEdit;
      case 'admin':
        return reader.role === 'admin';
    }
  };
}

/** The entry a page belongs to: the longest entry path that the page's path starts with. */
function bestMatch(paths: string[], currentPath: string): string | undefined {
  return paths
    .filter((path) => currentPath === path || currentPath.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
}
