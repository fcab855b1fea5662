import { bundledKnowledgeBase } from '../harness/knowledge-base';
import { checkScenarioTable, diagnoseScenario, outcomeFor, readScenarioTable, scenarioTableIds } from '../harness/scenario-tester';

describe('scenario tables', () => {
  it('exist for every article and only for articles (parity)', () => {
    const articleIds = bundledKnowledgeBase().kb.articles.map((a) => a.id);
    expect(scenarioTableIds()).toEqual(articleIds);
  });

  it.each(scenarioTableIds())('%s: the table is well formed', (articleId) => {
    const table = readScenarioTable(articleId);
    expect(table.article).toBe(articleId);
    expect(table.valid.length).toBeGreaterThan(0);
    expect(table.invalid.length).toBeGreaterThan(0);
    checkScenarioTable(table);
  });
});

for (const articleId of scenarioTableIds()) {
  const table = readScenarioTable(articleId);

  describe(`${articleId} valid scenarios`, () => {
    it.each(table.valid.map((c) => [c.name, c] as const))('%s', async (_name, scenario) => {
      const report = await diagnoseScenario(scenario.facts);
      const outcome = outcomeFor(report, articleId);
      expect(outcome.diagnoses).toEqual(scenario.diagnoses);
      expect(outcome.likely).toEqual(scenario.likely ?? []);
      expect(outcome.outOfScope).toEqual(scenario.outOfScope ?? []);
      expect(outcome.workarounds).toEqual(scenario.workarounds);
      if (scenario.conflicts) expect(report.conflicts).toEqual(scenario.conflicts);
      for (const [id, applicable] of Object.entries(scenario.workarounds)) {
        // An excluded or undetermined workaround always says why.
        if (applicable !== true) expect(outcome.reasons[id]).toEqual(expect.any(String));
      }
    });
  });

  describe(`${articleId} invalid scenarios`, () => {
    it.each(table.invalid.map((c) => [c.name, c] as const))('%s', async (_name, scenario) => {
      const report = await diagnoseScenario(scenario.facts);
      const outcome = outcomeFor(report, articleId);
      for (const id of scenario.notDiagnosed ?? []) expect([...outcome.diagnoses, ...outcome.likely]).not.toContain(id);
      if (scenario.conflicts) expect(report.conflicts).toEqual(scenario.conflicts);
      for (const id of scenario.notApplicable ?? []) {
        expect(outcome.workarounds[id]).toBe(false);
        expect(outcome.reasons[id]).toEqual(expect.any(String));
      }
    });
  });
}
