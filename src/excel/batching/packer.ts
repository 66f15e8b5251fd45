/**
 * Packs planned operations into chunks, each sent in one sync, in order. Row-splittable
 * operations (values, number formats) are cut at a row so every chunk but the last is nearly
 * full: the number of syncs follows the payload, not the number of sheets or ministries.
 */

export interface PlannedOp<Env> {
  /** Estimated serialised bytes of this operation. */
  bytes: number;
  apply(env: Env): void;
  /** Cuts off a head of at most `maxBytes`, or null when not even one row fits. */
  splitHead?(maxBytes: number): [PlannedOp<Env>, PlannedOp<Env>] | null;
}

export interface Chunk<Env> {
  ops: PlannedOp<Env>[];
  bytes: number;
}

/** `overhead`: bytes every request carries whatever its operations (envelope, shared object paths). */
export function packOps<Env>(
  ops: readonly PlannedOp<Env>[],
  limit: number,
  overhead: number
): Chunk<Env>[] {
  const chunks: Chunk<Env>[] = [];
  let current: Chunk<Env> = { ops: [], bytes: overhead };
  const pending = [...ops].reverse();
  while (pending.length > 0) {
    const op = pending.pop() as PlannedOp<Env>;
    if (current.bytes + op.bytes <= limit) {
      current.ops.push(op);
      current.bytes += op.bytes;
      continue;
    }
    const parts = op.splitHead?.(limit - current.bytes) ?? null;
    if (parts) {
      current.ops.push(parts[0]);
      current.bytes += parts[0].bytes;
      pending.push(parts[1]);
    } else if (current.ops.length === 0) {
      throw new Error(
        `An operation of ${op.bytes} bytes cannot fit in a request of ${limit} bytes.`
      );
    } else {
      pending.push(op);
    }
    chunks.push(current);
    current = { ops: [], bytes: overhead };
  }
  if (current.ops.length > 0) chunks.push(current);
  return chunks;
}
