/**
 * Node's zlib as the .xlsx writer's compressor: native deflate, several times faster than
 * fflate's JavaScript on large sheets. Each piece ends on a sync flush so that the pieces of a
 * part join into one deflate stream (pigz does the same); the last piece finishes it.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";
import type { PartCompressor } from "../xlsx/zipStream";

export const nodeCompressor: PartCompressor = {
  deflate: (piece, final) =>
    deflateRawSync(piece, {
      level: 6,
      finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
    }),
  crc32: (piece, crc) => crc32(piece, crc),
};
