import { synthCopydesk } from './synth-copydesk';

/** `-c tracing=false`: the cost lever for X-Ray (BENCHMARKS.md, "Cost"); active tracing stays the default. */
const tracingModes = (context?: Record<string, unknown>) => {
  const functions = Object.values(
    synthCopydesk({ context }).statelessTemplate.findResources('AWS::Lambda::Function'),
  );
  return functions.map((fn) => fn.Properties.TracingConfig?.Mode as string | undefined);
};

describe('X-Ray tracing', () => {
  test('is active on every copydesk function by default', () => {
    // The page deployment's handler is aws-cdk-lib's, untraced either way.
    expect(tracingModes().filter((mode) => mode === 'Active')).toHaveLength(5);
  });

  test('is off on every function with -c tracing=false, and no role is granted X-Ray', () => {
    const { statelessTemplate } = synthCopydesk({ context: { tracing: 'false' } });
    const modes = Object.values(statelessTemplate.findResources('AWS::Lambda::Function')).map(
      (fn) => fn.Properties.TracingConfig?.Mode,
    );
    expect(modes.filter((mode) => mode === 'Active')).toEqual([]);
    expect(JSON.stringify(statelessTemplate.findResources('AWS::IAM::Policy'))).not.toContain('xray:');
  });

  test('refuses a value that is not true or false', () => {
    expect(() => synthCopydesk({ context: { tracing: 'sometimes' } })).toThrow(/true or false/);
  });
});
