import type { Express } from 'express';
import { Eta } from 'eta';
import { relative } from 'node:path';
import { viewsDir } from '../paths.js';

/** Eta renders the repository's own templates (it can run code: never organizer-edited text). */
export function useViews(app: Express, options: { cache: boolean }): void {
  const eta = new Eta({ views: viewsDir, cache: options.cache, defaultExtension: '.eta' });
  app.engine('eta', (filePath, data, callback) => {
    try {
      callback(null, eta.render(relative(viewsDir, filePath), data));
    } catch (error) {
      callback(error);
    }
  });
  app.set('views', viewsDir);
  app.set('view engine', 'eta');
}
