import type { TaggedArticle } from '../../shared/core/article';
import type { ArticleRecord } from '../../shared/core/index-model';
import type { PublishQueueMessage, SourceObject } from '../../shared/core/messages';
import { handlePublishMessage, type PublishStageDeps } from '../../shared/stages/publish-stage';
import { silentLogger } from '../../shared/stages/ports';

const source: SourceObject = {
  bucket: 'raw',
  key: 'incoming/a.txt',
  sequencer: '0002',
  eventTime: '2026-11-29T10:00:00Z',
};
const article = {
  id: 'a',
  source: {},
  format: 'text',
  title: 'T',
  language: 'en',
  body: { paragraphs: ['b'], text: 'b', wordCount: 1, html: '<p>b</p>', markdown: 'b' },
  images: [],
  captions: [],
  authors: [],
  parsedAt: 'x',
  taggedAt: 'x',
  entities: [],
  keyPhrases: [],
  topics: [],
  fingerprints: { exact: '0'.repeat(64), simhash: '0'.repeat(16) },
  tagger: { engine: 'copydesk', version: 'test' },
} as TaggedArticle;

function setup(record: Partial<ArticleRecord> | undefined) {
  const calls: string[] = [];
  const deps: PublishStageDeps = {
    index: { get: async () => record as ArticleRecord | undefined },
    documents: { save: async () => ({ inline: {} as never }), load: async <T>() => article as T },
    published: {
      put: async (key, _doc, version) => void calls.push(`put ${key} v${version}`),
      remove: async (key) => void calls.push(`remove ${key}`),
    },
    events: {
      emit: async (type, detail) => void calls.push(`emit ${type} ${String(detail.version ?? '')}`.trim()),
    },
    publishedBucket: 'published',
    logger: silentLogger,
  };
  return { deps, calls };
}

const upsert = (version: number): PublishQueueMessage => ({
  kind: 'upsert',
  articleId: 'a',
  source,
  doc: { inline: article },
  version,
  firstCreated: '2026-11-29T10:00:00Z',
});
const withdraw: PublishQueueMessage = { kind: 'withdraw', articleId: 'a', source, reason: 'deleted' };

describe('the publish stage', () => {
  it('publishes the version the index holds, then emits', async () => {
    const { deps, calls } = setup({ status: 'indexed', version: 2 });
    await handlePublishMessage(upsert(2), deps);
    expect(calls).toEqual(['put articles/a.json v2', 'emit ArticlePublished 2']);
  });

  it('skips a version the index has moved past, or an article it no longer indexes', async () => {
    for (const record of [
      { status: 'indexed' as const, version: 3 },
      { status: 'deleted' as const, version: 2 },
      undefined,
    ]) {
      const { deps, calls } = setup(record);
      await handlePublishMessage(upsert(2), deps);
      expect(calls).toEqual([]);
    }
  });

  it('withdraws a deleted article, unless it was indexed again since the withdrawal was sent', async () => {
    const deleted = setup({ status: 'deleted', version: 2 });
    await handlePublishMessage(withdraw, deleted.deps);
    expect(deleted.calls).toEqual(['remove articles/a.json', 'emit ArticleWithdrawn']);

    const reindexed = setup({ status: 'indexed', version: 3 });
    await handlePublishMessage(withdraw, reindexed.deps);
    expect(reindexed.calls).toEqual([]);
  });
});
