package io.tickerpress.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link RecordText} writes a record as Java's own {@code toString} of a record does: the expected texts are those
 * of records that keep Java's own (fingerprints of pages are made of these texts, so a change would render every
 * page again, and a text that left a component out would miss edits).
 */
class RecordTextTest {
    record Plain(String text, int count, long big, double ratio, boolean flag, char letter, Double boxed,
                 List<String> list) {
    }

    record Outer(String name, Plain plain, Inner inner) {
        record Inner(String a) {
        }
    }

    private record Hidden(String a, Object nothing) {
    }

    record Empty() {
    }

    @Test
    void writesWhatJavasOwnRecordTextWrites() {
        Plain plain = new Plain("a, b=[c]", -3, Long.MAX_VALUE, 0.1 + 0.2, true, 'é', null, List.of("x", "y"));
        assertEquals(plain.toString(), RecordText.of(plain));
        Outer outer = new Outer(null, plain, new Outer.Inner("日本"));
        assertEquals(outer.toString(), RecordText.of(outer));
        Hidden hidden = new Hidden("", null);
        assertEquals(hidden.toString(), RecordText.of(hidden));
        assertEquals(new Empty().toString(), RecordText.of(new Empty()));
        assertEquals("Empty[]", RecordText.of(new Empty()));
    }

    @Test
    void theRecordsThatUseItWriteTheSameAsBefore() {
        // SiteConfig's nested settings use RecordText themselves: the text of a record that keeps Java's own, with the
        // same components, is the expected one.
        record ChartSpecAsJava(ChartSpec.Type type, List<String> symbols, String range, String title) {
        }
        ChartSpec spec = new ChartSpec(ChartSpec.Type.PRICE, List.of("SPX", "NDX"), "3M", "A \"title\"");
        assertEquals(new ChartSpecAsJava(spec.type(), spec.symbols(), spec.range(), spec.title()).toString()
                .replace("ChartSpecAsJava[", "ChartSpec["), spec.toString());
    }
}
