import path from 'node:path';

// Source files run from src/paths/ (tests) and compiled ones from dist/paths/; both sit two
// levels below the project root, so the bundled files resolve the same way from either.
/** The project's top folder, where rules/ and openapi.yaml are. */
export const projectRoot = path.resolve(__dirname, '..', '..');
/** The knowledge base the service serves unless RULES_DIR says otherwise. */
export const bundledRulesDir = path.join(projectRoot, 'rules');
/** The HTTP contract. */
export const contractFile = path.join(projectRoot, 'openapi.yaml');
/** The pages' HTML and CSS, served as they are. */
export const webPublicDir = path.join(projectRoot, 'src', 'web', 'public');
/** The pages' scripts, compiled from src/web/page by tsconfig.web.json (npm run build). */
export const webScriptsDir = path.join(projectRoot, 'dist', 'browser', 'web', 'page');
