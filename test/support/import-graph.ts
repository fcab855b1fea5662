import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One relative import in src/: the importing file and the file it names, both from src/. */
export interface ImportEdge {
  from: string;
  to: string;
}

const srcDir = path.join(__dirname, '../../src');

/** The TypeScript files under `dir`, recursively. */
export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every import of a module in src/ by a module in src/ (type-only imports too: they couple as much), read with TypeScript's own scanner. */
export function srcImports(): ImportEdge[] {
  return sourceFiles(srcDir).flatMap((file) => {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    return importedFiles
      .filter(({ fileName }) => fileName.startsWith('.'))
      .map(({ fileName }) => ({ from: path.relative(srcDir, file), to: path.relative(srcDir, resolved(path.resolve(path.dirname(file), fileName.replace(/\.js$/, '')))) }));
  });
}

/** A module's path as TypeScript finds it: the file itself, or the index of a folder. */
const resolved = (modulePath: string) => (!fs.existsSync(`${modulePath}.ts`) && fs.existsSync(path.join(modulePath, 'index.ts')) ? path.join(modulePath, 'index') : modulePath);

/** The folder of src/ a module belongs to: its first path segment, or '.' for the files at the top. */
export function folderOf(modulePath: string): string {
  const parts = modulePath.split(path.sep);
  return parts.length > 1 ? parts[0]! : '.';
}

/** The relative imports of every module under a top-level folder of the project, as paths from the project root. */
export function projectImports(folder: string): ImportEdge[] {
  const root = path.join(srcDir, '..');
  return sourceFiles(path.join(root, folder)).flatMap((file) =>
    ts
      .preProcessFile(fs.readFileSync(file, 'utf8'), true, true)
      .importedFiles.filter(({ fileName }) => fileName.startsWith('.'))
      .map(({ fileName }) => ({ from: path.relative(root, file), to: path.relative(root, path.resolve(path.dirname(file), fileName)) })),
  );
}
