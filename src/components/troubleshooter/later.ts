/** Runs the latest scheduled task once things have been quiet for `ms` (a debounce you can flush or cancel). */
export function later(ms: number): { schedule(task: () => void): void; flush(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: (() => void) | undefined;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  const flush = () => {
    const task = pending;
    cancel();
    task?.();
  };
  return {
    schedule(task) {
      clearTimeout(timer);
      pending = task;
      timer = setTimeout(flush, ms);
    },
    flush,
    cancel,
  };
}
