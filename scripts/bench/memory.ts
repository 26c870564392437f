/** The process's resident memory, sampled every 10 ms for the whole run and for each operation. */
export interface MemorySampler {
  /** Starts watching one operation; the function returned reads its peak so far, in MB. */
  watchOperation(): () => number;
  /** The highest resident memory of the run, in MB. */
  peakMb(): number;
  stop(): void;
}

export function startMemorySampler(): MemorySampler {
  let peakRss = 0;
  /** The highest resident memory seen during the current operation. */
  let operationPeak = 0;
  const sampler = setInterval(() => {
    const rss = process.memoryUsage().rss;
    peakRss = Math.max(peakRss, rss);
    operationPeak = Math.max(operationPeak, rss);
  }, 10);
  return {
    watchOperation() {
      operationPeak = process.memoryUsage().rss;
      const maxRssBefore = process.resourceUsage().maxRSS * 1024;
      // The sampler cannot run while synchronous work holds the thread; the process's highest mark, when it rose during
      // this operation, was reached by it.
      return () => {
        const maxRss = process.resourceUsage().maxRSS * 1024;
        return Math.round(Math.max(operationPeak, process.memoryUsage().rss, maxRss > maxRssBefore ? maxRss : 0) / 1e6);
      };
    },
    peakMb: () => Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1e6),
    stop: () => clearInterval(sampler),
  };
}
