package io.tickerpress.deploy;

import java.util.List;
import java.util.Locale;

/**
 * What a deploy did.
 *
 * @param uploaded site paths uploaded, sorted
 * @param bytes bytes sent (compressed size for gzip-encoded files)
 * @param failures files the store refused, with its error; empty when all went through
 */
public record DeployResult(Status status, DeployPlan plan, List<String> uploaded, long bytes, List<String> deleted,
                           List<DeployFailure> failures, long millis) {
    public enum Status {
        /** Everything in the plan was done. */
        DONE,
        /** --dry-run: the plan was printed, nothing changed. */
        DRY_RUN,
        /** The plan deletes more than maxDeletes allows: nothing changed. */
        TOO_MANY_DELETES,
        /** --confirm was answered with no: nothing changed. */
        DECLINED,
        /** Some files failed; the rest of the plan was stopped at the end of that phase. */
        FAILED
    }

    /** "uploaded 14 (2.1 MB), deleted 2, unchanged 12,311 in 3.4 s" */
    public String summary() {
        return String.format(Locale.ROOT, "uploaded %,d (%s), deleted %,d, unchanged %,d in %.1f s%s", uploaded.size(),
                Sizes.bytes(bytes), deleted.size(), plan == null ? 0 : plan.unchanged(), millis / 1000.0,
                failures.isEmpty() ? "" : String.format(Locale.ROOT, ", %,d failed", failures.size()));
    }
}
