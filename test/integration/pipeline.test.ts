import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { articleIdFor } from '../../shared/core/article-id';
import { publishedKeyFor } from '../../shared/stages/publish-stage';
import { RAW_PREFIX } from '../../shared/topology';
import { describeWithShared, readSeed } from '../support/shared-material';
import { ninjsValidator } from '../support/ninjs-validator';
import { createHarness, peekMessage, type Harness } from './harness';

jest.setTimeout(120_000);

describeWithShared('the pipeline on the emulator', () => {
  let h: Harness;
  let tap: Awaited<ReturnType<Harness['eventTap']>>;
  const seedName = 'presstv/000 China Japan+ties.txt'; // a space and a plus: keys arrive URL-encoded
  const seedId = articleIdFor(`${RAW_PREFIX}${seedName}`);

  beforeAll(async () => {
    h = await createHarness();
    tap = await h.eventTap();
    await h.upload(seedName, readSeed());
    await h.drain();
  });

  afterAll(() => h?.close());

  it('indexes the seed so it is found by id, entity, section, source and newest', async () => {
    const record = await h.index.get(seedId);
    expect(record).toMatchObject({
      status: 'indexed',
      version: 1,
      title: 'China, Japan hope for improved ties',
      section: 'China',
      language: 'en',
      sourceName: 'presstv',
      source: { key: `${RAW_PREFIX}${seedName}` },
    });
    const people = record!.entities!.filter((e) => e.type === 'person').map((e) => e.name);
    expect(people).toEqual(expect.arrayContaining(['Wang Yi', 'Taro Kono']));

    for (const [kind, value] of [
      ['entity', 'Wang Yi'],
      ['entity', 'taro kono'], // names are case-insensitive
      ['section', 'China'],
      ['source', 'presstv'],
    ] as const) {
      const hits = await h.find({ [kind]: value });
      expect(hits.map((i) => i.id)).toEqual([seedId]);
      expect(hits[0]!.title).toBe('China, Japan hope for improved ties');
    }
    expect((await h.find({})).map((i) => i.id)).toContain(seedId);
    // Words, an entity by an alias and the article's month, together.
    const month = record!.articleDate.slice(0, 7);
    const combined = await h.find({ q: 'improved ties', entity: 'Kono', since: month, until: month });
    expect(combined.map((i) => i.id)).toEqual([seedId]);
  });

  it('does not find an article by a name only its captions hold', async () => {
    expect(await h.find({ entity: 'Ilhan Omar' })).toEqual([]);
  });

  it('publishes ninjs that validates against the IPTC schema, and emits ArticlePublished', async () => {
    const object = await h.s3.send(
      new GetObjectCommand({ Bucket: h.deployment.names.publishedBucket, Key: publishedKeyFor(seedId) }),
    );
    const doc = JSON.parse(await object.Body!.transformToString());
    const result = ninjsValidator()(doc);
    expect(result.errors).toBe('No errors');
    expect(result.valid).toBe(true);
    expect(doc.headlines[0].value).toBe('China, Japan hope for improved ties');
    expect(doc.version).toBe('1');
    expect(doc.bodies[0].value).not.toContain('Ilhan Omar');
    expect(doc.associations.length).toBeGreaterThanOrEqual(2);

    const events = await tap.take();
    const published = events.filter((e) => e['detail-type'] === 'ArticlePublished');
    expect(published).toHaveLength(1);
    expect(published[0]!.detail).toMatchObject({ id: seedId, version: 1, section: 'China' });
  });

  it('treats the same S3 event delivered twice as one version', async () => {
    const name = 'presstv/dup.txt';
    const id = articleIdFor(`${RAW_PREFIX}${name}`);
    await h.upload(name, readSeed());
    const eventBody = await peekMessage(h.sqs, h.deployment.queues.parse.url);
    await h.drain();
    await h.sqs.send(
      new SendMessageCommand({ QueueUrl: h.deployment.queues.parse.url, MessageBody: eventBody }),
    );
    await h.drain();

    expect(await h.index.get(id)).toMatchObject({ status: 'indexed', version: 1 });
    const published = (await tap.take()).filter((e) => e.detail.id === id);
    expect(published.map((e) => e['detail-type'])).toEqual(['ArticlePublished']);
  });

  it('counts a multipart upload, which moto announces with an extra Put, as one version', async () => {
    const key = `${RAW_PREFIX}presstv/multipart.txt`;
    const bucket = h.deployment.names.rawBucket;
    const upload = await h.s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
    const part = await h.s3.send(
      new UploadPartCommand({
        Bucket: bucket,
        Key: key,
        UploadId: upload.UploadId,
        PartNumber: 1,
        Body: readSeed(),
      }),
    );
    await h.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId: upload.UploadId,
        MultipartUpload: { Parts: [{ ETag: part.ETag, PartNumber: 1 }] },
      }),
    );
    await h.drain();
    const id = articleIdFor(key);
    expect(await h.index.get(id)).toMatchObject({ status: 'indexed', version: 1 });
    expect((await tap.take()).filter((e) => e.detail.id === id)).toHaveLength(1);
  });

  it('updates the record and republishes when the object is re-uploaded with new content', async () => {
    const name = 'presstv/update.txt';
    const id = articleIdFor(`${RAW_PREFIX}${name}`);
    await h.upload(name, readSeed());
    await h.drain();
    const changed = readSeed()
      .toString('utf8')
      .replace('China, Japan hope for improved ties', 'China and Japan agree to mend ties');
    await h.upload(name, changed);
    await h.drain();

    const record = await h.index.get(id);
    expect(record).toMatchObject({
      status: 'indexed',
      version: 2,
      title: 'China and Japan agree to mend ties',
    });
    const head = await h.s3.send(
      new HeadObjectCommand({ Bucket: h.deployment.names.publishedBucket, Key: publishedKeyFor(id) }),
    );
    expect(head.Metadata?.['copydesk-version']).toBe('2');
    const versions = (await tap.take()).filter((e) => e.detail.id === id).map((e) => e.detail.version);
    expect(versions).toEqual([1, 2]);
  });

  it('ignores an older event that arrives after a newer one', async () => {
    const name = 'presstv/late.txt';
    const id = articleIdFor(`${RAW_PREFIX}${name}`);
    await h.upload(name, readSeed());
    const olderEvent = await peekMessage(h.sqs, h.deployment.queues.parse.url);
    await h.drain();
    await new Promise((r) => setTimeout(r, 5)); // a later event time, the token moto's events carry
    const newer = readSeed()
      .toString('utf8')
      .replace('China, Japan hope for improved ties', 'Tokyo and Beijing agree to restart talks');
    await h.upload(name, newer);
    await h.drain();
    expect(await h.index.get(id)).toMatchObject({
      version: 2,
      title: 'Tokyo and Beijing agree to restart talks',
    });

    await h.sqs.send(
      new SendMessageCommand({ QueueUrl: h.deployment.queues.parse.url, MessageBody: olderEvent }),
    );
    await h.drain();
    expect(await h.index.get(id)).toMatchObject({
      version: 2,
      title: 'Tokyo and Beijing agree to restart talks',
    });
    const versions = (await tap.take()).filter((e) => e.detail.id === id).map((e) => e.detail.version);
    expect(versions).toEqual([1, 2]);
  });

  it('unindexes and withdraws an article whose object is deleted, and says so in its record', async () => {
    const name = 'presstv/delete-me.txt';
    const id = articleIdFor(`${RAW_PREFIX}${name}`);
    await h.upload(name, readSeed().toString('utf8').replace('Wang Yi', 'Wang Yiming'));
    await h.drain();
    expect((await h.find({ entity: 'Wang Yiming' })).map((i) => i.id)).toEqual([id]);

    await h.remove(name);
    await h.drain();
    const record = await h.index.get(id);
    expect(record?.status).toBe('deleted');
    expect(record?.deletedAt).toEqual(expect.any(String));
    expect(await h.find({ entity: 'Wang Yiming' })).toEqual([]);
    expect((await h.find({ status: 'deleted' })).map((i) => i.id)).toContain(id);
    await expect(
      h.s3.send(
        new HeadObjectCommand({ Bucket: h.deployment.names.publishedBucket, Key: publishedKeyFor(id) }),
      ),
    ).rejects.toThrow();
    const kinds = (await tap.take()).filter((e) => e.detail.id === id).map((e) => e['detail-type']);
    expect(kinds).toEqual(['ArticlePublished', 'ArticleWithdrawn']);
  });

  it('records a poison file as rejected with a reason, without failing the batch', async () => {
    const poison = Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x7f, 0x80, 0x00, 0x00, 0x13, 0x37]);
    await h.upload('presstv/poison.bin', poison);
    await h.upload('presstv/empty.txt', '');
    await h.drain();

    const poisonRecord = await h.index.get(articleIdFor(`${RAW_PREFIX}presstv/poison.bin`));
    expect(poisonRecord).toMatchObject({ status: 'rejected', rejection: { code: 'BINARY' } });
    expect(poisonRecord!.rejection!.message).toEqual(expect.any(String));
    const emptyRecord = await h.index.get(articleIdFor(`${RAW_PREFIX}presstv/empty.txt`));
    expect(emptyRecord).toMatchObject({ status: 'rejected', rejection: { code: 'EMPTY' } });
    const rejected = (await h.find({ status: 'rejected' })).map((i) => i.id);
    expect(rejected).toEqual(expect.arrayContaining([poisonRecord!.id, emptyRecord!.id]));
    expect(await h.deadLetterDepth('parse')).toBe(0);
  });

  it('dead-letters a message that keeps failing (a transient fault that never clears), never losing it', async () => {
    // A claim-check pointing at a work document that does not exist fails on every receive.
    const message = {
      kind: 'upsert',
      articleId: 'missingdoc',
      source: {
        bucket: h.deployment.names.rawBucket,
        key: 'incoming/x.txt',
        sequencer: '1',
        eventTime: new Date().toISOString(),
      },
      doc: { s3: { bucket: h.deployment.names.workBucket, key: 'work/nothing-here.json' } },
    };
    await h.sqs.send(
      new SendMessageCommand({ QueueUrl: h.deployment.queues.tag.url, MessageBody: JSON.stringify(message) }),
    );
    await h.drain();
    expect(await h.deadLetterDepth('tag')).toBe(1);
  });
});
