// The operator's reads of attention (maps, CSV, radar) over the HTTP API, with the operator token in the
// Authorization header (never the URL). Framework-free; the host console binds it.
import type { AttentionMap, AttentionRadar } from '../protocol/attention';

export type AttentionRead<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

export class AttentionReader {
  constructor(
    private readonly token: string,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  map(projectId: string, locationId: string, range?: { from: number; to: number }): Promise<AttentionRead<AttentionMap>> {
    const query = range ? `?from=${range.from}&to=${range.to}` : '';
    return this.read(`${base(projectId, locationId)}${query}`, (r) => r.json() as Promise<AttentionMap>);
  }

  csv(projectId: string, locationId: string): Promise<AttentionRead<string>> {
    return this.read(`${base(projectId, locationId)}.csv`, (r) => r.text());
  }

  radar(projectId: string, locationId: string): Promise<AttentionRead<AttentionRadar>> {
    return this.read(`${base(projectId, locationId)}/radar`, (r) => r.json() as Promise<AttentionRadar>);
  }

  private async read<T>(url: string, body: (response: Response) => Promise<T>): Promise<AttentionRead<T>> {
    try {
      const response = await this.fetchImpl(url, { headers: { authorization: `Bearer ${this.token}` }, cache: 'no-store' });
      if (!response.ok) {
        const error = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        return { ok: false, status: response.status, message: error?.error?.message ?? response.statusText };
      }
      return { ok: true, value: await body(response) };
    } catch (err) {
      return { ok: false, status: 0, message: err instanceof Error ? err.message : String(err) };
    }
  }
}

const base = (projectId: string, locationId: string) => `/api/projects/${encodeURIComponent(projectId)}/attention/${encodeURIComponent(locationId)}`;
