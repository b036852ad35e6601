import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV', () => {
  it('quotes separators, quotes and line breaks (RFC 4180)', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['line\nbreak', null],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\r\n');
  });

  it('keeps a text cell that looks like a formula as text, and numbers as numbers', () => {
    expect(
      toCsv(['source'], [['=HYPERLINK("http://evil.example")'], ['+1'], ['-2'], ['@SUM(A1)']]),
    ).toBe('source\r\n"\'=HYPERLINK(""http://evil.example"")"\r\n\'+1\r\n\'-2\r\n\'@SUM(A1)\r\n');
    expect(toCsv(['tab'], [['\tcmd'], ['\rcmd']])).toBe('tab\r\n\'\tcmd\r\n"\'\rcmd"\r\n');
    expect(toCsv(['value'], [[-5], [1.5]])).toBe('value\r\n-5\r\n1.5\r\n');
  });

  it('never lets a text cell start with a formula character', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const line = toCsv(['h'], [[text]]).split('\r\n')[1] ?? '';
        const unquoted = line.startsWith('"') ? line.slice(1) : line;
        expect(unquoted).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 500 },
    );
  });

  it('writes what French Excel opens: a BOM, semicolons, decimal commas, quoted semicolons', () => {
    expect(
      toCsv(
        ['Indicateur', 'Valeur'],
        [
          ['Délai; médian', 4.5],
          ['=1+1', -3.25],
        ],
        'excel-fr',
      ),
    ).toBe('\ufeffIndicateur;Valeur\r\n"Délai; médian";4,5\r\n\'=1+1;-3,25\r\n');
    expect(toCsv(['a'], [['x;y']], 'standard')).toBe('a\r\nx;y\r\n');
  });
});
