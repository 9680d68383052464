// Backer codes in PostgreSQL (see backer-code-storage.ts): the SQLite rules with PostgreSQL's locks. An
// issuance under an Idempotency-Key locks the key (advisory lock) before anything else, so a retry sent to two
// nodes at once issues one code; a re-issue locks the old code's row, so it is replaced once.
import type pg from 'pg';
import {
  BACKER_CODE_COLUMNS,
  ISSUE_KEY_TTL_MS,
  backerCodeOf,
  grantOf,
  hashToken,
  hintOf,
  newCodeId,
  type BackerCode,
  type BackerCodeRow,
  type BackerCodeStorage,
  type IssueClaim,
  type IssueResult,
  type RevokeResult,
} from './backer-code-storage';
import type { BackerGrant } from './feed-storage';

type Queryable = Pick<pg.PoolClient, 'query'>;
type InTransaction = <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

export class PostgresBackerCodes implements BackerCodeStorage {
  constructor(
    private readonly pool: pg.Pool,
    private readonly inTransaction: InTransaction,
  ) {}

  /** Registers a well-known code (the demo's) if absent; its grant is never changed afterwards. */
  async ensure(token: string, grant: BackerGrant): Promise<void> {
    await this.pool.query(
      'INSERT INTO backer_tokens (token_hash, grant_json, id, created_at, hint) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (token_hash) DO NOTHING',
      [hashToken(token), JSON.stringify(grantOf(grant)), newCodeId(), Date.now(), hintOf(token)],
    );
  }

  issueBackerCode(token: string, grant: BackerGrant, at: Date, claim?: IssueClaim): Promise<IssueResult> {
    return this.underClaim(at, claim, async (client) => ({ kind: 'issued', code: await insert(client, token, grant, at, null) }));
  }

  reissueBackerCode(id: string, token: string, at: Date, claim?: IssueClaim): Promise<IssueResult> {
    return this.underClaim(at, claim, async (client) => {
      const { rows } = await client.query<BackerCodeRow>(`SELECT ${BACKER_CODE_COLUMNS} FROM backer_tokens WHERE id = $1 FOR UPDATE`, [id]);
      const old = rows[0];
      if (!old) return { kind: 'unknown-code' };
      if (old.replaced_by !== null) return { kind: 'already-reissued', code: backerCodeOf(old) };
      const issued = await insert(client, token, JSON.parse(old.grant_json) as BackerGrant, at, id);
      await client.query('UPDATE backer_tokens SET replaced_by = $1, revoked_at = coalesce(revoked_at, $2) WHERE id = $3', [issued.id, at.getTime(), id]);
      return { kind: 'issued', code: issued };
    });
  }

  async listBackerCodes(): Promise<BackerCode[]> {
    const { rows } = await this.pool.query<BackerCodeRow>(`SELECT ${BACKER_CODE_COLUMNS} FROM backer_tokens ORDER BY created_at DESC, id`);
    return rows.map(backerCodeOf);
  }

  async revokeBackerCode(id: string, at: Date): Promise<RevokeResult> {
    const updated = await this.pool.query<BackerCodeRow>(
      `UPDATE backer_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL RETURNING ${BACKER_CODE_COLUMNS}`,
      [at.getTime(), id],
    );
    if (updated.rows[0]) return { kind: 'revoked', code: backerCodeOf(updated.rows[0]) };
    const row = await byId(this.pool, id);
    return row ? { kind: 'already-revoked', code: backerCodeOf(row) } : { kind: 'unknown-code' };
  }

  async findBackerCode(token: string): Promise<{ id: string; grant: BackerGrant } | undefined> {
    const { rows } = await this.pool.query<{ id: string; grant_json: string }>('SELECT id, grant_json FROM backer_tokens WHERE token_hash = $1 AND revoked_at IS NULL', [
      hashToken(token),
    ]);
    return rows[0] ? { id: rows[0].id, grant: grantOf(JSON.parse(rows[0].grant_json) as BackerGrant) } : undefined;
  }

  async isBackerTokenActive(token: string): Promise<boolean> {
    return (await this.findBackerCode(token)) !== undefined;
  }

  async activeBackerCodes(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM backer_tokens WHERE revoked_at IS NULL AND id = ANY($1::text[])', [[...ids]]);
    return new Set(rows.map((r) => r.id));
  }

  private underClaim(at: Date, claim: IssueClaim | undefined, issue: (client: pg.PoolClient) => Promise<IssueResult>): Promise<IssueResult> {
    const now = at.getTime();
    return this.inTransaction(async (client) => {
      if (claim) {
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`backer-code\n${claim.callerId}\n${claim.keyHash}`]);
        const { rows } = await client.query<{ request_hash: string; code_id: string; sealed: string }>(
          'SELECT request_hash, code_id, sealed FROM backer_code_keys WHERE caller = $1 AND key_hash = $2 AND created_at > $3',
          [claim.callerId, claim.keyHash, now - ISSUE_KEY_TTL_MS],
        );
        const previous = rows[0];
        if (previous) {
          if (previous.request_hash !== claim.requestHash) return { kind: 'key-conflict' };
          const row = await byId(client, previous.code_id);
          if (row) return { kind: 'replayed', code: backerCodeOf(row), sealed: previous.sealed };
        }
      }
      const result = await issue(client);
      if (claim && result.kind === 'issued') {
        await client.query(
          `INSERT INTO backer_code_keys (caller, key_hash, request_hash, code_id, sealed, created_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (caller, key_hash) DO UPDATE SET request_hash = EXCLUDED.request_hash, code_id = EXCLUDED.code_id,
             sealed = EXCLUDED.sealed, created_at = EXCLUDED.created_at`,
          [claim.callerId, claim.keyHash, claim.requestHash, result.code.id, claim.sealed, now],
        );
        await client.query('DELETE FROM backer_code_keys WHERE created_at <= $1', [now - ISSUE_KEY_TTL_MS]);
      }
      return result;
    });
  }
}

async function byId(db: Queryable, id: string): Promise<BackerCodeRow | undefined> {
  const { rows } = await db.query<BackerCodeRow>(`SELECT ${BACKER_CODE_COLUMNS} FROM backer_tokens WHERE id = $1`, [id]);
  return rows[0];
}

async function insert(db: Queryable, token: string, grant: BackerGrant, at: Date, replaces: string | null): Promise<BackerCode> {
  const { rows } = await db.query<BackerCodeRow>(
    `INSERT INTO backer_tokens (token_hash, grant_json, id, created_at, hint, replaces) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${BACKER_CODE_COLUMNS}`,
    [hashToken(token), JSON.stringify(grantOf(grant)), newCodeId(), at.getTime(), hintOf(token), replaces],
  );
  return backerCodeOf(rows[0]!);
}
