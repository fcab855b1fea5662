import path from 'node:path';

// Source files run from src/ (tests) and compiled ones from dist/; both sit one level below the
// project root, so the bundled files resolve the same way from either.
export const projectRoot = path.resolve(__dirname, '..');
export const bundledRulesDir = path.join(projectRoot, 'rules');
export const contractFile = path.join(projectRoot, 'openapi.yaml');
/** The pages' HTML and CSS, served as they are. */
export const webPublicDir = path.join(projectRoot, 'src', 'web', 'public');
/** The pages' scripts, compiled from src/web/page by tsconfig.web.json (npm run build). */
export const webScriptsDir = path.join(projectRoot, 'dist', 'browser', 'web', 'page');
