// Pairings in SQLite (WAL), in the same file as the feed by default but through their own connection and tables.
// Every change is one transaction: a restart keeps the pairing and its phones until it expires.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  PAIRING_COLUMNS,
  PHONE_COLUMNS,
  pairingOfRow,
  pairingValues,
  phoneOfRow,
  phoneValues,
  type AddPhoneResult,
  type PairingRecord,
  type PairingRow,
  type PairingStatus,
  type PairingStorage,
  type PhoneRecord,
  type PhoneRow,
} from './pairing-storage';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS pairings (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    project_id TEXT NOT NULL,
    tv_name TEXT NOT NULL,
    tv_key_hash TEXT NOT NULL,     -- sha256 of the TV's key
    status TEXT NOT NULL,          -- open | revoked | expired
    created_at INTEGER NOT NULL,   -- ms since the epoch
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS pairings_expiry ON pairings (status, expires_at);
  CREATE TABLE IF NOT EXISTS pairing_phones (
    pairing_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    key_hash TEXT NOT NULL,        -- sha256 of the phone's key
    paired_at INTEGER NOT NULL,
    PRIMARY KEY (pairing_id, id)
  ) WITHOUT ROWID;
`;

export class SqlitePairingStorage implements PairingStorage {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // The feed's, meet-ups' and circles' connections write the same file: wait for their lock rather than fail.
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.statements = {
      insert: this.db.prepare(`INSERT OR IGNORE INTO pairings (${PAIRING_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      get: this.db.prepare<[string], PairingRow>(`SELECT ${PAIRING_COLUMNS} FROM pairings WHERE id = ?`),
      byCode: this.db.prepare<[string], PairingRow>(`SELECT ${PAIRING_COLUMNS} FROM pairings WHERE code = ?`),
      end: this.db.prepare("UPDATE pairings SET status = ? WHERE id = ? AND status = 'open'"),
      expired: this.db.prepare<[number, number], { id: string }>("SELECT id FROM pairings WHERE status = 'open' AND expires_at <= ? LIMIT ?"),
      insertPhone: this.db.prepare(`INSERT INTO pairing_phones (${PHONE_COLUMNS}) VALUES (?, ?, ?, ?, ?)`),
      phones: this.db.prepare<[string], PhoneRow>(`SELECT ${PHONE_COLUMNS} FROM pairing_phones WHERE pairing_id = ? ORDER BY paired_at, id`),
      phone: this.db.prepare<[string, string], PhoneRow>(`SELECT ${PHONE_COLUMNS} FROM pairing_phones WHERE pairing_id = ? AND id = ?`),
      count: this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM pairing_phones WHERE pairing_id = ?'),
      removePhone: this.db.prepare('DELETE FROM pairing_phones WHERE pairing_id = ? AND id = ?'),
    };
  }

  createPairing(pairing: PairingRecord): Promise<'created' | 'code-taken'> {
    // Ids are random (never taken in practice); a taken code is the case that happens.
    return Promise.resolve(this.statements.insert.run(...pairingValues(pairing)).changes === 1 ? 'created' : 'code-taken');
  }

  getPairing(pairingId: string): Promise<PairingRecord | undefined> {
    const row = this.statements.get.get(pairingId);
    return Promise.resolve(row ? pairingOfRow(row) : undefined);
  }

  findByCode(code: string): Promise<PairingRecord | undefined> {
    const row = this.statements.byCode.get(code);
    return Promise.resolve(row ? pairingOfRow(row) : undefined);
  }

  phones(pairingId: string): Promise<PhoneRecord[]> {
    return Promise.resolve(this.statements.phones.all(pairingId).map(phoneOfRow));
  }

  getPhone(pairingId: string, phoneId: string): Promise<PhoneRecord | undefined> {
    const row = this.statements.phone.get(pairingId, phoneId);
    return Promise.resolve(row ? phoneOfRow(row) : undefined);
  }

  addPhone(phone: PhoneRecord, maxPhones: number): Promise<AddPhoneResult> {
    const add = this.db.transaction((): AddPhoneResult => {
      if (this.statements.get.get(phone.pairingId)?.status !== 'open') return 'closed';
      if (this.statements.count.get(phone.pairingId)!.n >= maxPhones) return 'full';
      this.statements.insertPhone.run(...phoneValues(phone));
      return 'added';
    });
    return Promise.resolve(add.immediate());
  }

  removePhone(pairingId: string, phoneId: string): Promise<boolean> {
    return Promise.resolve(this.statements.removePhone.run(pairingId, phoneId).changes === 1);
  }

  endPairing(pairingId: string, status: Exclude<PairingStatus, 'open'>): Promise<boolean> {
    return Promise.resolve(this.statements.end.run(status, pairingId).changes === 1);
  }

  expiredPairings(now: number, limit: number): Promise<string[]> {
    return Promise.resolve(this.statements.expired.all(now, limit).map((r) => r.id));
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
