// The ingest command's progress line on stderr, redrawn in place; only when stderr is a terminal.
type Counts = { inserted: number; updated: number; unchanged: number; failed: number };

const WIDTH = 24;

export function createProgressBar(stream: NodeJS.WriteStream, label: string) {
  const started = Date.now();
  let drawn = false;
  return {
    update(processed: number, total: number | null, counts: Counts) {
      const fraction = total ? Math.min(1, processed / total) : 0;
      const filled = Math.round(fraction * WIDTH);
      const bar = total ? `[${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}] ${processed}/${total}` : `${processed}`;
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      const line = `${label} ${bar} · ${counts.inserted} new · ${counts.updated} updated · ${counts.unchanged} unchanged · ${counts.failed} failed · ${seconds}s`;
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns || 120) - 1)}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\r\x1b[2K");
    },
  };
}
