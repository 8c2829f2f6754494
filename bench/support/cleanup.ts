/** Undo steps registered as resources are acquired; run last-in first-out, each one best-effort. */
export class Cleanup {
  private readonly steps: Array<{ label: string; run: () => Promise<unknown> }> = [];
  private running?: Promise<string[]>;

  add(label: string, run: () => Promise<unknown>): void {
    this.steps.push({ label, run });
  }

  /** Runs every step once (later calls wait for the first); returns the problems met. */
  runAll(): Promise<string[]> {
    this.running ??= (async () => {
      const problems: string[] = [];
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (error) {
          problems.push(`${step.label}: ${(error as Error)?.message ?? String(error)}`);
        }
      }
      this.steps.length = 0;
      return problems;
    })();
    return this.running;
  }
}
