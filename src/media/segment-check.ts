// Whether a media segment arrived whole. An origin that serves a file still being written sends a complete HTTP
// answer with a short body: nothing at the network level says so, and the decoder fails only later, in a way
// that looks like the device's fault. The container says it: fMP4 boxes declare their sizes, MPEG-TS comes in
// 188-byte packets.

const TS_PACKET = 188;
const TS_SYNC = 0x47;
/** Boxes an fMP4 segment (or init segment) starts with: anything else is not recognisably fMP4. */
const FIRST_BOXES = new Set(['styp', 'ftyp', 'moof', 'sidx', 'emsg', 'prft', 'moov', 'free']);

/** True when `data` is an fMP4 or MPEG-TS segment cut short; false when whole or not recognisably either. */
export function isTruncatedSegment(data: ArrayBuffer): boolean {
  const length = data.byteLength;
  if (length === 0) return true;
  const view = new DataView(data);
  if (view.getUint8(0) === TS_SYNC && (length < TS_PACKET || view.getUint8(TS_PACKET) === TS_SYNC)) return length % TS_PACKET !== 0;
  if (length < 8) return false;
  const firstType = String.fromCharCode(view.getUint8(4), view.getUint8(5), view.getUint8(6), view.getUint8(7));
  if (!FIRST_BOXES.has(firstType)) return false;
  let offset = 0;
  while (offset + 8 <= length) {
    let size = view.getUint32(offset);
    if (size === 1) {
      if (offset + 16 > length) return true;
      size = Number(view.getBigUint64(offset + 8));
    } else if (size === 0) {
      return false; // the last box runs to the end of the file, whatever its length
    }
    if (size < 8) return false; // not a box stream: nothing to tell
    offset += size;
  }
  return offset !== length;
}
