package io.tickerpress.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The file-system calls of one build, read from an {@code strace -f} trace thread by thread, and the fault points
 * the fault-injection tests choose from them.
 *
 * <p>strace numbers the calls that {@code inject=SYSCALL:...:when=N} counts per syscall and per thread ("Accounting
 * of syscalls that are subject to injection is done per syscall and per tracee", man strace): {@code when=N} fires
 * at the N-th call of every thread that makes N calls, and never where no thread makes that many. So a point is a
 * call number within one thread: a count over all threads (the build's worker threads share the hard links,
 * folders and removals of the output) would name points that no run reaches.
 */
final class TracedCalls {
    /** The full matrices when TICKERPRESS_FULL_FAULTS=1; else the representative points each test names. */
    static final boolean FULL = "1".equals(System.getenv("TICKERPRESS_FULL_FAULTS"));

    /**
     * The command that runs a child under strace, its threads followed, the given syscalls traced into
     * {@code trace} (and the options that follow, such as an {@code inject=...}). Not {@code --seccomp-bpf}: it
     * would stop the child less often, but with it strace 6.1 skipped a {@code signal=KILL:when=2} injection.
     */
    static List<String> strace(Path trace, Collection<String> syscalls, String... options) {
        List<String> cmd = new ArrayList<>(List.of("strace", "-f", "-qq", "-o", trace.toString(),
                "-e", "trace=" + String.join(",", syscalls)));
        for (String o : options) cmd.addAll(List.of("-e", o));
        return cmd;
    }

    /** Syscall → thread id → the text of each call (its arguments and result), in order. */
    private final Map<String, Map<String, List<String>>> calls;

    private TracedCalls(Map<String, Map<String, List<String>>> calls) {
        this.calls = calls;
    }

    /** The calls of the given syscalls in a trace written by {@code strace -f -o TRACE} (each line "PID call(...)"). */
    static TracedCalls read(Path trace, Collection<String> syscalls) throws IOException {
        Map<String, Map<String, List<String>>> calls = new TreeMap<>();
        for (String s : syscalls) calls.put(s, new LinkedHashMap<>());
        for (String line : Files.readAllLines(trace)) {
            String[] pidAndCall = line.strip().split("\\s+", 2);
            if (pidAndCall.length < 2 || pidAndCall[1].startsWith("<...")) continue; // the end of a call already counted
            String call = pidAndCall[1];
            int paren = call.indexOf('(');
            if (paren > 0 && calls.containsKey(call.substring(0, paren))) {
                calls.get(call.substring(0, paren)).computeIfAbsent(pidAndCall[0], t -> new ArrayList<>()).add(call);
            }
        }
        return new TracedCalls(calls);
    }

    /** Calls of each syscall over all threads, for the report. */
    Map<String, Integer> totals() {
        Map<String, Integer> totals = new TreeMap<>();
        calls.forEach((s, byThread) -> totals.put(s, byThread.values().stream().mapToInt(List::size).sum()));
        return totals;
    }

    /** The most calls of each syscall that one thread made, for the report. */
    Map<String, Integer> mostInOneThread() {
        Map<String, Integer> most = new TreeMap<>();
        calls.keySet().forEach(s -> most.put(s, mostInOneThread(s)));
        return most;
    }

    /** The calls of {@code syscall} made by the thread that made the first {@code other} call (the publishing thread). */
    List<String> inThreadOf(String other, String syscall) {
        String thread = calls.get(other).keySet().stream().findFirst().orElseThrow(() -> new AssertionError("no " + other + " call"));
        return calls.get(syscall).getOrDefault(thread, List.of());
    }

    /** The most calls of {@code syscall} one thread made: the last point at which a fault can fire at all. */
    int mostInOneThread(String syscall) {
        return calls.get(syscall).values().stream().mapToInt(List::size).max().orElse(0);
    }

    /**
     * A late call number that every run reaches. Made by one thread, the calls come in the same order each run:
     * the last one. Shared by k threads, how many each makes depends on how the work was handed out, but of T
     * calls one thread makes at least T/k; a tenth off that leaves room for the few calls that vary from run to
     * run (threads racing to make the same folder).
     */
    int lateReachedByEveryRun(String syscall) {
        Map<String, List<String>> byThread = calls.get(syscall);
        int total = byThread.values().stream().mapToInt(List::size).sum();
        if (byThread.size() <= 1) return total;
        return Math.max(1, total / byThread.size() * 9 / 10);
    }

    /** The number of the publishing thread's rename that moves the new link onto the output: the swap. */
    int swapRename(Path output) {
        List<String> renames = inThreadOf("symlink", "rename");
        for (int i = 0; i < renames.size(); i++) {
            if (renames.get(i).contains(", \"" + output + "\")")) return i + 1;
        }
        throw new AssertionError("no rename puts the link in place of " + output + ": " + renames);
    }

    /**
     * The renames of the publish step to fault: each of the publishing thread's renames up to and including the one
     * that moves the new link onto the output (taking over a version folder, writing its record, the swap itself:
     * each a step of its own), then of the renames after it, which write the build's records once the site is out
     * (one step, a record after another), the first and the last. All of them when {@code all}.
     */
    SortedSet<Integer> publishRenames(Path output, boolean all) {
        List<String> renames = inThreadOf("symlink", "rename");
        int swap = swapRename(output);
        SortedSet<Integer> points = new TreeSet<>();
        for (int n = 1; n <= swap; n++) points.add(n);
        if (renames.size() > swap) {
            points.add(swap + 1);
            points.add(renames.size());
        }
        if (all) for (int n = 1; n <= renames.size(); n++) points.add(n);
        return points;
    }
}
