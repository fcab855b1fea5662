import { foldCondition, forEachFactCondition } from '../../src/kb/condition-walk';
import type { Condition } from '../../src/kb/model';

const source = { file: 'x.txt', quote: 'q' } as never;
const tree: Condition = {
  all: [
    { fact: 'clientKind', operator: 'equal', value: 'outlook', source },
    { any: [{ fact: 'natMode', operator: 'equal', value: 'one-to-one', source }, { not: { fact: 'port135Reachable', operator: 'equal', value: true, source } }] },
  ],
};

describe('the condition walk', () => {
  it('folds children before their group, in file order, with pointers and depths', () => {
    const seen: string[] = [];
    const described = foldCondition<string>(
      tree,
      {
        fact: (leaf, place) => (seen.push(`${leaf.fact}@${place.pointer}:${place.depth}`), leaf.fact),
        all: (parts, _node, place) => (seen.push(`all@${place.pointer}`), `all(${parts.join(', ')})`),
        any: (parts, _node, place) => (seen.push(`any@${place.pointer}`), `any(${parts.join(', ')})`),
        not: (part, _node, place) => (seen.push(`not@${place.pointer}`), `not(${part})`),
      },
      '/conditions',
    );
    expect(described).toBe('all(clientKind, any(natMode, not(port135Reachable)))');
    expect(seen).toEqual([
      'clientKind@/conditions/all/0:1',
      'natMode@/conditions/all/1/any/0:2',
      'port135Reachable@/conditions/all/1/any/1/not:3',
      'not@/conditions/all/1/any/1',
      'any@/conditions/all/1',
      'all@/conditions',
    ]);
  });

  it('visits each fact condition with the kind of node directly above it', () => {
    const leaves: string[] = [];
    forEachFactCondition(tree, (leaf, { pointer, parent }) => leaves.push(`${leaf.fact} ${pointer} ${parent}`));
    expect(leaves).toEqual(['clientKind /all/0 all', 'natMode /all/1/any/0 any', 'port135Reachable /all/1/any/1/not not']);
  });

  it('takes a lone fact condition as sitting under an all', () => {
    const leaves: string[] = [];
    forEachFactCondition({ fact: 'clientKind', operator: 'equal', value: 'outlook', source }, (_leaf, { parent }) => leaves.push(parent));
    expect(leaves).toEqual(['all']);
  });
});
