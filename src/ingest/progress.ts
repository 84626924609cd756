// Progress of a long ingest: a bar with rate and ETA on a terminal, a plain line every few
// seconds otherwise (logs, CI), nothing with --json.

export interface Progress {
  tick(done: number): void;
  end(): void;
}

export function createProgress(total: number, stream: NodeJS.WriteStream | null, intervalMs = 5000): Progress {
  if (!stream || total === 0) return { tick() {}, end() {} };
  const started = Date.now();
  let last = 0;
  const line = (done: number) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    const pct = Math.floor((done / total) * 100);
    return { pct, text: `${done}/${total} bulletins (${pct}%), ${rate.toFixed(0)}/s, ETA ${eta}s` };
  };
  if (stream.isTTY) {
    return {
      tick(done) {
        const now = Date.now();
        if (now - last < 100 && done < total) return;
        last = now;
        const { pct, text } = line(done);
        const width = 24;
        const filled = Math.round((pct / 100) * width);
        stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K`);
      },
      end() {
        stream.write('\n');
      },
    };
  }
  return {
    tick(done) {
      const now = Date.now();
      if (now - last < intervalMs && done < total) return;
      last = now;
      stream.write(`${line(done).text}\n`);
    },
    end() {},
  };
}
