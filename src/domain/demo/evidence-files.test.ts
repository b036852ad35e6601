import { describe, expect, it } from 'vitest';
import { EVIDENCE_MAX_BYTES } from '../contract/milestone';
import { evidenceMediaType, looksLike } from '../rules/milestone-evidence';
import { demoFileContent } from './evidence-files';
import { generateDemo } from './generate';

describe('demo evidence files', () => {
  const files = generateDemo({ today: '2026-11-22' }).evidence.filter((e) => e.kind === 'file');

  it('exist for every seeded file, pass the upload checks and match their recorded size', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const e of files) {
      const bytes = demoFileContent(e);
      const type = evidenceMediaType(e.mediaType);
      expect(type, e.name).not.toBeNull();
      expect(looksLike(type!, bytes), e.name).toBe(true);
      expect(bytes.byteLength, e.name).toBe(e.sizeBytes);
      expect(bytes.byteLength).toBeLessThan(EVIDENCE_MAX_BYTES);
    }
  });

  it('are well-formed PDFs: the cross-reference table points at each object', () => {
    const pdf = files.find((e) => e.mediaType === 'application/pdf')!;
    const text = new TextDecoder().decode(demoFileContent(pdf));
    const xrefAt = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) =>
      expect(text.slice(offset)).toMatch(new RegExp(`^${i + 1} 0 obj`)),
    );
  });
});
