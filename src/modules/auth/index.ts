export { actorOf, authenticateRequest, bearerToken, requireRole, requireUser } from './auth.middleware.js';
export { adminRoutes } from './admin.routes.js';
export { loginRoutes } from './login.routes.js';
export { registerUsersApi } from './users.api.js';
export { ROLES, type Role, type UserView } from './user.model.js';
export { createUser, findUserByEmail, getUser, listUsers, setUserPassword } from './user.service.js';
export { createUserWithPassword, inviteUserForCli } from './cli.js';
export { accountNamer, withAccountNames } from './account-names.js';
