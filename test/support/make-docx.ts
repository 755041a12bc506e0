import JSZip from 'jszip';

/**
 * Writes a .docx the way Word lays one out: [Content_Types].xml, the package relationships, the main
 * document part with its relationships (hyperlinks), the styles part (Title, Subtitle, Heading 1-2,
 * Caption, Quote, List Paragraph, with the document language in the defaults), numbering for lists, and
 * docProps/core.xml with title, creator and dates.
 */

export type DocxParagraph =
  | { style?: string; text: string; link?: { text: string; href: string } }
  | { list: 'bullet' | 'number'; text: string };

export interface DocxCore {
  title?: string;
  creator?: string;
  created?: string;
  modified?: string;
  language?: string;
  category?: string;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const STYLE_IDS: Record<string, string> = {
  Title: 'Title',
  Subtitle: 'Subtitle',
  'Heading 1': 'Heading1',
  'Heading 2': 'Heading2',
  Caption: 'Caption',
  Quote: 'Quote',
  'List Paragraph': 'ListParagraph',
};

function styles(language: string): string {
  const style = (name: string, extra = '') =>
    `<w:style w:type="paragraph" w:styleId="${STYLE_IDS[name]}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>${extra}</w:style>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="22"/><w:lang w:val="${language}" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
${style('Title', '<w:rPr><w:sz w:val="56"/></w:rPr>')}
${style('Subtitle')}
${style('Heading 1', '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>')}
${style('Heading 2', '<w:pPr><w:outlineLvl w:val="1"/></w:pPr>')}
${style('Caption')}
${style('Quote')}
${style('List Paragraph')}
</w:styles>`;
}

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

export async function makeDocx(paragraphs: DocxParagraph[], core: DocxCore = {}): Promise<Buffer> {
  const rels: string[] = [
    `<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rId2" Type="${R}/numbering" Target="numbering.xml"/>`,
  ];
  const run = (t: string) => `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
  const body = paragraphs
    .map((p) => {
      if ('list' in p) {
        return `<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${p.list === 'bullet' ? 1 : 2}"/></w:numPr></w:pPr>${run(p.text)}</w:p>`;
      }
      const pPr = p.style ? `<w:pPr><w:pStyle w:val="${STYLE_IDS[p.style] ?? p.style}"/></w:pPr>` : '';
      let runs = run(p.text);
      if (p.link) {
        const id = `rId${rels.length + 1}`;
        rels.push(
          `<Relationship Id="${id}" Type="${R}/hyperlink" Target="${esc(p.link.href)}" TargetMode="External"/>`,
        );
        runs += `<w:hyperlink r:id="${id}">${run(p.link.text)}</w:hyperlink>${run('.')}`;
      }
      return `<w:p>${pPr}${runs}</w:p>`;
    })
    .join('\n');

  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>
${body}
<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>
</w:body></w:document>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
${rels.join('\n')}
</Relationships>`,
  );
  zip.file('word/styles.xml', styles(core.language ?? 'en-US'));
  zip.file('word/numbering.xml', NUMBERING);
  const prop = (tag: string, v?: string, attrs = '') => (v ? `<${tag}${attrs}>${esc(v)}</${tag}>` : '');
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${prop('dc:title', core.title)}${prop('dc:creator', core.creator)}${prop('cp:lastModifiedBy', core.creator)}${prop('cp:category', core.category)}
${prop('dcterms:created', core.created, ' xsi:type="dcterms:W3CDTF"')}${prop('dcterms:modified', core.modified, ' xsi:type="dcterms:W3CDTF"')}
</cp:coreProperties>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
