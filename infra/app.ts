import { App } from 'aws-cdk-lib';
import { addCopydeskStacks } from './copydesk-app';

addCopydeskStacks(new App());
