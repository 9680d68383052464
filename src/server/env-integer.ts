// The one reader of whole-number settings from the environment: unset or empty gives the default; anything
// that is not an integer in range stops the server with the variable's name, never a silent fallback.
export function readEnvInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}
