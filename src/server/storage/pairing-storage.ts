// What pairings need from a database: the TV's pairing (its code, project, expiry, state) and the phones paired
// with it. Its own interface beside CircleStorage, async so a deployment can keep it in PostgreSQL for several
// nodes. Only accepted requests write: a refused offer or join stores nothing.
export type PairingStatus = 'open' | 'revoked' | 'expired';

export interface PairingRecord {
  id: string;
  /** Normalized (capitals, no dash); unique among all pairings ever made. */
  code: string;
  projectId: string;
  tvName: string;
  /** sha256 of the TV's key: the key itself is never stored. */
  tvKeyHash: string;
  status: PairingStatus;
  createdAt: number;
  /** ms since the epoch: the pairing is over after this, swept or not. */
  expiresAt: number;
}

export interface PhoneRecord {
  pairingId: string;
  id: string;
  name: string;
  /** sha256 of the phone's key. */
  keyHash: string;
  pairedAt: number;
}

export type AddPhoneResult = 'added' | 'full' | 'closed';

export interface PairingStorage {
  /** 'code-taken' when another pairing has the code (the caller makes a new one and tries again). */
  createPairing(pairing: PairingRecord): Promise<'created' | 'code-taken'>;
  getPairing(pairingId: string): Promise<PairingRecord | undefined>;
  findByCode(code: string): Promise<PairingRecord | undefined>;
  /** Phones in the order they paired. */
  phones(pairingId: string): Promise<PhoneRecord[]>;
  getPhone(pairingId: string, phoneId: string): Promise<PhoneRecord | undefined>;
  /** Adds a phone if the pairing is open and has room, in one transaction (two joins cannot pass the limit). */
  addPhone(phone: PhoneRecord, maxPhones: number): Promise<AddPhoneResult>;
  /** Unpaired by the TV: gone, so its key no longer brings it back. */
  removePhone(pairingId: string, phoneId: string): Promise<boolean>;
  /** Ends an open pairing (revoked by the TV, or expired); false when it was not open. */
  endPairing(pairingId: string, status: Exclude<PairingStatus, 'open'>): Promise<boolean>;
  /** Open pairings whose time is up at `now`: expiry candidates. */
  expiredPairings(now: number, limit: number): Promise<string[]>;
  close(): Promise<void>;
}

export const PAIRING_COLUMNS = 'id, code, project_id, tv_name, tv_key_hash, status, created_at, expires_at';
export const PHONE_COLUMNS = 'pairing_id, id, name, key_hash, paired_at';

export interface PairingRow {
  id: string;
  code: string;
  project_id: string;
  tv_name: string;
  tv_key_hash: string;
  status: string;
  created_at: number | string;
  expires_at: number | string;
}

export interface PhoneRow {
  pairing_id: string;
  id: string;
  name: string;
  key_hash: string;
  paired_at: number | string;
}

export const pairingValues = (p: PairingRecord) => [p.id, p.code, p.projectId, p.tvName, p.tvKeyHash, p.status, p.createdAt, p.expiresAt];
export const phoneValues = (p: PhoneRecord) => [p.pairingId, p.id, p.name, p.keyHash, p.pairedAt];

// PostgreSQL returns bigint columns as strings: both engines' rows become the same record.
export const pairingOfRow = (r: PairingRow): PairingRecord => ({
  id: r.id,
  code: r.code,
  projectId: r.project_id,
  tvName: r.tv_name,
  tvKeyHash: r.tv_key_hash,
  status: r.status as PairingStatus,
  createdAt: Number(r.created_at),
  expiresAt: Number(r.expires_at),
});
export const phoneOfRow = (r: PhoneRow): PhoneRecord => ({ pairingId: r.pairing_id, id: r.id, name: r.name, keyHash: r.key_hash, pairedAt: Number(r.paired_at) });
