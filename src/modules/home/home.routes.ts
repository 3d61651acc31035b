import { Router } from 'express';

export function homeRoutes(): Router {
  const router = Router();
  router.get('/', (req, res) => {
    res.render('home/index', { title: req.t('home.title') });
  });
  return router;
}
