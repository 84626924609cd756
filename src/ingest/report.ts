// Per-input messages: a fatal one stops that input only; the summary comes at the end.

export class InputError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`${source}: ${reason}`);
    this.name = 'InputError';
  }
}

export interface FileReport {
  source: string;
  status: 'ingested' | 'unchanged' | 'skipped' | 'failed';
  reason?: string;
  /** Set on a file that went in despite something odd (a truncated last character). */
  warning?: string;
  counts?: Record<string, number>;
}
