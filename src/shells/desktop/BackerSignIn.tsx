// Asks for a backer code when the project is for backers only, or a meet-up needs one; the code goes to Web
// Storage and the socket handshake, never into the URL. The heading says why the code is asked for: a meet-up
// on a public project gives its own reason, not "this project is for its backers".
import { useId, useState, type FormEvent } from 'react';
import { useI18n, useServices } from '../../react/AppContext';

export function BackerSignIn({ rejected, title }: { rejected: boolean; title?: string }) {
  const { signIn } = useServices();
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const titleId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim()) signIn(code.trim());
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby={titleId}>
      <h2 id={titleId}>{title ?? t('feed.signIn.title')}</h2>
      {rejected && <p role="alert">{t('feed.signIn.wrongCode')}</p>}
      <label className="field">
        <span>{t('feed.signIn.label')}</span>
        <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} autoFocus />
      </label>
      <button type="submit" className="button">
        {t('feed.signIn.submit')}
      </button>
    </form>
  );
}
