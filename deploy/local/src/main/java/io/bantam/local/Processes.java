package io.bantam.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stopping processes: SIGTERM, a grace period, then SIGKILL. */
final class Processes {

    private Processes() {
    }

    /** SIGTERM to every process first, then waits for each, killing those that outlast {@code grace}. */
    static void terminateAll(List<ProcessHandle> processes, Duration grace) {
        processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : processes) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!awaitExit(process, Duration.ofNanos(left))) {
                process.destroyForcibly();
                awaitExit(process, Duration.ofSeconds(10));
            }
        }
    }

    static void terminate(ProcessHandle process, Duration grace) {
        terminateAll(List.of(process), grace);
    }

    /** Whether the process is gone within {@code timeout}. */
    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** When the process started, to the millisecond, if the platform tells. */
    static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant();
    }

    /**
     * The live process {@code pid}, if it is still the one that started at {@code start}: a pid a
     * crashed run left behind may belong to an unrelated process by now.
     */
    static Optional<ProcessHandle> stillRunning(long pid, Optional<Instant> start) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> start.isEmpty() || startOf(handle)
                        .map(actual -> Math.abs(actual.toEpochMilli() - start.get().toEpochMilli()) < 1000)
                        .orElse(true));
    }
}
