import { architectureViolations } from './support/architecture';
import { projectImports, srcImports } from './support/import-graph';

describe('the layout of src/', () => {
  it('has doors that import no other door, an application layer nothing below imports, and no circle between folders', () => {
    expect(architectureViolations(srcImports())).toEqual([]);
  });

  it('reads the imports it checks', () => {
    const edges = srcImports();
    expect(edges).toContainEqual({ from: 'http/routes/diagnose.ts', to: 'http/answer-cache' });
    expect(edges.length).toBeGreaterThan(300);
  });

  it('leaves test/ and scripts/ to share what they share through harness/, never importing each other', () => {
    const crossing = [
      ...projectImports('test').filter((e) => e.to.startsWith('scripts/')),
      ...projectImports('scripts').filter((e) => e.to.startsWith('test/')),
      ...projectImports('harness').filter((e) => /^(test|scripts)\//.test(e.to)),
    ];
    expect(crossing).toEqual([]);
    expect(projectImports('scripts').some((e) => e.to.startsWith('harness/'))).toBe(true);
  });

  describe('finds', () => {
    it('a door imported by another door', () => {
      expect(architectureViolations([{ from: 'mcp/server.ts', to: 'http/routes/knowledge-base' }])).toEqual([
        'mcp/server.ts imports the http door (http/routes/knowledge-base); only service and . may',
      ]);
    });

    it('the application layer imported from below', () => {
      expect(architectureViolations([{ from: 'annotate/note.ts', to: 'app/annotate' }])).toEqual(['annotate/note.ts imports the application layer (app/annotate) from below it']);
    });

    it('folders importing each other in a circle, however long', () => {
      const edges = [
        { from: 'kb/load.ts', to: 'facts/normalize' },
        { from: 'facts/normalize.ts', to: 'engine/rules' },
        { from: 'engine/rules.ts', to: 'kb/model' },
        { from: 'store/store.ts', to: 'delivery/outbox' },
      ];
      expect(architectureViolations(edges)).toEqual(['folders import each other in a circle: kb -> facts -> engine -> kb']);
    });

    it('an import of test or script code', () => {
      expect(architectureViolations([{ from: 'http/app.ts', to: '../test/support/api' }])).toEqual(['http/app.ts imports ../test/support/api, outside src/']);
    });
  });
});
