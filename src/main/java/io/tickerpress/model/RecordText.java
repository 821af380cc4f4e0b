package io.tickerpress.model;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * A record's text exactly as Java's own {@code toString} of a record writes it ({@code Name[a=1, b=text]}: the
 * class's simple name, then each component's name and {@code String.valueOf} of its value), read through the
 * components' accessors. The records that fingerprints print (view models, the site's settings) use it for their
 * {@code toString}: Java's own builds a tree of method handles per record class the first time it runs, which in
 * a fresh JVM (every build from the shell) cost more than a whole small site's pages.
 */
public final class RecordText {
    private RecordText() {
    }

    private record Parts(String name, String[] names, Method[] accessors) {
    }

    private static final ClassValue<Parts> PARTS = new ClassValue<>() {
        @Override
        protected Parts computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true); // a record nested in a class of another package
            }
            return new Parts(type.getSimpleName(), names, accessors);
        }
    };

    public static String of(Record record) {
        Parts parts = PARTS.get(record.getClass());
        StringBuilder text = new StringBuilder(64).append(parts.name()).append('[');
        try {
            for (int i = 0; i < parts.accessors().length; i++) {
                if (i > 0) text.append(", ");
                text.append(parts.names()[i]).append('=').append(String.valueOf(parts.accessors()[i].invoke(record)));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new IllegalStateException(e.getCause());
        }
        return text.append(']').toString();
    }
}
