// Runs the consultation simulator over every scenario of every article and prints how many
// questions each took, with the average and the maximum, and the fewest any order of questions
// could average over the same scenarios. Then records those consultations in a decision log and
// replays each with the priors of the others (?priors=field), to show what ranking by the field's
// answers changes. `npm run eval:consult`.
import { consult, type Consultation } from '../harness/consultation';
import { replayWithPriors } from '../harness/priors-replay';
import { fewestQuestions } from '../harness/consultation-bound';
import { outcomeFor, readScenarioTable, scenarioTableIds } from '../harness/scenario-tester';

async function main(): Promise<void> {
  const counts: number[] = [];
  const environments: Record<string, unknown>[] = [];
  const played: { environment: Record<string, unknown>; consultation: Consultation; ok: boolean; label: string; check: (c: Consultation) => boolean }[] = [];
  let wrong = 0;
  for (const articleId of scenarioTableIds()) {
    const table = readScenarioTable(articleId);
    const cases = [...table.valid.map((c) => ({ ...c, valid: true })), ...table.invalid.map((c) => ({ ...c, valid: false }))];
    for (const scenario of cases) {
      environments.push(scenario.facts);
      const consultation = await consult(scenario.facts);
      const { asked } = consultation;
      const check = ({ report }: Consultation) => {
        const outcome = outcomeFor(report, articleId);
        return 'diagnoses' in scenario && scenario.valid
          ? JSON.stringify(outcome.diagnoses) === JSON.stringify(scenario.diagnoses) && JSON.stringify(outcome.workarounds) === JSON.stringify(scenario.workarounds)
          : !('notDiagnosed' in scenario) || !(scenario.notDiagnosed ?? []).some((id) => outcome.diagnoses.includes(id));
      };
      const ok = check(consultation);
      played.push({ environment: scenario.facts, consultation, ok, label: `${articleId}  ${scenario.name}`, check });
      if (!ok) wrong += 1;
      counts.push(asked.length);
      console.log(`${String(asked.length).padStart(2)}  ${ok ? 'ok   ' : 'WRONG'}  ${articleId}  ${scenario.name}\n      asked: ${asked.join(', ') || '(nothing)'}`);
    }
  }
  const average = counts.reduce((a, b) => a + b, 0) / counts.length;
  console.log(`\n${counts.length} scenarios: average ${average.toFixed(2)} questions, maximum ${Math.max(...counts)}, ${wrong} ended wrong`);
  const floor = (await fewestQuestions(environments)) / environments.length;
  console.log(`fewest possible with hindsight (any order of questions, knowing every answer): average ${floor.toFixed(2)}`);

  const replay = await replayWithPriors(played);
  console.log(`\nreplayed with ?priors=field: each of the ${replay.replayed} recorded consultations ranked by the answers of the other ${replay.replayed - 1} (leave one out)`);
  for (const line of replay.changed) console.log(line);
  console.log(
    `average ${replay.averageWith.toFixed(2)} questions with priors against ${replay.averageWithout.toFixed(2)} without; ${replay.fewer} took fewer, ${replay.more} more, ${replay.same} as many; ${replay.wrong} ended wrong`,
  );
  if (wrong > 0 || replay.wrong > 0) process.exitCode = 1;
}

void main();
