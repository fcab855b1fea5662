// Runs the consultation simulator over every scenario of every article, in each of its modes, and
// prints what a chatbot's user waits for: the turns until the scenario's expected diagnoses are
// first confirmed, and the turns until nothing is left to ask, each with its average and maximum,
// beside the fewest any order of questions could take. Then replays the single-fact consultations
// with the priors of the others (?priors=field). `npm run eval:consult`; `-- --detail` lists
// every scenario's run; `-- --bank dev2` runs the sentence mode on that one phrase bank alone.
import { consult, type Consultation, type ConsultOptions, type Facts } from '../harness/consultation';
import { replayWithPriors } from '../harness/priors-replay';
import { fewestTurns, type BoundScenario } from '../harness/consultation-bound';
import { readPhraseBank, type BankHalf } from '../harness/phrase-bank';
import { outcomeFor, readScenarioTable, scenarioTableIds } from '../harness/scenario-tester';

interface Scenario {
  label: string;
  environment: Facts;
  expected: string[];
  /** Whether a consultation ended where the scenario says: its diagnoses and workarounds, or none it must not have. */
  check: (c: Consultation) => boolean;
}

function scenarios(): Scenario[] {
  return scenarioTableIds().flatMap((articleId) => {
    const table = readScenarioTable(articleId);
    const valid = table.valid.map((scenario) => ({
      label: `${articleId}  ${scenario.name}`,
      environment: scenario.facts,
      expected: scenario.diagnoses,
      check: ({ report }: Consultation) => {
        const outcome = outcomeFor(report, articleId);
        return JSON.stringify(outcome.diagnoses) === JSON.stringify(scenario.diagnoses) && JSON.stringify(outcome.workarounds) === JSON.stringify(scenario.workarounds);
      },
    }));
    const invalid = table.invalid.map((scenario) => ({
      label: `${articleId}  ${scenario.name}`,
      environment: scenario.facts,
      expected: [],
      check: ({ report }: Consultation) => !(scenario.notDiagnosed ?? []).some((id) => outcomeFor(report, articleId).diagnoses.includes(id)),
    }));
    return [...valid, ...invalid];
  });
}

interface ModeResult {
  played: { scenario: Scenario; consultation: Consultation; ok: boolean }[];
  lines: string[];
  /** The measures as one row of the development banks' table. */
  row: string;
}

async function runMode(all: Scenario[], options: (s: Scenario) => ConsultOptions): Promise<ModeResult> {
  const played = [];
  for (const scenario of all) {
    const consultation = await consult(scenario.environment, { expected: scenario.expected, ...options(scenario) });
    played.push({ scenario, consultation, ok: scenario.check(consultation) });
  }
  const confirmed = played.filter((p) => p.scenario.expected.length > 0).map((p) => p.consultation.turnsToConfirmed);
  const reached = confirmed.filter((t): t is number => t !== undefined);
  const ends = played.map((p) => p.consultation.turns);
  const checked = played.flatMap((p) => p.consultation.corrections);
  const corrections = checked.filter((c) => c.truth !== null).map((c) => c.fact);
  const notKnown = checked.filter((c) => c.truth === null).map((c) => c.fact);
  const buttons = played.flatMap((p) => p.consultation.buttons);
  const lines = [
    `  turns to the first confirmed expected diagnosis: average ${average(reached)}, maximum ${Math.max(...reached)} (${confirmed.length} scenarios expect one; ${confirmed.length - reached.length} never reached it)`,
    `  turns until nothing is left to ask:              average ${average(ends)}, maximum ${Math.max(...ends)} (${ends.length} scenarios)`,
    `  ended wrong: ${played.filter((p) => !p.ok).length}; no fact asked twice (the simulator stops on one)`,
  ];
  if (options(all[0]!).bank) {
    lines.push(`  corrections (a fact read wrong from the words, put right by the user in a turn of its own): ${corrections.length}${corrections.length ? ` (${tally(corrections)})` : ''}`);
    lines.push(
      `  read from the words but not known to the user (they say "I don't know" to the bot's confirmation, with any corrections): ${notKnown.length}${notKnown.length ? ` (${tally(notKnown)})` : ''}`,
    );
    lines.push(`  answered with a button (the bank has no words for the fact): ${buttons.length}${buttons.length ? ` (${tally(buttons)})` : ''}`);
  }
  const wrong = played.filter((p) => !p.ok).length;
  const row = `${average(reached)} / ${Math.max(...reached)}${reached.length < confirmed.length ? ` (${confirmed.length - reached.length} never)` : ''} | ${average(ends)} / ${Math.max(...ends)} | ${wrong} | ${corrections.length} | ${notKnown.length}`;
  return { played, lines, row };
}

const average = (values: number[]) => (values.reduce((a, b) => a + b, 0) / values.length).toFixed(2);

function tally(names: string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, n]) => `${name} ${n}`).join(', ');
}

function detail(result: ModeResult): void {
  for (const { scenario, consultation, ok } of result.played) {
    const { turns, turnsToConfirmed, asked, corrections, said } = consultation;
    console.log(`${String(turns).padStart(3)} ${turnsToConfirmed === undefined ? '  -' : String(turnsToConfirmed).padStart(3)}  ${ok ? 'ok   ' : 'WRONG'}  ${scenario.label}`);
    console.log(
      `          asked: ${asked.join(', ') || '(nothing)'}${corrections.length ? `; corrected: ${corrections.map((c) => `${c.fact} read ${JSON.stringify(c.read)}, ${c.truth === null ? 'not known' : `is ${JSON.stringify(c.truth)}`}`).join('; ')}` : ''}`,
    );
    for (const words of said) console.log(`          said: ${JSON.stringify(words)}`);
  }
}

async function floors(all: Scenario[], groups: boolean): Promise<string> {
  const bound: BoundScenario[] = all.map((s) => ({ environment: s.environment, expected: s.expected }));
  const confirmedCount = all.filter((s) => s.expected.length > 0).length;
  const confirmed = (await fewestTurns(bound, 'confirmed', groups)) / confirmedCount;
  const end = (await fewestTurns(bound, 'end', groups)) / all.length;
  return `  fewest possible with hindsight (any order of questions, knowing every answer): average ${confirmed.toFixed(2)} to the first confirmed, ${end.toFixed(2)} to the end`;
}

const DEVELOPMENT_BANKS: BankHalf[] = ['dev', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6', 'dev7', 'dev8', 'dev9', 'dev10', 'dev11', 'dev12', 'dev13', 'dev14', 'dev15', 'dev16'];

type Mode = [title: string, options: (s: Scenario) => ConsultOptions, groups: boolean | undefined];

// A bank is read once for every scenario of its mode; each scenario seeds its own picks.
function bankOptions(half: BankHalf): (s: Scenario) => ConsultOptions {
  const bank = readPhraseBank(half);
  return (s) => ({ bank, seed: s.label });
}

function sentenceMode(title: string, half: BankHalf): Mode {
  return [title, bankOptions(half), undefined];
}

async function main(): Promise<void> {
  const showDetail = process.argv.includes('--detail');
  const all = scenarios();
  const bankArg = process.argv.indexOf('--bank');
  if (bankArg > 0) {
    const half = process.argv[bankArg + 1] as BankHalf;
    const result = await runMode(all, bankOptions(half));
    if (showDetail) detail(result);
    console.log(`sentence mode, phrase bank ${half}`);
    for (const line of result.lines) console.log(line);
    return;
  }
  const modes: Mode[] = [
    ['single-fact mode: the value of each fact asked, a question group answered in one turn', () => ({}), true],
    ['single-fact mode, one fact a turn (no groups, as the diagnosis page asks)', () => ({ groups: false }), false],
    sentenceMode('sentence mode, test phrase bank (never tuned on): the user answers in words, adding up to two facts unasked', 'test'),
  ];
  let failed = false;
  for (const [title, options, groups] of modes) {
    const result = await runMode(all, options);
    if (showDetail) detail(result);
    console.log(title);
    for (const line of result.lines) console.log(line);
    if (groups !== undefined) console.log(await floors(all, groups));
    console.log('');
    if (result.played.some((p) => !p.ok)) failed = true;
  }

  // The development banks, one row each: every one was measured once untouched before it was
  // tuned on (test/fixtures/consult/README.md), so these are no estimate of unseen wording.
  console.log('sentence mode, development phrase banks (tuned on): to the first confirmed, average / maximum | to the end, average / maximum | ended wrong | corrections | read but not known');
  for (const half of DEVELOPMENT_BANKS) {
    const result = await runMode(all, bankOptions(half));
    if (showDetail) detail(result);
    console.log(`  ${half.padEnd(5)}  ${result.row}`);
    if (result.played.some((p) => !p.ok)) failed = true;
  }
  console.log('');

  const replay = await replayWithPriors(
    (await runMode(all, () => ({ groups: false }))).played.map(({ scenario, consultation, ok }) => ({
      environment: scenario.environment,
      consultation,
      ok,
      label: scenario.label,
      check: scenario.check,
    })),
  );
  console.log(`replayed with ?priors=field, one fact a turn: each of the ${replay.replayed} recorded consultations ranked by the answers of the other ${replay.replayed - 1} (leave one out)`);
  if (showDetail) for (const line of replay.changed) console.log(line);
  console.log(
    `  average ${replay.averageWith.toFixed(2)} questions with priors against ${replay.averageWithout.toFixed(2)} without; ${replay.fewer} took fewer, ${replay.more} more, ${replay.same} as many; ${replay.wrong} ended wrong`,
  );
  if (failed || replay.wrong > 0) process.exitCode = 1;
}

void main();
