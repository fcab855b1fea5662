import fs from 'node:fs';
import path from 'node:path';
import { scaffold } from '../../src/authoring/scaffold';
import { placeholders } from '../../src/kb/placeholders';
import { bundledRulesDir } from '../../src/paths';

const stored = (name: string) => ({ name, text: fs.readFileSync(path.join(bundledRulesDir, 'sources', name), 'utf8') });

describe('the scaffold of a new article', () => {
  it("takes the title and the date from a kbarchive copy's header, and leaves its address to the author, quoting the source line", () => {
    const { article } = scaffold('KB180795', stored('Q180795.txt'));
    expect(article.title).toBe('XADM: Intrasite Directory Replication Fails with Error 1720');
    expect(article.revisions).toEqual([{ id: '2002-01-10', date: '2002-01-10', title: article.title, seed: 'Q180795.txt' }]);
    expect(article.url).toBe("TODO: the article's address (https://...); the stored text's source line says: jeffpar/kbarchive kb/180/Q180795/README.md");
    expect((article.appliesTo as { product: string }[])[0]!.product).toBe('TODO: the product as the text names it (its header: Product(s): Microsoft Exchange; Version(s): 4.0,5.0,5.5)');
  });

  it('takes a source line that is one address as the URL, and names no date it cannot read', () => {
    const { article } = scaffold('EXCH2016', stored('EXCH2016-mapi-over-http.txt'));
    expect(article.url).toBe('https://learn.microsoft.com/exchange/clients/mapi-over-http/mapi-over-http');
    expect((article.revisions as { id: string; date?: string }[])[0]).not.toHaveProperty('date');
    expect((article.revisions as { id: string }[])[0]!.id).toMatch(/^TODO: /);
  });

  it('counts every placeholder it leaves, keys included', () => {
    const result = scaffold('KB180795', stored('Q180795.txt'));
    expect(result.placeholders).toBe(placeholders(result.article).length + placeholders(result.table).length);
    expect(placeholders(result.table).map((p) => p.pointer)).toContain('/valid/0/facts/TODO: a fact the cause depends on');
  });
});
