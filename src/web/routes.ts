import path from 'node:path';
import express, { Router } from 'express';
import { webPublicDir, webScriptsDir } from '../paths';

// Swagger UI from the installed package, so the reference works with no internet.
const swaggerUiDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
// Only what the reference page loads; the package's own index.html points at a demo API.
const SWAGGER_UI_FILES = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'favicon-32x32.png', 'favicon-16x16.png']);

/**
 * The pages: `/`, the diagnosis page for a support engineer, `/stats`, the decision log's field
 * figures as a chart per article, and `/docs/`, the API reference rendered by Swagger UI from
 * /openapi.json. Both are static; everything they show comes from the
 * API, which they call with relative URLs, so they also work behind a path prefix.
 */
export function webRoutes(): Router {
  const router = Router();
  // A file that is not there falls through to the route guard's 404 problem.
  const assets = { index: false, maxAge: '1h' } as const;
  router.get('/', (_req, res) => res.sendFile(path.join(webPublicDir, 'index.html')));
  router.get('/stats', (_req, res) => res.sendFile(path.join(webPublicDir, 'stats.html')));
  router.use('/assets/page', express.static(webScriptsDir, assets));
  router.use('/assets', express.static(webPublicDir, assets));
  // Relative links inside the reference resolve against /docs/, so /docs is sent there. (Routing
  // is not strict: this route matches both.)
  router.get('/docs', (req, res) => (req.path.endsWith('/') ? res.sendFile(path.join(webPublicDir, 'docs.html')) : res.redirect(301, 'docs/')));
  router.get('/docs/:file', (req, res, next) => {
    if (!SWAGGER_UI_FILES.has(req.params.file)) return next();
    res.sendFile(path.join(swaggerUiDir, req.params.file), { maxAge: '1h' });
  });
  return router;
}
