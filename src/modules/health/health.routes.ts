import { Router } from 'express';
import type { Database } from '../../db/index.js';

/** `/healthz`: the process answers. `/readyz`: it can also reach its database. */
export function healthRoutes(database: Pick<Database, 'isReady'>): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const ready = await database.isReady();
    res
      .set('Cache-Control', 'no-store')
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'unavailable', database: ready ? 'up' : 'down' });
  });
  return router;
}
