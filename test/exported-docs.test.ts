import { exportedSymbols } from './support/exported-symbols';

// Code is read more than written: whatever a module exports, another reads, so it says what it is.
describe('every export of src/', () => {
  it('has a doc comment, or is not exported', () => {
    const symbols = exportedSymbols();
    expect(symbols.length).toBeGreaterThan(250);
    expect(symbols.filter((s) => !s.documented).map((s) => `${s.file} ${s.name}`)).toEqual([]);
  });
});
