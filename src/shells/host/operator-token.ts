// Where the host console keeps the operator token: sessionStorage (gone when the tab closes), never the URL
// or localStorage — an operator token opens every project, so it should not outlive the console.
const KEY = 'setvisit:operator-token';

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function readOperatorToken(): string | undefined {
  try {
    return storage()?.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function writeOperatorToken(token: string | undefined): void {
  try {
    if (token) storage()?.setItem(KEY, token);
    else storage()?.removeItem(KEY);
  } catch {
    // Storage disabled: the token lasts until the page reloads (the shell keeps it in memory too).
  }
}
