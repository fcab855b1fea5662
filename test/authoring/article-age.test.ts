import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { articleOrder, newerBy } from '../../src/authoring/article-age';

/** A git work tree whose rules/articles/ gets `files` committed in this order, one commit per list. */
function repository(commits: string[][], untracked: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'article-age-'));
  const git = (...args: string[]) => execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { stdio: 'ignore' });
  git('init', '-q');
  fs.mkdirSync(path.join(root, 'rules', 'articles'), { recursive: true });
  for (const files of commits) {
    for (const file of files) fs.writeFileSync(path.join(root, 'rules', 'articles', file), '{}');
    git('add', '.');
    git('commit', '-q', '-m', 'add');
  }
  for (const file of untracked) fs.writeFileSync(path.join(root, 'rules', 'articles', file), '{}');
  return path.join(root, 'rules');
}

describe('the order articles were added in', () => {
  it('is the order git added their files, whatever their ids', () => {
    const rules = repository([['KB300000.json', 'KB200000.json'], ['KB100000.json']], ['KB000001.json']);
    expect(articleOrder(rules)).toEqual(['KB200000', 'KB300000', 'KB100000']);
  });

  it('makes a file git does not have yet the newest, and the later addition newer', () => {
    const newer = newerBy(['KB200000', 'KB300000', 'KB100000']);
    expect(newer('KB000001', 'KB100000')).toBe('KB000001');
    expect(newer('KB300000', 'KB100000')).toBe('KB100000');
    expect(newer('KB200000', 'KB300000')).toBe('KB300000');
  });

  it('falls back to ids outside a git work tree', () => {
    const rules = fs.mkdtempSync(path.join(os.tmpdir(), 'no-git-'));
    expect(articleOrder(rules)).toEqual([]);
    expect(newerBy([])('KB100000', 'KB200000')).toBe('KB200000');
  });
});
