package io.tickerpress.importer;

import io.tickerpress.diag.InputError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reading one cell of a provider's row as a date, price or volume, with the file, line and column in every error. */
final class Cells {
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d{1,18}(\\.\\d{1,12})?([eE][-+]?\\d{1,3})?");
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
    static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);
    static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.ROOT);

    private final String file;
    private final int line;

    Cells(String file, int line) {
        this.file = file;
        this.line = line;
    }

    InputError error(String message) {
        return new InputError(file, line, message);
    }

    LocalDate date(String cell, String column, DateTimeFormatter format, String example) {
        try {
            return LocalDate.parse(cell.strip(), format.withResolverStyle(java.time.format.ResolverStyle.STRICT));
        } catch (DateTimeParseException e) {
            throw error("'" + cell + "' in column " + column + " is not a date like " + example);
        }
    }

    /** Whether a cell holds no figure: empty, or a provider's word for "none". */
    static boolean missing(String cell) {
        if (cell == null) return true;
        String c = cell.strip();
        return c.isEmpty() || c.equalsIgnoreCase("null") || c.equalsIgnoreCase("N/A") || c.equals("-") || c.equals("--");
    }

    /** A price, or null when missing; {@code dollar} allows a leading {@code $} (Nasdaq writes {@code $248.04}). */
    BigDecimal price(String cell, String column, boolean dollar) {
        if (missing(cell)) return null;
        String c = cell.strip();
        if (dollar && c.startsWith("$")) c = c.substring(1).strip();
        if (!NUMBER.matcher(c).matches()) {
            throw error("'" + cell + "' in column " + column + " is not a price");
        }
        BigDecimal v = new BigDecimal(c);
        if (v.signum() <= 0) throw error("'" + cell + "' in column " + column + " is not a positive price");
        return v;
    }

    /**
     * A volume in shares, or null when missing; it must be a whole number unless {@code round} is set, when it is
     * rounded to whole shares by the one rounding rule ({@link io.tickerpress.model.Rounding#round}: half-up on the
     * decimal as written, {@code 45123456.5} → {@code 45123457}).
     */
    Long volume(String cell, String column, boolean round) {
        if (missing(cell)) return null;
        String c = cell.strip();
        if (!NUMBER.matcher(c).matches()) {
            throw error("'" + cell + "' in column " + column + " is not a number of shares");
        }
        BigDecimal v = new BigDecimal(c);
        if (round) v = io.tickerpress.model.Rounding.round(v, 0);
        if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0 || v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw error("'" + cell + "' in column " + column + " is not a whole number of shares");
        }
        return v.longValueExact();
    }
}
