import fc from 'fast-check';
import { annotate } from '../src/app/annotate';
import { annotateEntry } from '../src/app/annotate-batch';
import { Contract } from '../src/contract/contract';
import { growthRatio, settledGrowthRatio } from './support/growth';
import { bundledKnowledgeBase } from '../harness/knowledge-base';
import { postOnNewConnection, TestApi, type Schemas } from '../harness/api';
import { member } from '../harness/member';

// Every handler's work grows linearly with its input: twice the input may take about twice the
// time, never four times. Inputs go up to the limits the service accepts (a ticket body of
// 60,000 characters, a 100 kB request, a 5 MB batch), long, repetitive and dense with errors:
// the shapes that made annotation and validation quadratic.
jest.setTimeout(600_000);

const MAX_RATIO = 3;
const run = { numRuns: 6, seed: 20261201, endOnFailure: true };

// Pieces of ticket text that each reach a different part of extraction: patterns, lexicon
// phrases (and their plurals), sentence rules, negation cues in any spelling (which send a
// sentence to the tokenizer), hedges and client-side cues, context items, clause breaks, address
// cues before and after an address, addresses and networks.
const fragments = [
  'NAT ',
  "we don't use NAT",
  'no NAT but ',
  'Outlook 2003 ',
  'cannot connect',
  'server 10.0.0.5 ',
  'my laptop 192.168.1.20',
  'fe80::1 ',
  '::',
  '1:1 ',
  'port 135 is blocked ',
  'not ',
  ', ',
  '. ',
  '\n',
  '(',
  'exchange 5.5 ',
  'static IP ',
  'x',
  ' ',
  'sync ',
  'ISA Server ',
  'SonicWalls ',
  'Check Point on Windows NT ',
  'Exch 2k3 ',
  'telnet 10.0.0.1 135 works ',
  'Outlook fails ',
  'can’t ',
  'cant ',
  'should we ',
  'works fine ',
  'at home ',
  'Outlook for Mac ',
  'VPN works ',
  '10.0.0.0/24 ',
  ' is our Exchange ',
  'forwards 443 to ',
  'The connection to Microsoft Exchange is unavailable ',
  '0x85010014 ',
  'Resolution:\n',
  'Planned action:\n- static NAT ',
];
const ticketText = fc.oneof(
  fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: fc.constantFrom('N', 'A', 'T', ' ', ',', '.', '\n', '1', '0', ':', 'n', 'o', 't', 'f', 'e'), minLength: 1, maxLength: 40 }),
);
const filled = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

// The measure itself: it must tell quadratic work from linear under MAX_RATIO, or the tests
// below could not fail.
it('growthRatio and settledGrowthRatio tell quadratic work (about 4) from linear work (about 2)', async () => {
  let sink = 0;
  const linear = (n: number) => {
    for (let i = 0; i < n * 200; i += 1) sink += i & 1;
  };
  const quadratic = (n: number) => {
    for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) sink += (i ^ j) & 1;
  };
  expect(await growthRatio(linear, 2_000)).toBeLessThan(MAX_RATIO);
  expect(await growthRatio(quadratic, 2_000)).toBeGreaterThan(MAX_RATIO);
  // Measuring again while over the bound, as the tests below do, must not let quadratic work pass.
  expect(await settledGrowthRatio(quadratic, 2_000, MAX_RATIO)).toBeGreaterThan(MAX_RATIO);
  expect(sink).toBeGreaterThan(0);
});

describe('work grows linearly with the input', () => {
  it('annotating a long, repetitive ticket (up to the 60,000-character body)', async () => {
    const served = bundledKnowledgeBase();
    await fc.assert(
      fc.asyncProperty(ticketText, async (unit) => {
        const ratio = await settledGrowthRatio((length) => annotate(served, { id: 't', subject: filled(unit, 1000), body: filled(unit, length) }), 30_000, MAX_RATIO);
        expect(ratio).toBeLessThan(MAX_RATIO);
      }),
      run,
    );
  });

  describe('refusing bodies dense with errors', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await TestApi.start();
    });
    afterAll(() => api.close());

    // A value that is wrong wherever it stands, and where it stands: list items or unknown facts.
    const wrong = fc.constantFrom(0, null, {}, true, 'x', []);
    const shape = fc.constantFrom('items', 'keys');
    const facts = (kind: string, value: unknown, count: number) =>
      kind === 'items' ? { symptoms: Array(count).fill(value) } : Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, value]));
    // How many wrong values fill about half of `limit` bytes, so that twice as many still fit under it.
    const countFor = (limit: number, body: (n: number) => string) => {
      let count = Math.floor((limit * 0.48) / ((body(1000).length - body(0).length) / 1000));
      while (body(count * 2).length > limit * 0.98) count = Math.floor(count * 0.95);
      return count;
    };
    // A new connection for each request: building the next body can take longer than the
    // server keeps an idle connection open, and a request sent as it closes one is reset.
    // Bodies are built once per size, outside the time measured.
    const memo = (build: (n: number) => string) => {
      const built = new Map<number, string>();
      return (n: number) => built.get(n) ?? built.set(n, build(n)).get(n)!;
    };
    const post = <T>(path: string, body: string) => postOnNewConnection<T>(`${api.baseUrl}${path}`, body);

    it('a diagnose request (up to the 100 kB body)', async () => {
      await fc.assert(
        fc.asyncProperty(shape, wrong, async (kind, value) => {
          const body = memo((n: number) => JSON.stringify({ facts: facts(kind, value, n) }));
          const ratio = await settledGrowthRatio(
            async (n) => {
              expect((await post<Schemas['Problem']>('/v1/diagnose', body(n))).body.code).toBe('invalid_request');
            },
            countFor(102_400, body),
            MAX_RATIO,
          );
          expect(ratio).toBeLessThan(MAX_RATIO);
        }),
        run,
      );
    });

    // In-process, on the parsed ticket: at this size V8's JSON.parse itself takes 2.3-2.6 times
    // as long for twice the values (measured: 21 against 56 ms for 1.25 and 2.5 million list
    // items), before any handler of ours sees the body; and the schema check of an object with
    // 50,000 unknown keys takes about 2.35 times as long as of 25,000 (ajv's compiled check, 8.4
    // against 19.1 ms CPU, measured alone), the nearest of these cases to the limit.
    it('a batch ticket (up to the 1 MB batch body)', async () => {
      const served = bundledKnowledgeBase();
      const contract = new Contract();
      const checkTicket = contract.check(contract.schemaPointer('Ticket'));
      await fc.assert(
        fc.asyncProperty(shape, wrong, async (kind, value) => {
          const perValue = JSON.stringify(value).length + (kind === 'keys' ? 10 : 1);
          const tickets = new Map<number, unknown>();
          const ticket = (n: number) => tickets.get(n) ?? tickets.set(n, { id: 't', facts: facts(kind, value, n) }).get(n);
          const ratio = await settledGrowthRatio(
            async (n) => {
              expect((await annotateEntry(served, ticket(n), checkTicket, '/tickets/0', '/v1/annotate/batch')).status).toBe(400);
            },
            Math.floor((2 ** 20 * 0.48) / perValue),
            MAX_RATIO,
            // More samples than elsewhere: a body this large leaves garbage whose collection, on a
            // busy machine, lands in some samples and not others (ratios of 2.3 alone, 3.04 once
            // under a full test run); the least of nine finds the quiet ones.
            9,
          );
          expect(ratio).toBeLessThan(MAX_RATIO);
        }),
        { ...run, numRuns: 3 },
      );
    });

    it('an MCP tool call (up to the 100 kB body)', async () => {
      await fc.assert(
        fc.asyncProperty(shape, wrong, async (kind, value) => {
          const call = memo((n: number) => JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'diagnose', arguments: { facts: facts(kind, value, n) } } }));
          const ratio = await settledGrowthRatio(
            async (n) => {
              // Refused as a tool result a model reads (isError), not a JSON-RPC error.
              expect(member((await post('/mcp', call(n))).body, 'result', 'isError')).toBe(true);
            },
            countFor(102_400, call),
            MAX_RATIO,
          );
          expect(ratio).toBeLessThan(MAX_RATIO);
        }),
        run,
      );
    });
  });
});
