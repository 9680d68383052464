// One transaction on one pooled PostgreSQL connection, for every PostgreSQL store (projects, meet-ups, circles,
// attention).
import type pg from 'pg';

/** Runs `work` in one transaction on one pooled connection: commits its result, rolls back on any error. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {
      broken = true; // the connection itself failed: do not hand it to the next caller
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
