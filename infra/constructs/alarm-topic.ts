import { Key } from 'aws-cdk-lib/aws-kms';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** An encrypted, TLS-only SNS topic that CloudWatch alarms are able to publish to. */
export class AlarmTopic extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    // A customer-managed key, not alias/aws/sns: the AWS-managed key's policy cannot be edited to let
    // CloudWatch use it, so alarms would fail silently to notify an aws/sns-encrypted topic.
    const key = new Key(this, 'Key', {
      description: 'Encrypts the copydesk alarm topic',
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    this.topic = new Topic(this, 'Topic', { masterKey: key, enforceSSL: true });
  }
}
