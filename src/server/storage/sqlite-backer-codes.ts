// Backer codes in the SQLite file (see backer-code-storage.ts), on the feed storage's connection. Older files
// have a backer_tokens table of hash and grant only: the missing columns are added and each code gets an id.
import type Database from 'better-sqlite3';
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

const ADDED_COLUMNS: [string, string][] = [
  ['id', 'TEXT'],
  ['created_at', 'INTEGER'],
  ['revoked_at', 'INTEGER'],
  ['hint', 'TEXT'],
  ['replaces', 'TEXT'],
  ['replaced_by', 'TEXT'],
];

const KEYS_TABLE = `
  CREATE TABLE IF NOT EXISTS backer_code_keys (
    caller TEXT NOT NULL,
    key_hash TEXT NOT NULL,      -- sha256 of the Idempotency-Key
    request_hash TEXT NOT NULL,
    code_id TEXT NOT NULL,
    sealed TEXT NOT NULL,        -- the issued code, sealed with a key derived from the Idempotency-Key
    created_at INTEGER NOT NULL,
    PRIMARY KEY (caller, key_hash)
  ) WITHOUT ROWID;
`;

export class SqliteBackerCodes implements BackerCodeStorage {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    db.transaction(() => {
      const columns = new Set(db.prepare<[], { name: string }>('PRAGMA table_info(backer_tokens)').all().map((c) => c.name));
      for (const [name, type] of ADDED_COLUMNS) if (!columns.has(name)) db.exec(`ALTER TABLE backer_tokens ADD COLUMN ${name} ${type}`);
      db.prepare("UPDATE backer_tokens SET id = 'bc_' || lower(hex(randomblob(8))), created_at = coalesce(created_at, ?) WHERE id IS NULL").run(Date.now());
      db.exec('CREATE UNIQUE INDEX IF NOT EXISTS backer_tokens_id ON backer_tokens (id)');
      db.exec(KEYS_TABLE);
    }).immediate();
    this.statements = {
      insert: db.prepare(`INSERT INTO backer_tokens (token_hash, grant_json, id, created_at, hint, replaces) VALUES (?, ?, ?, ?, ?, ?)`),
      insertIfAbsent: db.prepare(`INSERT OR IGNORE INTO backer_tokens (token_hash, grant_json, id, created_at, hint) VALUES (?, ?, ?, ?, ?)`),
      byId: db.prepare<[string], BackerCodeRow>(`SELECT ${BACKER_CODE_COLUMNS} FROM backer_tokens WHERE id = ?`),
      byHash: db.prepare<[string], BackerCodeRow>(`SELECT ${BACKER_CODE_COLUMNS} FROM backer_tokens WHERE token_hash = ?`),
      list: db.prepare<[], BackerCodeRow>(`SELECT ${BACKER_CODE_COLUMNS} FROM backer_tokens ORDER BY created_at DESC, id`),
      revoke: db.prepare('UPDATE backer_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      replaced: db.prepare('UPDATE backer_tokens SET replaced_by = ?, revoked_at = coalesce(revoked_at, ?) WHERE id = ?'),
      active: db.prepare<[string], { id: string }>('SELECT id FROM backer_tokens WHERE revoked_at IS NULL AND id IN (SELECT value FROM json_each(?))'),
      findKey: db.prepare<[string, string, number], { request_hash: string; code_id: string; sealed: string }>(
        'SELECT request_hash, code_id, sealed FROM backer_code_keys WHERE caller = ? AND key_hash = ? AND created_at > ?',
      ),
      putKey: db.prepare('INSERT OR REPLACE INTO backer_code_keys (caller, key_hash, request_hash, code_id, sealed, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      expireKeys: db.prepare('DELETE FROM backer_code_keys WHERE created_at <= ?'),
    };
  }

  /** Registers a well-known code (the demo's) if absent; its grant is never changed afterwards. */
  ensure(token: string, grant: BackerGrant): void {
    this.statements.insertIfAbsent.run(hashToken(token), JSON.stringify(grantOf(grant)), newCodeId(), Date.now(), hintOf(token));
  }

  issueBackerCode(token: string, grant: BackerGrant, at: Date, claim?: IssueClaim): Promise<IssueResult> {
    return Promise.resolve(this.underClaim(at, claim, () => ({ kind: 'issued', code: this.insert(token, grant, at, null) })));
  }

  reissueBackerCode(id: string, token: string, at: Date, claim?: IssueClaim): Promise<IssueResult> {
    return Promise.resolve(
      this.underClaim(at, claim, () => {
        const old = this.statements.byId.get(id);
        if (!old) return { kind: 'unknown-code' };
        if (old.replaced_by !== null) return { kind: 'already-reissued', code: backerCodeOf(old) };
        const issued = this.insert(token, JSON.parse(old.grant_json) as BackerGrant, at, id);
        this.statements.replaced.run(issued.id, at.getTime(), id);
        return { kind: 'issued', code: issued };
      }),
    );
  }

  listBackerCodes(): Promise<BackerCode[]> {
    return Promise.resolve(this.statements.list.all().map(backerCodeOf));
  }

  revokeBackerCode(id: string, at: Date): Promise<RevokeResult> {
    const revoke = this.db.transaction((): RevokeResult => {
      const changed = this.statements.revoke.run(at.getTime(), id).changes === 1;
      const row = this.statements.byId.get(id);
      if (!row) return { kind: 'unknown-code' };
      return { kind: changed ? 'revoked' : 'already-revoked', code: backerCodeOf(row) };
    });
    return Promise.resolve(revoke.immediate());
  }

  findBackerCode(token: string): Promise<{ id: string; grant: BackerGrant } | undefined> {
    const row = this.statements.byHash.get(hashToken(token));
    if (!row || row.revoked_at !== null) return Promise.resolve(undefined);
    return Promise.resolve({ id: row.id, grant: grantOf(JSON.parse(row.grant_json) as BackerGrant) });
  }

  async isBackerTokenActive(token: string): Promise<boolean> {
    return (await this.findBackerCode(token)) !== undefined;
  }

  activeBackerCodes(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return Promise.resolve(new Set());
    return Promise.resolve(new Set(this.statements.active.all(JSON.stringify(ids)).map((r) => r.id)));
  }

  private insert(token: string, grant: BackerGrant, at: Date, replaces: string | null): BackerCode {
    const id = newCodeId();
    this.statements.insert.run(hashToken(token), JSON.stringify(grantOf(grant)), id, at.getTime(), hintOf(token), replaces);
    return backerCodeOf(this.statements.byId.get(id)!);
  }

  /** Runs `issue` in one write transaction, first answering a retry of an earlier request under the same key. */
  private underClaim(at: Date, claim: IssueClaim | undefined, issue: () => IssueResult): IssueResult {
    const now = at.getTime();
    return this.db
      .transaction((): IssueResult => {
        if (claim) {
          const previous = this.statements.findKey.get(claim.callerId, claim.keyHash, now - ISSUE_KEY_TTL_MS);
          if (previous) {
            if (previous.request_hash !== claim.requestHash) return { kind: 'key-conflict' };
            const row = this.statements.byId.get(previous.code_id);
            if (row) return { kind: 'replayed', code: backerCodeOf(row), sealed: previous.sealed };
          }
        }
        const result = issue();
        if (claim && result.kind === 'issued') {
          this.statements.putKey.run(claim.callerId, claim.keyHash, claim.requestHash, result.code.id, claim.sealed, now);
          this.statements.expireKeys.run(now - ISSUE_KEY_TTL_MS);
        }
        return result;
      })
      .immediate();
  }
}
