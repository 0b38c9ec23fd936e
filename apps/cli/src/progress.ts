import cliProgress from "cli-progress";

/** A progress bar on a terminal; silent when stderr is not a TTY (pipes, CI). */
export interface Progress {
  update(done: number): void;
  stop(): void;
}

export function createProgress(total: number, label: string): Progress {
  if (!process.stderr.isTTY || total <= 0) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% {value}/{total} {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}
