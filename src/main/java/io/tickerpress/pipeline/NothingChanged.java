package io.tickerpress.pipeline;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.SourcePaths;
import io.tickerpress.model.Article;
import io.tickerpress.write.BuildManifest;
import io.tickerpress.write.ChartCache;
import io.tickerpress.write.PublishedOutput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fast path of a build with nothing to do: when the {@link LastBuild} into the same output had the same
 * key (options, generator), the same input files byte for byte, a clock that selects the same articles and the
 * same umask, and the output still points at the complete version it published (its charts as the chart
 * cache stored them), a build would publish the
 * same bytes again. It then loads, renders and publishes nothing (it only removes what earlier builds left
 * beside the published version, as every build does), and reports what the last build reported.
 */
final class NothingChanged {
    private final BuildOptions options;
    private final LastBuild last;
    /** The input files now, read before loading (null: not recorded, as for the preview server's builds). */
    private final InputIndex inputs;

    private NothingChanged(BuildOptions options, LastBuild last, InputIndex inputs) {
        this.options = options;
        this.last = last;
        this.inputs = inputs;
    }

    /**
     * Reads the last build's record and indexes the input files now. Called before the content is loaded: an
     * edit saved during the build then differs from the record this build leaves.
     */
    static NothingChanged since(BuildOptions options) {
        if (options.inPlace() || options.cacheDir() == null) return new NothingChanged(options, null, null);
        LastBuild last = LastBuild.load(options.cacheDir(), options.output()).orElse(null);
        return new NothingChanged(options, last, InputIndex.tryScan(options.source(), last == null ? null : last.inputs()));
    }

    /** The input files as indexed before loading, or null when not indexed (the preview server's builds). */
    InputIndex inputs() {
        return inputs;
    }

    /**
     * This without the last build's record, for a full build: it needs only the new index (which shares the
     * record's entries), and the record's map and bytes would take room all through it (some 90 MB at 1,000,000
     * articles).
     */
    NothingChanged withoutLast() {
        return new NothingChanged(options, null, inputs);
    }

    /** The last build's record, or null when there is none (or it was not read). */
    LastBuild last() {
        return last;
    }

    /** The last build's result when nothing changed since; empty when this build has something to do. */
    Optional<BuildResult> result(long startNanos) {
        if (options.clean() || last == null || inputs == null
                || !last.sameBuild(LastBuild.key(options), inputs, options.now())) {
            return Optional.empty();
        }
        return PublishedOutput.underLock(options.output(), () -> {
            Optional<Path> version = PublishedOutput.version(options.output());
            boolean published = version.isPresent() && version.get().toString().equals(last.version())
                    && Files.isRegularFile(BuildManifest.file(options.cacheDir(), options.output()))
                    && PublishedOutput.newFolderModes(options.cacheDir()).equals(last.modes())
                    && ChartCache.chartsIntact(version.get());
            if (!published) return Optional.empty();
            try {
                PublishedOutput.removeLeftovers(options.output()); // as a build that publishes would
            } catch (IOException e) {
                return Optional.empty(); // the full build reports it
            }
            new ChartCache(options.cacheDir(), GeneratorVersion.charts(options.cacheDir())).pruneAsLastBuild();
            long millis = (System.nanoTime() - startNanos) / 1_000_000;
            // Named as the user sees the files from the folder this build runs in, which may not be the last one's.
            Diagnostics warnings = new Diagnostics();
            SourcePaths paths = new SourcePaths(options.source());
            last.warnings().forEach(w -> warnings.replay(w, paths));
            return Optional.of(new BuildResult(last.pages(), last.files(), last.articles(), warnings.warnings(), millis,
                    0, last.charts(), 0, last.pages(), 0, Map.of("check inputs", millis), 0, true));
        });
    }

    /**
     * Records a successful build for the next one (nothing when its inputs could not be indexed).
     *
     * @param version the version folder it published
     * @param published the articles it published, and {@code heldBack} those it left out for their future date
     * @param warnings the build's warnings, kept to report again ({@link Diagnostics#stored})
     * @param order the token of the {@link ArticleOrder} saved for it, or "-"
     */
    void remember(Path version, List<Article> published, List<Article> heldBack, BuildResult result,
                  List<String> warnings, String order) {
        if (inputs == null) return;
        // The same articles are published from the newest published one's date until the first held-back one's.
        Instant from = options.future() ? null
                : published.stream().map(a -> a.date().toInstant()).max(Instant::compareTo).orElse(null);
        Instant until = heldBack.stream().map(a -> a.date().toInstant()).min(Instant::compareTo).orElse(null);
        new LastBuild(LastBuild.key(options), inputs.afterReading(options.source(), true), version.toString(), PublishedOutput.modes(version), from, until,
                result.pages(), result.files(), result.articles(), result.chartsRendered() + result.chartsReused(),
                warnings, order).save(options.cacheDir(), options.output());
    }
}
