/**
 * Writes small but structurally real PDF files for tests: a catalog, a page tree, Type 1 standard fonts,
 * content streams with text operators, an Info dictionary and a correct cross-reference table. A page
 * can also carry only an image (what a scanner produces), to exercise the no-text-layer path.
 */

export interface PdfText {
  text: string;
  /** Font size in points. */
  size: number;
  /** Baseline position from the bottom-left corner, in points (A4 is 595 x 842). */
  x?: number;
  y: number;
  bold?: boolean;
}

export type PdfPage = { lines: PdfText[] } | { image: { width: number; height: number } };

export interface PdfInfo {
  Title?: string;
  Author?: string;
  Subject?: string;
  Producer?: string;
  /** PDF date string, e.g. D:20240305083000Z */
  CreationDate?: string;
  ModDate?: string;
}

/** WinAnsiEncoding for the typographic characters outside Latin-1. */
const WIN_ANSI: Record<string, string> = {
  '€': '\x80',
  '‘': '\x91',
  '’': '\x92',
  '“': '\x93',
  '”': '\x94',
  '–': '\x96',
  '—': '\x97',
};

const escapePdfString = (s: string): string =>
  s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[€‘’“”–—]/g, (c) => WIN_ANSI[c]!);

export function makePdf(pages: PdfPage[], info: PdfInfo = {}): Buffer {
  const objects: Array<string | Buffer> = [];
  const add = (body: string | Buffer): number => {
    objects.push(body);
    return objects.length;
  };
  const stream = (dict: string, data: Buffer): Buffer =>
    Buffer.concat([
      Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream', 'latin1'),
    ]);

  const catalog = add(''); // filled in below, once the page tree's number is known
  const pagesObj = add('');
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    let resources: string;
    let content: Buffer;
    if ('lines' in page) {
      const ops = page.lines
        .map(
          (l) =>
            `BT /${l.bold ? 'F2' : 'F1'} ${l.size} Tf ${l.x ?? 56} ${l.y} Td (${escapePdfString(l.text)}) Tj ET`,
        )
        .join('\n');
      content = Buffer.from(ops, 'latin1');
      resources = `<< /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >>`;
    } else {
      const { width, height } = page.image;
      const pixels = Buffer.alloc(width * height, 0x80);
      const image = add(
        stream(
          `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8`,
          pixels,
        ),
      );
      content = Buffer.from(`q 483 0 0 700 56 70 cm /Im1 Do Q`, 'latin1');
      resources = `<< /XObject << /Im1 ${image} 0 R >> >>`;
    }
    const contentObj = add(stream('', content));
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents ${contentObj} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] =
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const infoEntries = Object.entries(info)
    .map(([k, v]) => `/${k} (${escapePdfString(String(v))})`)
    .join(' ');
  const infoObj = infoEntries ? add(`<< ${infoEntries} >>`) : undefined;

  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root ${catalog} 0 R${infoObj ? ` /Info ${infoObj} 0 R` : ''} >>`,
    'startxref',
    String(offset),
    '%%EOF',
    '',
  ].join('\n');
  chunks.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(chunks);
}
