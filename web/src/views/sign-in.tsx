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
          <TextField
            id="new-password"
            label="New password"
            secret
            autocomplete="new-password"
            value={newPassword}
            set={setNewPasswordText}
          />
          <Alert message={error} />
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
        <TextField
          id="username"
          label="User name or email"
          autocomplete="username"
          value={username}
          set={setUsername}
        />
        <TextField
          id="password"
          label="Password"
          secret
          autocomplete="current-password"
          value={password}
          set={setPassword}
        />
        <Alert message={error} />
        <button type="submit" class="button button-primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </div>
  );
}

/** A required text or password input with its label. */
function TextField(props: {
  id: string;
  label: string;
  autocomplete: 'username' | 'current-password' | 'new-password';
  value: string;
  set: (value: string) => void;
  secret?: boolean;
}) {
  const attributes = {
    id: props.id,
    autocomplete: props.autocomplete,
    required: true,
    value: props.value,
    onInput: (e: { currentTarget: HTMLInputElement }) => props.set(e.currentTarget.value),
  };
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.secret ? <input type="password" {...attributes} /> : <input {...attributes} />}
    </div>
  );
}

/** Why the last step failed, announced to screen readers. */
function Alert({ message }: { message: string | undefined }) {
  return message ? (
    <p class="notice notice-error" role="alert">
      {message}
    </p>
  ) : null;
}
