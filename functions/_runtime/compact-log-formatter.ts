import { LogFormatter, LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';

/**
 * Powertools' JSON lines without the attributes every line of a log group repeats: the function's name,
 * ARN and memory size (the log group and stream already say them), the service name (the `stage` key
 * does), the sampling rate and the X-Ray trace id (Lambda's X-Ray segment carries the request id). They
 * were about 380 of an index line's 580 bytes, and CloudWatch Logs bills ingestion per byte. The request
 * id stays: it ties a line to its invocation's REPORT line.
 */
export class CompactLogFormatter extends LogFormatter {
  formatAttributes(attributes: UnformattedAttributes, additionalLogAttributes: LogAttributes): LogItem {
    return new LogItem({
      attributes: {
        level: attributes.logLevel,
        message: attributes.message,
        timestamp: this.formatTimestamp(attributes.timestamp),
        function_request_id: attributes.lambdaContext?.awsRequestId,
      },
    }).addAttributes(additionalLogAttributes);
  }
}
