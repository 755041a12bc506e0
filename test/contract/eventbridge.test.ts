import {
  CreateEventBusCommand,
  DeleteEventBusCommand,
  DeleteRuleCommand,
  EventBridgeClient,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { EVENT_DETAIL_TYPES, EVENT_SOURCE } from '../../shared/topology';
import { Cleanup, contractConfig, createQueue, drain, uniqueName, waitFor } from './helpers';

const config = contractConfig();
const events = new EventBridgeClient(config);
const sqs = new SQSClient(config);
const cleanup = new Cleanup();
afterAll(() => cleanup.run());

describe('EventBridge', () => {
  it('delivers PutEvents on a custom bus through a source-pattern rule to SQS, detail-type and detail intact', async () => {
    // The publish stage announces articles on copydesk's own bus; consumers (and the integration tests'
    // event tap) subscribe with exactly this kind of rule.
    const bus = uniqueName('bus');
    const rule = uniqueName('rule');
    await events.send(new CreateEventBusCommand({ Name: bus }));
    cleanup.add(() => events.send(new DeleteEventBusCommand({ Name: bus })));
    const queue = await createQueue(sqs, cleanup, uniqueName('events'));
    await events.send(
      new PutRuleCommand({
        Name: rule,
        EventBusName: bus,
        EventPattern: JSON.stringify({ source: [EVENT_SOURCE] }),
      }),
    );
    cleanup.add(() => events.send(new DeleteRuleCommand({ Name: rule, EventBusName: bus })));
    await events.send(
      new PutTargetsCommand({ Rule: rule, EventBusName: bus, Targets: [{ Id: 'queue', Arn: queue.arn }] }),
    );
    cleanup.add(() =>
      events.send(new RemoveTargetsCommand({ Rule: rule, EventBusName: bus, Ids: ['queue'] })),
    );

    const detail = { id: 'a1b2', version: '00000661D71E86E42E', title: 'Héllo "world"', tags: ['x', 'y'] };
    const put = await events.send(
      new PutEventsCommand({
        Entries: [
          { EventBusName: bus, Source: 'someone-else', DetailType: 'Noise', Detail: '{}' },
          {
            EventBusName: bus,
            Source: EVENT_SOURCE,
            DetailType: EVENT_DETAIL_TYPES.published,
            Detail: JSON.stringify(detail),
          },
        ],
      }),
    );
    // EventBridgeArticleEvents treats a non-zero FailedEntryCount as a failed emit.
    expect(put.FailedEntryCount).toBe(0);
    expect(put.Entries).toEqual([{ EventId: expect.any(String) }, { EventId: expect.any(String) }]);

    const delivered = await waitFor(
      'the event on the queue',
      async () => {
        const got = await drain(sqs, queue.url, 1);
        return got.length > 0 ? got : undefined;
      },
      10_000,
    );
    expect(delivered).toHaveLength(1);
    expect(JSON.parse(delivered[0]!.Body!)).toEqual({
      version: '0',
      id: put.Entries![1]!.EventId,
      'detail-type': EVENT_DETAIL_TYPES.published,
      source: EVENT_SOURCE,
      account: expect.stringMatching(/^\d{12}$/),
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      region: config.region,
      resources: [],
      detail,
    });
  }, 20_000);
});
