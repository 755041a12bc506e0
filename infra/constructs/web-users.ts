import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccountRecovery, Mfa, UserPool, type UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/**
 * The archive page's users: a Cognito user pool whose members an administrator creates (no self
 * sign-up), and the page's app client. The client is public (a browser cannot keep a secret) and signs
 * in with USER_PASSWORD_AUTH or SRP; its id tokens are what the Cognito HTTP API's JWT authorizer
 * accepts. Stateful: the pool holds the users and their passwords, so it is retained with the data.
 */
export class WebUsers extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      // Users are named by the administrator who creates them; no e-mail, so nothing to verify or send.
      signInAliases: { username: true },
      signInCaseSensitive: false,
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // TOTP apps only: SMS needs an SNS role and a spend limit, and is the weaker factor.
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // No self-service recovery: an administrator resets a password (AdminSetUserPassword), as they
      // created the user.
      accountRecovery: AccountRecovery.NONE,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.client = this.userPool.addClient('WebClient', {
      generateSecret: false,
      // The page signs in through the Cognito API itself; no hosted UI, so no OAuth flows or callbacks.
      disableOAuth: true,
      authFlows: { userPassword: true, userSrp: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
    });

    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional (TOTP) rather than required: the archive is read-only and reached by a small newsroom staff an administrator enrols; requiring it is one setting here once every user has an authenticator.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          "Threat protection (adaptive authentication, compromised-credential checks) needs Cognito's Plus feature plan, billed per user; not bought for a read-only archive with administrator-created users and a 14-character password policy.",
      },
    );
  }
}
