// Keys are made a few at a time instead of all at once, so a request can be cancelled between keys and can report
// how far it got; a run of 400 keys otherwise queues them all in the thread pool at the first step.
import { PkiError } from '../errors';
import type { GenerateEnvironment } from './types';

/** Keys made at the same time: Node's thread pool has four threads by default. */
const PARALLEL = 4;

/** Counts keys for progress and stops the run when the caller cancelled. */
export class KeyWork {
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly env: Pick<GenerateEnvironment, 'cancelled' | 'progress'>,
  ) {}

  /** Throws PkiError CANCELLED once the caller gave up; called before each key. */
  checkpoint(): void {
    if (this.env.cancelled?.()) throw new PkiError('CANCELLED', 'Generation was cancelled; nothing was made.');
  }

  /** Called after each key. */
  madeOne(): void {
    this.done++;
    this.env.progress?.(this.done, this.total);
  }

  /** `make` over `items`, at most PARALLEL at a time, in order; checks for cancellation before each. */
  async map<T, R>(items: readonly T[], make: (item: T) => Promise<R>): Promise<R[]> {
    const results = new Array<R>(items.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < items.length) {
        this.checkpoint();
        const i = next++;
        results[i] = await make(items[i]);
        this.madeOne();
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
    return results;
  }
}
