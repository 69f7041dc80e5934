/**
 * Crash points for the kill tests: CLIENT_TRACKER_TEST_KILL_AT=k makes the process kill itself
 * (SIGKILL: no clean-up code runs, as with a power cut) at the k-th point it reaches. The points mark
 * each step between a run's end and its last rename, so a test can stop a command at every one of
 * them in turn and check that a rerun neither loses nor repeats anything. Unset, this does nothing.
 */
let reached = 0;

export function crashPoint(): void {
  const at = process.env.CLIENT_TRACKER_TEST_KILL_AT;
  if (!at) return;
  reached++;
  if (reached === Number(at)) process.kill(process.pid, 'SIGKILL');
}
