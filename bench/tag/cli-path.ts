import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Entity } from '../../shared/core/article';
import { tagFiles } from '../../cli/commands/offline';
import type { NamedSpan } from './conll';

/**
 * Entities as a user gets them from `copydesk tag --jsonl`: each story written as a `{title, body}` JSON file,
 * the headline line as title and the other lines as body paragraphs (blank-line separated), and the command's
 * own code run on the files in-process. Every name an entity is given — its name and each of its mentions — is
 * scored, since that is what the output offers as the entity's names.
 */

const TYPE = { person: 'PER', organization: 'ORG', place: 'LOC' } as const;

/** The JSON a user would hand the CLI for a story given as lines, the first being the headline. */
export function storyJson(text: string): string {
  const [title = '', ...lines] = text.split('\n');
  return JSON.stringify({ title, body: lines.join('\n\n') });
}

/** The entity names of one article line of the CLI's JSONL output. */
export function namesOfOutputLine(line: string): NamedSpan[] {
  const out = JSON.parse(line) as { entities?: Entity[] };
  return (out.entities ?? []).flatMap((e) =>
    [e.name, ...e.mentions].map((text) => ({ type: TYPE[e.type], text })),
  );
}

/** Stories are written once to a scratch folder, which tagging passes then read as the CLI would. */
export class CliStories {
  readonly dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-tag-'));
  readonly paths: string[];

  constructor(texts: readonly string[]) {
    this.paths = texts.map((text, i) => {
      const path = join(this.dir, `story-${String(i).padStart(5, '0')}.json`);
      writeFileSync(path, storyJson(text));
      return path;
    });
  }

  /** Runs `copydesk tag --jsonl` over the stories; the names found in each, in the stories' order. */
  async tag(): Promise<NamedSpan[][]> {
    let buffered = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        buffered += chunk.toString('utf8');
        done();
      },
    });
    const code = await tagFiles(this.paths, { jsonl: true }, sink);
    if (code !== 0) throw new Error(`copydesk tag exited with ${code}`);
    const byPath = new Map<string, NamedSpan[]>();
    for (const line of buffered.split('\n')) {
      if (!line) continue;
      const path = (JSON.parse(line) as { source: { path: string } }).source.path;
      byPath.set(path, namesOfOutputLine(line));
    }
    return this.paths.map((p) => byPath.get(p) ?? []);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
