// Runs the consultation simulator over every scenario of every article and prints how many
// questions each took, with the average and the maximum, and the fewest any order of questions
// could average over the same scenarios. `npm run eval:consult`.
import { consult } from '../harness/consultation';
import { fewestQuestions } from '../harness/consultation-bound';
import { outcomeFor, readScenarioTable, scenarioTableIds } from '../harness/scenario-tester';

async function main(): Promise<void> {
  const counts: number[] = [];
  const environments: Record<string, unknown>[] = [];
  let wrong = 0;
  for (const articleId of scenarioTableIds()) {
    const table = readScenarioTable(articleId);
    const cases = [...table.valid.map((c) => ({ ...c, valid: true })), ...table.invalid.map((c) => ({ ...c, valid: false }))];
    for (const scenario of cases) {
      environments.push(scenario.facts);
      const { asked, report } = await consult(scenario.facts);
      const outcome = outcomeFor(report, articleId);
      const ok =
        'diagnoses' in scenario && scenario.valid
          ? JSON.stringify(outcome.diagnoses) === JSON.stringify(scenario.diagnoses) && JSON.stringify(outcome.workarounds) === JSON.stringify(scenario.workarounds)
          : !('notDiagnosed' in scenario) || !(scenario.notDiagnosed ?? []).some((id) => outcome.diagnoses.includes(id));
      if (!ok) wrong += 1;
      counts.push(asked.length);
      console.log(`${String(asked.length).padStart(2)}  ${ok ? 'ok   ' : 'WRONG'}  ${articleId}  ${scenario.name}\n      asked: ${asked.join(', ') || '(nothing)'}`);
    }
  }
  const average = counts.reduce((a, b) => a + b, 0) / counts.length;
  console.log(`\n${counts.length} scenarios: average ${average.toFixed(2)} questions, maximum ${Math.max(...counts)}, ${wrong} ended wrong`);
  const floor = (await fewestQuestions(environments)) / environments.length;
  console.log(`fewest possible with hindsight (any order of questions, knowing every answer): average ${floor.toFixed(2)}`);
  if (wrong > 0) process.exitCode = 1;
}

void main();
