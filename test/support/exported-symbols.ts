import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { sourceFiles } from './import-graph';

/** An exported declaration of src/ and whether a doc comment (/** ... *\/) precedes it. */
export interface ExportedSymbol {
  file: string;
  name: string;
  documented: boolean;
}

const srcDir = path.join(__dirname, '../../src');

const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Every exported function, class, interface, type and variable declared in src/ (generated files aside). */
export function exportedSymbols(): ExportedSymbol[] {
  return sourceFiles(srcDir)
    .filter((file) => !file.endsWith('.gen.ts'))
    .flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
      const documented = (node: ts.Node) => (ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []).some((c) => text.startsWith('/**', c.pos));
      return source.statements.filter(isExported).flatMap((statement): ExportedSymbol[] => {
        const relative = path.relative(srcDir, file);
        if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.map((d) => ({ file: relative, name: d.name.getText(source), documented: documented(statement) }));
        const name = (statement as ts.DeclarationStatement).name?.getText(source);
        return name ? [{ file: relative, name, documented: documented(statement) }] : [];
      });
    });
}
