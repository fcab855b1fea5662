import path from 'node:path';

// Source files run from src/ (tests) and compiled ones from dist/; both sit one level below the
// project root, so the bundled files resolve the same way from either.
export const projectRoot = path.resolve(__dirname, '..');
export const bundledRulesDir = path.join(projectRoot, 'rules');
export const contractFile = path.join(projectRoot, 'openapi.yaml');
