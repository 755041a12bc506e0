/**
 * Once a second: the emulator's resident memory (VmRSS of the MiniStack Python process), the node worker
 * processes MiniStack runs the functions in (its children), their memory and CPU time, and the whole
 * machine's CPU time (to show how much of the two cores went to other processes). Linux /proc only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS = 100; // USER_HZ on Linux

export interface ProcessSample {
  t: number;
  emulatorRssMiB: number;
  workers: number;
  workerRssMiB: number;
  /** CPU seconds since the start: the emulator's own, and its workers' (live and reaped). */
  emulatorCpu: number;
  workerCpu: number;
}

interface WorkerSeen {
  fn: string;
  /** CPU time it had used when first seen at the start (0 for workers started during the run). */
  baseCpu: number;
  lastCpu: number;
  peakRssMiB: number;
  /** Still running at the last sample. */
  alive: boolean;
}

const readOr = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

const rssMiB = (pid: number): number | undefined => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readOr(`/proc/${pid}/status`) ?? '');
  return match ? Number(match[1]) / 1024 : undefined;
};

/** utime + stime (own) and cutime + cstime (children it has waited for), in seconds. */
function cpuSeconds(pid: number): { own: number; children: number } | undefined {
  const stat = readOr(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime is field 14, so index 11.
  const n = (i: number) => Number(fields[i]) / CLOCK_TICKS;
  return { own: n(11) + n(12), children: n(13) + n(14) };
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const task of tasks) {
    const list = readOr(`/proc/${pid}/task/${task}/children`);
    for (const child of (list ?? '').trim().split(/\s+/)) if (child) out.push(Number(child));
  }
  return out;
}

/** The function a MiniStack worker runs, from its script path (ministack-lambda-<function>-<random>/). */
function functionOf(pid: number): string {
  const cmdline = (readOr(`/proc/${pid}/cmdline`) ?? '').replace(/\0/g, ' ');
  const match = /ministack-lambda-(?:Copydesk\w+-)?([A-Za-z]+?)Function/.exec(cmdline);
  return match ? match[1]!.toLowerCase() : cmdline.includes('node') ? 'node (other)' : 'other';
}

/** The machine's busy and total CPU time so far, in seconds (all cores summed). */
function machineCpu(): { busy: number; total: number } {
  const line = (readOr('/proc/stat') ?? '').split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((a, b) => a + b, 0) / CLOCK_TICKS;
  const idle = ((values[3] ?? 0) + (values[4] ?? 0)) / CLOCK_TICKS;
  return { busy: total - idle, total };
}

function benchCpu(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

export class ProcessSampler {
  readonly samples: ProcessSample[] = [];
  private readonly workers = new Map<number, WorkerSeen>();
  private timer?: NodeJS.Timeout;
  private peakEmulatorRss = 0;
  private peakWorkerRssSum = 0;
  private peakWorkerCount = 0;
  private peakEmulatorPlusWorkers = 0;
  private readonly peakWorkersByFunction = new Map<string, number>();
  private startCpu?: {
    emulator: number;
    reaped: number;
    bench: number;
    machine: { busy: number; total: number };
  };
  private lastEmulatorCpu = { own: 0, children: 0 };
  private startedAt = 0;

  constructor(readonly emulatorPid: number) {}

  static forPort(pidFile: string): ProcessSampler | undefined {
    if (!existsSync(pidFile)) return undefined;
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    return Number.isFinite(pid) && existsSync(`/proc/${pid}`) ? new ProcessSampler(pid) : undefined;
  }

  start(): void {
    const cpu = cpuSeconds(this.emulatorPid) ?? { own: 0, children: 0 };
    this.startCpu = { emulator: cpu.own, reaped: cpu.children, bench: benchCpu(), machine: machineCpu() };
    // Workers already running (cold starts before the measurement) count from their current CPU time.
    for (const pid of childrenOf(this.emulatorPid)) {
      const own = cpuSeconds(pid)?.own ?? 0;
      this.workers.set(pid, { fn: functionOf(pid), baseCpu: own, lastCpu: own, peakRssMiB: 0, alive: true });
    }
    this.startedAt = Date.now();
    this.sample();
    this.timer = setInterval(() => this.sample(), 1000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }

  private sample(): void {
    const emulatorRss = rssMiB(this.emulatorPid) ?? 0;
    this.lastEmulatorCpu = cpuSeconds(this.emulatorPid) ?? this.lastEmulatorCpu;
    let sum = 0;
    let count = 0;
    const byFunction = new Map<string, number>();
    for (const seen of this.workers.values()) seen.alive = false;
    for (const pid of childrenOf(this.emulatorPid)) {
      const rss = rssMiB(pid);
      if (rss === undefined) continue;
      let seen = this.workers.get(pid);
      if (!seen) {
        seen = { fn: functionOf(pid), baseCpu: 0, lastCpu: 0, peakRssMiB: 0, alive: true };
        this.workers.set(pid, seen);
      }
      seen.lastCpu = cpuSeconds(pid)?.own ?? seen.lastCpu;
      seen.alive = true;
      seen.peakRssMiB = Math.max(seen.peakRssMiB, rss);
      sum += rss;
      count += 1;
      byFunction.set(seen.fn, (byFunction.get(seen.fn) ?? 0) + 1);
    }
    for (const [fn, n] of byFunction)
      this.peakWorkersByFunction.set(fn, Math.max(this.peakWorkersByFunction.get(fn) ?? 0, n));
    this.peakEmulatorRss = Math.max(this.peakEmulatorRss, emulatorRss);
    this.peakWorkerRssSum = Math.max(this.peakWorkerRssSum, sum);
    this.peakWorkerCount = Math.max(this.peakWorkerCount, count);
    this.peakEmulatorPlusWorkers = Math.max(this.peakEmulatorPlusWorkers, emulatorRss + sum);
    const start = this.startCpu ?? { emulator: 0, reaped: 0 };
    const workerCpu = this.workerCpuSeconds().total;
    this.samples.push({
      t: Date.now(),
      emulatorRssMiB: Math.round(emulatorRss),
      workers: count,
      workerRssMiB: Math.round(sum),
      emulatorCpu: Math.round((this.lastEmulatorCpu.own - start.emulator) * 100) / 100,
      workerCpu: Math.round(workerCpu * 100) / 100,
    });
  }

  /**
   * Worker CPU since the start: what the tracked workers used (up to their last sample), plus what the
   * kernel accounted to children the emulator reaped beyond the tracked ones that exited (a process
   * that lived less than a second between two samples, or the last second of one that exited).
   */
  private workerCpuSeconds(): { tracked: number; untracked: number; total: number } {
    const start = this.startCpu ?? { reaped: 0 };
    let tracked = 0;
    let exited = 0;
    for (const seen of this.workers.values()) {
      tracked += seen.lastCpu - seen.baseCpu;
      if (!seen.alive) exited += seen.lastCpu - seen.baseCpu;
    }
    const untracked = Math.max(0, this.lastEmulatorCpu.children - start.reaped - exited);
    return { tracked, untracked, total: tracked + untracked };
  }

  summary() {
    const perFunction: Record<
      string,
      { processes: number; peakConcurrent: number; cpuSeconds: number; peakRssMiB: number }
    > = {};
    for (const seen of this.workers.values()) {
      const entry = (perFunction[seen.fn] ??= {
        processes: 0,
        peakConcurrent: this.peakWorkersByFunction.get(seen.fn) ?? 0,
        cpuSeconds: 0,
        peakRssMiB: 0,
      });
      entry.processes += 1;
      entry.cpuSeconds += seen.lastCpu - seen.baseCpu;
      entry.peakRssMiB = Math.max(entry.peakRssMiB, seen.peakRssMiB);
    }
    const start = this.startCpu ?? { emulator: 0, reaped: 0, bench: 0, machine: { busy: 0, total: 0 } };
    const machine = machineCpu();
    const wallSeconds = (Date.now() - this.startedAt) / 1000;
    return {
      emulatorPid: this.emulatorPid,
      wallSeconds,
      peakEmulatorRssMiB: Math.round(this.peakEmulatorRss),
      finalEmulatorRssMiB: this.samples.at(-1)?.emulatorRssMiB ?? 0,
      peakWorkerRssSumMiB: Math.round(this.peakWorkerRssSum),
      peakSingleWorkerRssMiB: Math.round(Math.max(0, ...[...this.workers.values()].map((w) => w.peakRssMiB))),
      peakWorkerProcesses: this.peakWorkerCount,
      peakEmulatorPlusWorkersMiB: Math.round(this.peakEmulatorPlusWorkers),
      perFunction,
      cpuSeconds: {
        emulator: this.lastEmulatorCpu.own - start.emulator,
        /** Children CPU the per-worker sampling did not see (short-lived processes, final seconds). */
        untrackedChildren: this.workerCpuSeconds().untracked,
        workers: this.workerCpuSeconds().tracked,
        bench: benchCpu() - start.bench,
        machineBusy: machine.busy - start.machine.busy,
        machineAvailable: machine.total - start.machine.total,
      },
    };
  }
}
