import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { articleIdFor } from '../../shared/core/article-id';
import { parseFiles, tagFiles } from '../../cli/commands/offline';
import { makePdf } from '../support/make-pdf';

const SEEDS = join(__dirname, '../../..', 'shared/seeds');

/** The fields these tests read from a JSON line: an article, a tagged article, or a rejection. */
interface Line {
  id: string;
  format: string;
  title: string;
  source: { path: string };
  body: { paragraphs: string[] };
  entities?: Array<{ name: string }>;
  keyPhrases?: unknown[];
  taggedAt?: string;
  rejected: { code: string; message: string };
}

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
  lines(): Line[] {
    return this.text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line);
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-offline-'));
  writeFileSync(
    join(dir, 'b-story.txt'),
    'Rail strike called off\n\nUnion leaders called off a planned rail strike in Madrid on Friday after Transport Minister Ana Ruiz offered a new pay deal.\n\nRuiz said the offer was final.\n',
  );
  writeFileSync(
    join(dir, 'a-page.html'),
    '<!doctype html><html lang="en"><head><title>Library opens late | Town Post</title></head><body><article><h1>Library opens late</h1><p>The central library in Leeds will stay open until ten on weekdays from next month, the council said on Tuesday.</p></article></body></html>',
  );
  // A scanned page: an image and no text layer, which copydesk cannot read without OCR.
  writeFileSync(join(dir, 'c-scan.pdf'), makePdf([{ image: { width: 2, height: 2 } }]));
  mkdirSync(join(dir, 'nested'));
  writeFileSync(join(dir, 'nested', 'empty.txt'), '   \n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('copydesk parse (offline)', () => {
  it('expands directories in sorted order and prints one JSON line per input', async () => {
    const out = new Collect();
    expect(await parseFiles([dir], { jsonl: true }, out)).toBe(0);
    const lines = out.lines();
    const paths = ['a-page.html', 'b-story.txt', 'c-scan.pdf', join('nested', 'empty.txt')].map((p) =>
      join(dir, p),
    );
    expect(lines.map((l) => l.source.path)).toEqual(paths);

    const [html, text, pdf, empty] = lines;
    expect(html!.id).toBe(articleIdFor(paths[0]!));
    expect(html!.format).toBe('html');
    expect(html!.title).toBe('Library opens late');
    expect(text!.title).toBe('Rail strike called off');
    expect(text!.body.paragraphs).toHaveLength(2);
    expect(text!.entities).toBeUndefined();
    expect(pdf).toEqual({
      source: { path: paths[2] },
      rejected: { code: 'NO_CONTENT', message: expect.stringMatching(/PDF has no text layer/) },
    });
    expect(empty!.rejected.code).toBe('EMPTY');
  });

  it('keeps the path exactly as given for a single file', async () => {
    const out = new Collect();
    const given = `${dir}/./b-story.txt`;
    await parseFiles([given], { jsonl: true }, out);
    expect(out.lines()[0]!.source.path).toBe(given);
    expect(out.lines()[0]!.id).toBe(articleIdFor(given));
  });

  it('rejects files over maxBytes as TOO_LARGE', async () => {
    const out = new Collect();
    expect(await parseFiles([join(dir, 'b-story.txt')], { jsonl: true, maxBytes: 10 }, out)).toBe(0);
    expect(out.lines()[0]!.rejected.code).toBe('TOO_LARGE');
  });

  it('prints a human summary without --jsonl', async () => {
    const out = new Collect();
    await parseFiles([join(dir, 'a-page.html'), join(dir, 'c-scan.pdf')], { jsonl: false }, out);
    expect(out.text).toContain('Library opens late');
    expect(out.text).toContain('language  en');
    expect(out.text).toMatch(/rejected\s+NO_CONTENT/);
  });

  it('exits 2 when a path does not exist', async () => {
    const out = new Collect();
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await parseFiles([join(dir, 'missing.txt')], { jsonl: true }, out)).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(out.text).toBe('');
  });
});

describe('copydesk tag (offline)', () => {
  it('adds entities and key phrases', async () => {
    const out = new Collect();
    expect(await tagFiles([join(dir, 'b-story.txt')], { jsonl: true }, out)).toBe(0);
    const [t] = out.lines();
    expect(t!.entities!.map((e) => e.name)).toEqual(expect.arrayContaining(['Ana Ruiz', 'Madrid']));
    expect(Array.isArray(t!.keyPhrases)).toBe(true);
    expect(typeof t!.taggedAt).toBe('string');
  });

  it('summarises people and places for humans', async () => {
    const out = new Collect();
    await tagFiles([join(dir, 'b-story.txt')], { jsonl: false }, out);
    expect(out.text).toMatch(/persons\s+Ana Ruiz/);
    expect(out.text).toMatch(/places\s+Madrid/);
  });

  (existsSync(SEEDS) ? it : it.skip)('tags the seed folder (skipped when ../shared is absent)', async () => {
    const out = new Collect();
    expect(await tagFiles([SEEDS], { jsonl: true }, out)).toBe(0);
    const seed = out.lines().find((l) => String(l.source.path).endsWith('000_4eb0d4afc9cd035e.txt'))!;
    expect(seed.title).toBe('China, Japan hope for improved ties');
    expect(seed.entities!.map((e) => e.name)).toEqual(expect.arrayContaining(['Wang Yi', 'Taro Kono']));
  });
});
