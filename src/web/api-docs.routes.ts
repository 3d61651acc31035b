import { Router } from 'express';
import type { ApiRegistry } from './api-registry.js';
import { API_BASE } from './api-registry.js';
import { accessText } from './api-document.js';

/** The OpenAPI 3.1 document and a readable page listing every operation (no JavaScript needed). */
export function apiDocsRoutes(api: ApiRegistry, publicUrl: string): Router {
  const router = Router();
  const document = api.document(publicUrl);
  router.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.get('/api/docs', (req, res) => {
    const operations = api.list().map((op) => ({
      method: op.method.toUpperCase(),
      path: `${API_BASE}${op.path}`,
      operationId: op.operationId,
      summary: op.summary,
      tag: op.tag,
      access: accessText(op),
    }));
    res.render('api/docs', { title: req.t('api.title'), operations });
  });
  return router;
}
