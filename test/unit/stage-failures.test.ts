import type { ParsedArticle } from '../../shared/core/article';
import type { IndexQueueMessage, SourceObject, TagQueueMessage } from '../../shared/core/messages';
import { handleRawBucketMessage, UnrecognisedMessageError } from '../../shared/stages/parse-stage';
import { handleParsedArticle } from '../../shared/stages/tag-stage';
import { silentLogger } from '../../shared/stages/ports';

jest.mock('../../shared/core/parse', () => ({
  parseDocument: () => {
    throw new RangeError('Maximum call stack size exceeded');
  },
}));
jest.mock('../../shared/core/tag', () => ({
  tagArticle: () => {
    throw new TypeError('cannot read properties of undefined');
  },
}));

const source: SourceObject = {
  bucket: 'raw',
  key: 'incoming/a.html',
  sequencer: '01',
  eventTime: '2026-11-29T10:00:00Z',
};
const s3Event = JSON.stringify({
  Records: [
    {
      eventName: 'ObjectCreated:Put',
      eventTime: source.eventTime,
      s3: { bucket: { name: 'raw' }, object: { key: 'incoming/a.html', size: 3, eTag: 'e' } },
    },
  ],
});

function sinks() {
  const toIndex: IndexQueueMessage[] = [];
  const toTag: TagQueueMessage[] = [];
  return {
    toIndex,
    toTag,
    deps: {
      objects: {
        read: async () => ({ found: true as const, bytes: new Uint8Array([60, 112, 62]), etag: 'e' }),
      },
      documents: { save: async <T>(doc: T) => ({ inline: doc }), load: async <T>() => ({ id: 'a' }) as T },
      toTag: { send: async (m: TagQueueMessage) => void toTag.push(m) },
      toIndex: { send: async (m: IndexQueueMessage) => void toIndex.push(m) },
      maxInputBytes: 1000,
      logger: silentLogger,
    },
  };
}

describe('a crash inside a pure step', () => {
  it('becomes a PARSE_FAILED rejection with the reason, not a retry loop', async () => {
    const { deps, toIndex, toTag } = sinks();
    await handleRawBucketMessage(s3Event, deps);
    expect(toTag).toEqual([]);
    expect(toIndex).toEqual([
      expect.objectContaining({
        kind: 'reject',
        rejection: { code: 'PARSE_FAILED', message: 'RangeError: Maximum call stack size exceeded' },
      }),
    ]);
  });

  it('becomes a TAG_FAILED rejection in the tag stage', async () => {
    const { deps, toIndex } = sinks();
    const message: TagQueueMessage = {
      kind: 'upsert',
      articleId: 'a',
      source,
      doc: { inline: {} as ParsedArticle },
    };
    await handleParsedArticle(message, deps);
    expect(toIndex).toEqual([
      expect.objectContaining({ kind: 'reject', rejection: expect.objectContaining({ code: 'TAG_FAILED' }) }),
    ]);
  });

  it('while a message that is not an S3 notification still fails, to be dead-lettered', async () => {
    const { deps } = sinks();
    await expect(handleRawBucketMessage('{"not":"s3"}', deps)).rejects.toThrow(UnrecognisedMessageError);
  });
});
