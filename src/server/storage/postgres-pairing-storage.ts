// Pairings in PostgreSQL, for several nodes sharing one database: the SQLite tables (sqlite-pairing-storage.ts)
// and rules. A phone is added under a lock on the pairing's row, so joins on two nodes cannot pass the limit.
import type pg from 'pg';
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
import { openSchemaPool, type PostgresPoolOptions } from './postgres-schema';
import { inTransaction } from './postgres-transaction';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS pairings (
    id text PRIMARY KEY,
    code text NOT NULL UNIQUE,
    project_id text NOT NULL,
    tv_name text NOT NULL,
    tv_key_hash text NOT NULL,
    status text NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL
  );
  CREATE INDEX IF NOT EXISTS pairings_expiry ON pairings (status, expires_at);
  CREATE TABLE IF NOT EXISTS pairing_phones (
    pairing_id text NOT NULL,
    id text NOT NULL,
    name text NOT NULL,
    key_hash text NOT NULL,
    paired_at bigint NOT NULL,
    PRIMARY KEY (pairing_id, id)
  );
`;

export class PostgresPairingStorage implements PairingStorage {
  private constructor(private readonly pool: pg.Pool) {}

  static async connect(options: PostgresPoolOptions): Promise<PostgresPairingStorage> {
    return new PostgresPairingStorage(await openSchemaPool(options, 2, SCHEMA));
  }

  async createPairing(pairing: PairingRecord): Promise<'created' | 'code-taken'> {
    const inserted = await this.pool.query(`INSERT INTO pairings (${PAIRING_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`, pairingValues(pairing));
    return inserted.rowCount === 1 ? 'created' : 'code-taken';
  }

  async getPairing(pairingId: string): Promise<PairingRecord | undefined> {
    const row = (await this.pool.query<PairingRow>(`SELECT ${PAIRING_COLUMNS} FROM pairings WHERE id = $1`, [pairingId])).rows[0];
    return row ? pairingOfRow(row) : undefined;
  }

  async findByCode(code: string): Promise<PairingRecord | undefined> {
    const row = (await this.pool.query<PairingRow>(`SELECT ${PAIRING_COLUMNS} FROM pairings WHERE code = $1`, [code])).rows[0];
    return row ? pairingOfRow(row) : undefined;
  }

  async phones(pairingId: string): Promise<PhoneRecord[]> {
    const { rows } = await this.pool.query<PhoneRow>(`SELECT ${PHONE_COLUMNS} FROM pairing_phones WHERE pairing_id = $1 ORDER BY paired_at, id`, [pairingId]);
    return rows.map(phoneOfRow);
  }

  async getPhone(pairingId: string, phoneId: string): Promise<PhoneRecord | undefined> {
    const row = (await this.pool.query<PhoneRow>(`SELECT ${PHONE_COLUMNS} FROM pairing_phones WHERE pairing_id = $1 AND id = $2`, [pairingId, phoneId])).rows[0];
    return row ? phoneOfRow(row) : undefined;
  }

  addPhone(phone: PhoneRecord, maxPhones: number): Promise<AddPhoneResult> {
    return inTransaction(this.pool, async (client): Promise<AddPhoneResult> => {
      const pairing = (await client.query<{ status: string }>('SELECT status FROM pairings WHERE id = $1 FOR UPDATE', [phone.pairingId])).rows[0];
      if (pairing?.status !== 'open') return 'closed';
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM pairing_phones WHERE pairing_id = $1', [phone.pairingId]);
      if (Number(rows[0]!.n) >= maxPhones) return 'full';
      await client.query(`INSERT INTO pairing_phones (${PHONE_COLUMNS}) VALUES ($1, $2, $3, $4, $5)`, phoneValues(phone));
      return 'added';
    });
  }

  async removePhone(pairingId: string, phoneId: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM pairing_phones WHERE pairing_id = $1 AND id = $2', [pairingId, phoneId])).rowCount ?? 0) === 1;
  }

  async endPairing(pairingId: string, status: Exclude<PairingStatus, 'open'>): Promise<boolean> {
    return ((await this.pool.query("UPDATE pairings SET status = $1 WHERE id = $2 AND status = 'open'", [status, pairingId])).rowCount ?? 0) === 1;
  }

  async expiredPairings(now: number, limit: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>("SELECT id FROM pairings WHERE status = 'open' AND expires_at <= $1 LIMIT $2", [now, limit]);
    return rows.map((r) => r.id);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
