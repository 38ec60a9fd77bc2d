/** Node's zlib for the package reader (src/xlsx/package-parts.ts): native inflate and CRC-32, several times faster than JSZip's. */
import zlib from "node:zlib";
import type { Unzip } from "../xlsx/package-parts";

export const NODE_UNZIP: Unzip = {
  inflateRaw: (data, maxSize) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxSize) }),
  // zlib.crc32 is there from Node 20.15 on; before, the reader computes it itself
  crc32: typeof zlib.crc32 === "function" ? (data) => zlib.crc32(data) : undefined,
};
