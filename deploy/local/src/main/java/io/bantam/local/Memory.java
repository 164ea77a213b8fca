package io.bantam.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Memory of a process and its descendants from Linux's {@code /proc/<pid>/smaps_rollup}: resident
 * set (RSS) and proportional set (PSS, shared pages divided among the processes sharing them, so
 * PSS values add up to what the processes really take together).
 *
 * @param rssKb resident set size in KiB
 * @param pssKb proportional set size in KiB
 */
record Memory(long rssKb, long pssKb) {

    static final Memory NONE = new Memory(0, 0);

    Memory plus(Memory other) {
        return new Memory(rssKb + other.rssKb, pssKb + other.pssKb);
    }

    /** The process and all its descendants (PostgreSQL's backends are children of the postmaster). */
    static Optional<Memory> ofTree(ProcessHandle process) {
        Optional<Memory> own = of(process.pid());
        if (own.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<ProcessHandle> descendants = process.descendants()) {
            List<Memory> children = descendants.map(child -> of(child.pid()).orElse(NONE)).toList();
            return Optional.of(children.stream().reduce(own.get(), Memory::plus));
        }
    }

    static Optional<Memory> of(long pid) {
        Path rollup = Path.of("/proc", Long.toString(pid), "smaps_rollup");
        try {
            long rss = 0;
            long pss = 0;
            for (String line : Files.readAllLines(rollup)) {
                if (line.startsWith("Rss:")) {
                    rss = kilobytes(line);
                } else if (line.startsWith("Pss:")) {
                    pss = kilobytes(line);
                }
            }
            return Optional.of(new Memory(rss, pss));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    String format() {
        return String.format("%d MB RSS, %d MB PSS", rssKb / 1024, pssKb / 1024);
    }
}
