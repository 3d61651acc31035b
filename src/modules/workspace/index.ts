export {
  Workspace,
  MENU_GROUPS,
  type MenuEntry,
  type OverviewPanel,
  type WorkspacePart,
} from './workspace.js';
export { eventNavigation, workspaceRoutes } from './workspace.routes.js';
