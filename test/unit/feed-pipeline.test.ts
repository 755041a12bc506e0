import type { ParsedArticle, TaggedArticle } from '../../shared/core/article';
import { articleIdFor } from '../../shared/core/article-id';
import type {
  IndexQueueMessage,
  PublishQueueMessage,
  SourceObject,
  TagQueueMessage,
} from '../../shared/core/messages';
import { feedItemId } from '../../shared/core/parse';
import { handleIndexMessage } from '../../shared/stages/index-stage';
import { handleRawBucketMessage } from '../../shared/stages/parse-stage';
import { silentLogger } from '../../shared/stages/ports';
import { MemoryIndex } from '../support/memory-index';

/**
 * The feed path through the parse and index stages, with in-memory ports: a feed becomes one tag message
 * per item plus a container for the index; deleting the feed withdraws every item it ever produced; a
 * rolled feed does not withdraw the items that fell off its window; out-of-order events settle right.
 */

const KEY = 'incoming/gazette/local.rss';
const FEED_ID = articleIdFor(KEY);

const rss = (items: Array<{ guid: string; title: string; text?: string }>) => `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Gazette</title><link>https://gazette.example.com/</link>
${items
  .map(
    (i) =>
      `<item><guid>${i.guid}</guid><title>${i.title}</title><link>https://gazette.example.com/${i.guid}</link><description>${i.text ?? `${i.title}: the council said on Monday that work would start soon.`}</description></item>`,
  )
  .join('\n')}
</channel></rss>`;

const s3Event = (
  name: 'ObjectCreated:Put' | 'ObjectRemoved:Delete',
  sequencer: string,
  etag = `e${sequencer}`,
) =>
  JSON.stringify({
    Records: [
      {
        eventName: name,
        eventTime: `2026-11-29T10:00:${sequencer.slice(-2)}.000Z`,
        s3: { bucket: { name: 'raw' }, object: { key: KEY, size: 10, eTag: etag, sequencer } },
      },
    ],
  });

/** Feed bodies by ETag ("e" + the event's sequencer). */
function world(bodies: Map<string, string>) {
  const index = new MemoryIndex();
  const toTag: TagQueueMessage[] = [];
  const toIndex: IndexQueueMessage[] = [];
  const published: PublishQueueMessage[] = [];
  const documents = {
    save: async <T>(doc: T) => ({ inline: doc }),
    load: async <T>(ref: { inline: T } | { s3: unknown }) => (ref as { inline: T }).inline,
  };
  const parseDeps = {
    objects: {
      read: async (s: SourceObject) => ({
        found: true as const,
        bytes: Buffer.from(bodies.get(s.etag ?? '') ?? ''),
        etag: s.etag,
      }),
    },
    documents,
    toTag: { send: async (m: TagQueueMessage) => void toTag.push(m) },
    toIndex: { send: async (m: IndexQueueMessage) => void toIndex.push(m) },
    maxInputBytes: 1 << 20,
    logger: silentLogger,
  };
  const indexDeps = {
    index,
    documents,
    toPublish: { send: async (m: PublishQueueMessage) => void published.push(m) },
    logger: silentLogger,
  };
  /** What the tag stage would send on: the same message with a tagged document. */
  const tagged = (m: TagQueueMessage): IndexQueueMessage => {
    const parsed = (m.doc as { inline: ParsedArticle }).inline;
    const article: TaggedArticle = {
      ...parsed,
      entities: [],
      keyPhrases: [],
      topics: [],
      fingerprints: { exact: '0'.repeat(64), simhash: '0'.repeat(16) },
      tagger: { engine: 'copydesk', version: 'test' },
      taggedAt: parsed.parsedAt,
    };
    return { kind: 'upsert', articleId: m.articleId, source: m.source, doc: { inline: article } };
  };
  return {
    index,
    toTag,
    toIndex,
    published,
    parse: (event: string) => handleRawBucketMessage(event, parseDeps),
    indexAll: async (messages: IndexQueueMessage[]) => {
      for (const m of messages.splice(0)) await handleIndexMessage(m, indexDeps);
    },
    tagAll: () => toTag.splice(0).map(tagged),
    status: (id: string) => index.records.get(id)?.status,
  };
}

const TITLES: Record<string, string> = { a: 'Alpha', b: 'Bravo', c: 'Charlie' };
/** An RSS feed holding the items with these guids. */
const feedWith = (...guids: string[]) => rss(guids.map((guid) => ({ guid, title: TITLES[guid]! })));

const ids = (...guids: string[]) => guids.map((g) => feedItemId(FEED_ID, g));

describe('a feed through the parse and index stages', () => {
  it('sends a container to the index and one tag message per item, each with its fingerprint', async () => {
    const w = world(new Map([['e0001', feedWith('a', 'b', 'c')]]));
    await w.parse(s3Event('ObjectCreated:Put', '0001'));
    expect(w.toIndex).toEqual([
      expect.objectContaining({
        kind: 'container',
        articleId: FEED_ID,
        container: {
          format: 'rss',
          title: 'Gazette',
          url: 'https://gazette.example.com/',
          itemIds: ids('a', 'b', 'c'),
        },
      }),
    ]);
    expect(w.toTag.map((m) => m.articleId).sort()).toEqual(ids('a', 'b', 'c').sort());
    for (const m of w.toTag) {
      expect(m.source.key).toBe(KEY);
      expect(m.source.contentHash).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('indexes the items, keeps the feed as a container, and withdraws every item when the feed is deleted', async () => {
    const w = world(new Map([['e0001', feedWith('a', 'b', 'c')]]));
    await w.parse(s3Event('ObjectCreated:Put', '0001'));
    await w.indexAll([...w.toIndex.splice(0), ...w.tagAll()]);
    expect(ids('a', 'b', 'c').map(w.status)).toEqual(['indexed', 'indexed', 'indexed']);
    expect(w.index.records.get(FEED_ID)).toMatchObject({
      status: 'feed',
      title: 'Gazette',
      feed: { format: 'rss', itemCount: 3, itemIds: ids('a', 'b', 'c') },
    });
    expect(w.index.records.get(ids('a')[0]!)?.feedId).toBe(FEED_ID);
    expect(w.published.filter((m) => m.kind !== 'withdraw')).toHaveLength(3);

    w.published.length = 0;
    await w.parse(s3Event('ObjectRemoved:Delete', '0009'));
    await w.indexAll(w.toIndex);
    expect(w.status(FEED_ID)).toBe('deleted');
    expect(ids('a', 'b', 'c').map(w.status)).toEqual(['deleted', 'deleted', 'deleted']);
    expect(w.published).toEqual(
      ids('a', 'b', 'c').map((articleId) =>
        expect.objectContaining({ kind: 'withdraw', articleId, reason: 'deleted' }),
      ),
    );
  });

  it('a rolled feed keeps the items that fell off its window; they go only when the feed is deleted', async () => {
    const w = world(
      new Map([
        ['e0001', feedWith('a', 'b')],
        ['e0002', feedWith('b', 'c')],
      ]),
    );
    await w.parse(s3Event('ObjectCreated:Put', '0001'));
    await w.indexAll([...w.toIndex.splice(0), ...w.tagAll()]);
    const bravoVersion = w.index.records.get(ids('b')[0]!)?.version;

    w.published.length = 0;
    await w.parse(s3Event('ObjectCreated:Put', '0002'));
    await w.indexAll([...w.toIndex.splice(0), ...w.tagAll()]);
    expect(ids('a', 'b', 'c').map(w.status)).toEqual(['indexed', 'indexed', 'indexed']);
    // Bravo did not change: same fingerprint, so not a new version and not published again.
    expect(w.index.records.get(ids('b')[0]!)?.version).toBe(bravoVersion);
    expect(w.published.map((m) => m.articleId)).toEqual(ids('c'));
    expect(w.index.records.get(FEED_ID)?.feed?.itemIds).toEqual(ids('b', 'c'));

    await w.parse(s3Event('ObjectRemoved:Delete', '0009'));
    await w.indexAll(w.toIndex);
    expect(ids('a', 'b', 'c').map(w.status)).toEqual(['deleted', 'deleted', 'deleted']);
  });

  it('settles out-of-order events: a delete that overtakes the upload leaves no item behind', async () => {
    const w = world(new Map([['e0001', feedWith('a', 'b')]]));
    await w.parse(s3Event('ObjectCreated:Put', '0001'));
    const container = w.toIndex.splice(0);
    const items = w.tagAll();
    await w.parse(s3Event('ObjectRemoved:Delete', '0009'));
    await w.indexAll(w.toIndex); // the delete first: nothing is known of the feed yet
    await w.indexAll(container); // then the container: stale, so its items are tombstoned
    await w.indexAll(items); // and the items, older than their tombstones, are not indexed
    expect(ids('a', 'b').map(w.status)).toEqual(['deleted', 'deleted']);
    expect(w.published).toEqual([]);
  });

  it('a redelivered delete finishes withdrawing the items', async () => {
    const w = world(new Map([['e0001', feedWith('a', 'b')]]));
    await w.parse(s3Event('ObjectCreated:Put', '0001'));
    await w.indexAll([...w.toIndex.splice(0), ...w.tagAll()]);
    await w.parse(s3Event('ObjectRemoved:Delete', '0009'));
    const [del] = w.toIndex.splice(0);
    const token = del!.source.sequencer;
    // The first attempt marked the feed deleted and crashed before reaching the items.
    await w.index.apply(FEED_ID, token, (prev) => ({ ...prev!, status: 'deleted', versionToken: token }));
    await w.indexAll([del!]);
    expect(ids('a', 'b').map(w.status)).toEqual(['deleted', 'deleted']);
  });
});
