import { CloudFormationClient, paginateListStackResources } from '@aws-sdk/client-cloudformation';
import {
  CloudWatchLogsClient,
  paginateFilterLogEvents,
  ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import type { FunctionLogEvent, FunctionLogReader } from '../stages/trace';
import { STAGES, STATELESS_STACK_NAME, stageLogGroupLogicalIdPrefix, type StageName } from '../topology';
import type { AwsClientConfig } from './client-config';

/**
 * The stage functions' log lines from CloudWatch Logs: on AWS, and on the emulator, which writes each
 * invocation's output to the function's log group and answers FilterLogEvents the same way.
 */
export class CloudWatchFunctionLogs implements FunctionLogReader {
  constructor(
    private readonly logs: CloudWatchLogsClient,
    private readonly logGroups: () => Promise<Partial<Record<StageName, string>>>,
  ) {}

  async eventsMentioning(term: string, since: Date): Promise<FunctionLogEvent[]> {
    const groups = Object.entries(await this.logGroups()) as Array<[StageName, string]>;
    const perGroup = await Promise.all(
      groups.map(async ([stage, logGroupName]) => {
        const events: FunctionLogEvent[] = [];
        try {
          // A quoted term: the emulator matches it as CloudWatch does, and takes JSON patterns
          // ({ $.articleId = ... }) as "match everything". The use case checks the field itself.
          const pages = paginateFilterLogEvents(
            { client: this.logs },
            { logGroupName, filterPattern: `"${term}"`, startTime: since.getTime() },
          );
          for await (const page of pages)
            for (const e of page.events ?? [])
              events.push({ stage, timestamp: e.timestamp ?? 0, message: e.message ?? '' });
        } catch (error) {
          // A function that has never run has no log group yet.
          if (!(error instanceof ResourceNotFoundException)) throw error;
        }
        return events;
      }),
    );
    return perGroup.flat();
  }
}

/** Each stage function's log group, named by CloudFormation, from the stateless stack's resources. */
export async function stageLogGroups(
  cloudFormation: CloudFormationClient,
  stackName = STATELESS_STACK_NAME,
): Promise<Partial<Record<StageName, string>>> {
  const groups: Partial<Record<StageName, string>> = {};
  for await (const page of paginateListStackResources({ client: cloudFormation }, { StackName: stackName }))
    for (const resource of page.StackResourceSummaries ?? []) {
      if (resource.ResourceType !== 'AWS::Logs::LogGroup' || !resource.PhysicalResourceId) continue;
      const stage = STAGES.find((s) =>
        resource.LogicalResourceId?.startsWith(stageLogGroupLogicalIdPrefix(s)),
      );
      if (stage) groups[stage] = resource.PhysicalResourceId;
    }
  return groups;
}

export function cloudWatchFunctionLogs(config: AwsClientConfig): CloudWatchFunctionLogs {
  const cloudFormation = new CloudFormationClient(config);
  let groups: Promise<Partial<Record<StageName, string>>> | undefined;
  return new CloudWatchFunctionLogs(
    new CloudWatchLogsClient(config),
    () => (groups ??= stageLogGroups(cloudFormation)),
  );
}
