// The one way a command writes: everything in one transaction with its audit row, and a refusal
// (an answer `{ ok: false, ... }`) rolls the transaction back, so a command that refuses after its
// first write leaves nothing behind. A thrown error rolls back as usual.
import type { Db } from './client.ts';

class Refusal<T> extends Error {
  constructor(public readonly answer: T) {
    super('refused');
  }
}

export async function writeTransaction<T extends { ok: boolean }>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      const answer = await work(tx as Db);
      if (!answer.ok) throw new Refusal(answer);
      return answer;
    });
  } catch (error) {
    if (error instanceof Refusal) return error.answer as T;
    throw error;
  }
}
