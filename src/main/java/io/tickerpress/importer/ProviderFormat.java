package io.tickerpress.importer;

import java.util.List;

/** One provider's file format: how to recognise it and how to read its rows. */
public interface ProviderFormat {
    /** The name given to {@code --format}, e.g. {@code stooq}. */
    String name();

    /** What the format looks like, for messages: its provider and header, e.g. {@code Stooq daily: Date,Open,...}. */
    String describe();

    /** Whether the file's first line is this format's header. */
    boolean recognises(ProviderFile file);

    /**
     * Reads every row. {@code symbol} is the {@code --symbol} given, or null; formats whose files hold one symbol
     * without naming it throw {@link Importer.MissingSymbol} when it is null.
     */
    List<PriceRow> read(ProviderFile file, String symbol);
}
