import type { ArticleRecord } from '../../shared/core/index-model';
import { createArchive } from '../../shared/stages/archive';
import { NotFoundError } from '../../shared/stages/archive-api';
import { MemoryArchiveIndex } from '../support/memory-archive-index';

const record = (
  n: number,
  articleDate: string,
  status: ArticleRecord['status'] = 'indexed',
): ArticleRecord => ({
  id: n.toString(16).padStart(20, '0'),
  status,
  version: 1,
  versionToken: '01',
  source: { bucket: 'raw', key: `incoming/wire/${n}.txt` },
  sourceName: 'wire',
  articleDate,
  firstIndexedAt: articleDate,
  updatedAt: articleDate,
  title: `Story ${n}`,
  language: 'en',
});

describe('the archive use case', () => {
  const index = new MemoryArchiveIndex();
  // Forty articles, one a day, over every status shard; the newest is not the last one added.
  for (let n = 1; n <= 40; n++) index.add(record(n, new Date(Date.UTC(2026, 9, n)).toISOString()));
  index.add(record(99, '2026-12-01T00:00:00.000Z', 'rejected'));
  const archive = createArchive({
    index,
    published: { get: async () => undefined },
    queues: { depth: async (_stage, deadLetter) => (deadLetter ? 1 : 0) },
  });

  it('reports the newest indexed article, counts and queue depths, reading one posting per shard', async () => {
    const before = index.postingsRead;
    const status = await archive.status();
    expect(status.newest).toMatchObject({ title: 'Story 40' });
    expect(status.articles).toEqual({ indexed: 40, rejected: 1, deleted: 0 });
    expect(status.queues.parse).toEqual({ waiting: 0, deadLettered: 1 });
    expect(index.postingsRead - before).toBeLessThanOrEqual(8);
  });

  it('says which article is unknown, and refuses what is not an id', async () => {
    await expect(archive.article('0'.repeat(20))).rejects.toBeInstanceOf(NotFoundError);
    await expect(archive.article('../../etc')).rejects.toThrow('20 hex digits');
    await expect(archive.ninjs(record(1, '2026-10-01').id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists rejected files with their reasons, and takes only the parameters that make sense there', async () => {
    expect((await archive.rejected({})).items.map((i) => i.title)).toEqual(['Story 99']);
    await expect(archive.rejected({ q: 'story' })).rejects.toThrow('unknown parameter "q"');
  });
});
