import { STAGES, stageSettings } from '../../shared/topology';
import { synthCopydesk } from './synth-copydesk';

/** `-c maxConcurrency=N`, which `copydesk up` gives the emulator: every stage capped, nothing else changed. */
const mappings = (context?: Record<string, unknown>) =>
  Object.values(
    synthCopydesk({ context }).statelessTemplate.findResources('AWS::Lambda::EventSourceMapping'),
  ).map((m) => m.Properties.ScalingConfig.MaximumConcurrency as number);

describe('the concurrency cap', () => {
  test('leaves the topology settings alone when unset, as a deployment to AWS does', () => {
    expect(mappings().sort()).toEqual(STAGES.map((s) => stageSettings[s].maxConcurrency).sort());
  });

  test('caps every stage at the given number', () => {
    expect(mappings({ maxConcurrency: '2' })).toEqual([2, 2, 2, 2]);
  });

  test('refuses a cap SQS event source mappings would not accept', () => {
    expect(() => synthCopydesk({ context: { maxConcurrency: '1' } })).toThrow(/from 2 to 1000/);
    expect(() => synthCopydesk({ context: { maxConcurrency: 'many' } })).toThrow(/from 2 to 1000/);
  });
});
