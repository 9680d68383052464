// The host console (?mode=host): an operator signs in with the operator token, schedules, starts and ends the
// project's meet-ups, watches audience and reaction rate, moderates the question queue and posts milestones.
// Loaded lazily: no audience page carries it.
import { useState, type FormEvent } from 'react';
import { HOST_CONSOLE_MESSAGES } from '../../i18n/host-console';
import { addMessages } from '../../i18n/translator';
import { useI18n, useServices } from '../../react/AppContext';
import { MeetupProvider } from '../../react/useMeetup';
import { readOperatorToken, writeOperatorToken } from './operator-token';
import { HostConsole } from './HostConsole';
import '../shared/meetup.css';
import './host.css';

// The console's own strings come with its chunk, before anything of it renders.
addMessages(HOST_CONSOLE_MESSAGES);

export default function HostShell() {
  const { t } = useI18n();
  const [token, setToken] = useState(readOperatorToken);
  if (!token) return <OperatorSignIn onSignIn={(value) => {
    writeOperatorToken(value);
    setToken(value);
  }} />;
  const signOut = () => {
    writeOperatorToken(undefined);
    setToken(undefined);
  };
  return (
    <MeetupProvider token={readOperatorToken}>
      <div className="host">
        <header className="host__header">
          <h1>{t('host.title')}</h1>
          <button type="button" className="button button--small button--quiet" onClick={signOut}>
            {t('host.signOut')}
          </button>
        </header>
        <HostConsole token={token} onTokenRefused={signOut} />
      </div>
    </MeetupProvider>
  );
}

function OperatorSignIn({ onSignIn }: { onSignIn: (token: string) => void }) {
  const { t } = useI18n();
  const { projectId } = useServices();
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) onSignIn(value.trim());
  };
  return (
    <div className="host host--signin">
      <form className="card" onSubmit={submit} aria-labelledby="operator-title">
        <h1 id="operator-title">{t('host.title')}</h1>
        <p className="muted">{t('host.signIn.hint', { projectId })}</p>
        <label className="field">
          <span>{t('host.signIn.label')}</span>
          <input type="password" value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" spellCheck={false} autoFocus />
        </label>
        <button type="submit" className="button">
          {t('host.signIn.submit')}
        </button>
      </form>
    </div>
  );
}
