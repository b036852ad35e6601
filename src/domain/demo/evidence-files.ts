import type { Evidence } from '../contract/milestone';

/**
 * The bytes of a seeded demo file, rebuilt from its row, so that every demo download works in the
 * mocks and on a seeded server without shipping binary fixtures. PDFs are a real one-page PDF
 * (checked by the same signature rule as uploads); CSVs a short extract.
 */
export function demoFileContent(
  e: Pick<Evidence, 'name' | 'mediaType' | 'uploadedBy' | 'uploadedAt' | 'milestoneId'>,
): Uint8Array<ArrayBuffer> {
  const lines = [
    'Jalon - document de demonstration',
    ascii(e.name),
    `Jalon ${ascii(e.milestoneId)}, depose par ${ascii(e.uploadedBy)} le ${e.uploadedAt.slice(0, 10)}`,
    'Donnees fictives : aucune donnee de sante.',
  ];
  if (e.mediaType === 'text/csv') {
    return encode(
      ['periode;valeur;source', '2026-01;128;journal editeur', '2026-02;141;journal editeur']
        .concat(`# ${lines.join(' - ')}`)
        .join('\n') + '\n',
    );
  }
  return pdf(lines);
}

/** PDF strings are written in WinAnsi here: accents are folded so any reader shows them. */
function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\x20-\x7e]/g, '?');
}

function encode(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

function pdf(lines: readonly string[]): Uint8Array<ArrayBuffer> {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = lines
    .map((line, i) => `${i === 0 ? '/F1 16 Tf' : '/F1 11 Tf'} (${escape(line)}) Tj 0 -24 Td`)
    .join(' ');
  const stream = `BT 72 770 Td ${text} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return encode(body);
}
