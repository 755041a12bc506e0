import { useState } from 'preact/hooks';
import type { AuthConfig } from '../api';
import { setNewPassword, signIn } from '../auth';
import { ViewHeading } from './common';

type Cognito = Extract<AuthConfig, { kind: 'cognito' }>;

export function SignInScreen({ config, onSignedIn }: { config: Cognito; onSignedIn: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPasswordText] = useState('');
  const [pending, setPending] = useState<{ session: string; username: string } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const run = async (event: Event, step: () => Promise<void>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await step();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (pending) {
    return (
      <div class="sign-in">
        <ViewHeading>Choose a new password</ViewHeading>
        <p>This is your first sign-in: replace the temporary password you were given.</p>
        <form
          onSubmit={(e) =>
            run(e, async () => {
              await setNewPassword(config, pending, newPassword);
              onSignedIn();
            })
          }
        >
          <div class="field">
            <label for="new-password">New password</label>
            <input
              id="new-password"
              type="password"
              autocomplete="new-password"
              required
              value={newPassword}
              onInput={(e) => setNewPasswordText(e.currentTarget.value)}
            />
          </div>
          {error ? (
            <p class="notice notice-error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" class="button button-primary" disabled={busy}>
            Set password and sign in
          </button>
        </form>
      </div>
    );
  }
  return (
    <div class="sign-in">
      <ViewHeading>Sign in</ViewHeading>
      <form
        onSubmit={(e) =>
          run(e, async () => {
            const result = await signIn(config, username, password);
            if (result.kind === 'new-password-required') setPending(result);
            else onSignedIn();
          })
        }
      >
        <div class="field">
          <label for="username">User name or email</label>
          <input
            id="username"
            autocomplete="username"
            required
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input
            id="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        {error ? (
          <p class="notice notice-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" class="button button-primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </div>
  );
}
