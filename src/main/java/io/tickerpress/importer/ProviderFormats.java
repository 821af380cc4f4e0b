package io.tickerpress.importer;

import io.tickerpress.diag.InputError;

import java.util.List;
import java.util.Locale;

/** The formats {@code import} reads, and which one a file is in. */
public final class ProviderFormats {
    /** The names {@code --format} accepts besides {@code auto}. */
    public static final List<String> NAMES = List.of("stooq", "yahoo", "nasdaq", "alphavantage", "polygon");

    private ProviderFormats() {
    }

    /** Every format, in the order auto-detection tries them. */
    static List<ProviderFormat> all(boolean yahooExplicit) {
        return List.of(new StooqDaily(), new StooqBulk(), new Yahoo(yahooExplicit), new Nasdaq(), new AlphaVantageCsv(),
                new AlphaVantageJson(), new Polygon());
    }

    /**
     * The format of a file: with {@code requested} null (auto), the one whose header the first line is; else the
     * requested one, which must match. A known non-data reply, or a header matching nothing, is an error listing
     * the formats and what was seen.
     */
    public static ProviderFormat detect(ProviderFile file, String requested) {
        refusals(file);
        List<ProviderFormat> candidates = all("yahoo".equals(requested)).stream()
                .filter(f -> requested == null || f.name().equals(requested)).toList();
        for (ProviderFormat f : candidates) {
            if (f.recognises(file)) return f;
        }
        String seen = file.firstLine();
        if (seen.length() > 120) seen = seen.substring(0, 120) + "…";
        StringBuilder known = new StringBuilder();
        for (ProviderFormat f : all(false)) {
            if (known.indexOf(f.describe()) < 0) known.append("\n  - ").append(f.describe());
        }
        String what = requested == null ? "matches no format TickerPress imports" : "is not the " + requested + " format";
        throw new InputError(file.display(), file.firstLineNumber(), "the header '" + seen + "' " + what
                + "; the formats are:" + known + "\nCheck that the file is the provider's daily download"
                + (requested == null ? "" : ", or leave out --format to detect it"));
    }

    /** What providers send with status 200 instead of data, as plain text. */
    private static void refusals(ProviderFile file) {
        String first = file.firstLine();
        String lower = first.toLowerCase(Locale.ROOT);
        if (lower.equals("no data")) {
            throw new InputError(file.display(), file.firstLineNumber(), "Stooq answered 'No data': it does not know"
                    + " the symbol (US stocks are written like aapl.us, indices like ^spx) or the date range is empty");
        }
        if (lower.startsWith("exceeded the daily hits limit")) {
            throw new InputError(file.display(), file.firstLineNumber(), "Stooq answered '" + first + "' instead of"
                    + " data: its daily download limit is reached; download again tomorrow");
        }
    }
}
