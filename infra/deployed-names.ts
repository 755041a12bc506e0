import { Aws } from 'aws-cdk-lib';
import { resourceNames, type ResourceNames } from '../shared/topology';

/**
 * Physical names for one account and region. Bucket names are global, so they carry both. The prefix
 * stays topology's default so the emulator and AWS agree on every other name.
 */
export const resourceNamesFor = (account: string, region: string): ResourceNames =>
  resourceNames(undefined, `${account}-${region}`);

/**
 * Names as deploy-time tokens (Fn::Join over AWS::AccountId and AWS::Region), so one synthesized
 * template fits every environment.
 */
export const deployedResourceNames = (): ResourceNames => resourceNamesFor(Aws.ACCOUNT_ID, Aws.REGION);
