/**
 * The code points a TrueType font draws, read from its `cmap` table (Windows Unicode subtables,
 * formats 4 and 12). The social card keeps only characters its bundled fonts cover: for any other
 * character next/og would fetch a fallback font from Google Fonts while rendering, and the server
 * must not depend on the network (or leak what it draws) for that.
 */
export function fontCoverage(font: Buffer): Set<number> {
  const covered = new Set<number>();
  const tableCount = font.readUInt16BE(4);
  let cmap = -1;
  for (let index = 0; index < tableCount; index++) {
    const record = 12 + index * 16;
    if (font.toString("latin1", record, record + 4) === "cmap") cmap = font.readUInt32BE(record + 8);
  }
  if (cmap < 0) return covered;
  const subtableCount = font.readUInt16BE(cmap + 2);
  for (let index = 0; index < subtableCount; index++) {
    const record = cmap + 4 + index * 8;
    if (font.readUInt16BE(record) !== 3) continue; // Windows platform: Unicode BMP (1) or full (10)
    const subtable = cmap + font.readUInt32BE(record + 4);
    const format = font.readUInt16BE(subtable);
    if (format === 4) {
      const segments = font.readUInt16BE(subtable + 6) / 2;
      const ends = subtable + 14;
      const starts = ends + segments * 2 + 2;
      for (let segment = 0; segment < segments; segment++) {
        const end = font.readUInt16BE(ends + segment * 2);
        for (let code = font.readUInt16BE(starts + segment * 2); code <= end && code < 0xffff; code++) covered.add(code);
      }
    } else if (format === 12) {
      const groups = font.readUInt32BE(subtable + 12);
      for (let group = 0; group < groups; group++) {
        const start = font.readUInt32BE(subtable + 16 + group * 12);
        const end = font.readUInt32BE(subtable + 20 + group * 12);
        for (let code = start; code <= end; code++) covered.add(code);
      }
    }
  }
  return covered;
}
