// A one-line progress bar on stderr for CLI steps. On a terminal it redraws in place (at most every
// 100 ms); piped into a file or CI log it prints one line per finished stage instead.

const WIDTH = 30;
const REDRAW_MS = 100;

export interface ProgressBar {
  /** done and total across all stages; label names the current stage */
  update(done: number, total: number, label: string, force?: boolean): void;
  /** a stage finished (rows null: a step without rows): logged when the output is not a terminal */
  stageDone(label: string, rows: number | null): void;
  finish(): void;
}

export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const isTty = stream.isTTY === true;
  let lastDraw = 0;
  let lastLine = "";
  const draw = (done: number, total: number, label: string) => {
    const ratio = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(ratio * WIDTH);
    lastLine = `[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}%  ${label}`;
    stream.write(`\r${lastLine}\x1b[K`);
  };
  return {
    update(done, total, label, force = false) {
      if (!isTty) return;
      const now = performance.now();
      if (!force && now - lastDraw < REDRAW_MS && done < total) return;
      lastDraw = now;
      draw(done, total, label);
    },
    stageDone(label, rows) {
      if (!isTty) stream.write(rows === null ? `${label}\n` : `${label}: ${rows.toLocaleString("en-US")} rows\n`);
    },
    finish() {
      if (isTty && lastLine) stream.write("\n");
    },
  };
}
