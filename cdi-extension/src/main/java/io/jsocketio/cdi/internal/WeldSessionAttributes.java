package io.jsocketio.cdi.internal;

import jakarta.servlet.http.HttpSession;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The attributes of an {@link HttpSession} as the storage of Weld's bound session context, renamed
 * to the entries of Weld's HTTP session context: Weld keeps a session bean's instance in the
 * attribute {@code WELD_S#<bean>} when a servlet request creates it and in {@code WELD_BS#<bean>}
 * when a bound context does, the index check in {@code WELD_S_HASH} / {@code WELD_BS_HASH}, and the
 * creation locks in two lock stores. Renaming the bound names makes both contexts find the same
 * instance and take the same locks (Weld's naming since 2.2, WELD-1430; checked with Weld 5 and 6).
 * Only these entries are visible; other attributes are the application's and are left out.
 *
 * <p>An invalidated session reads as empty and refuses writes with the container's {@link
 * IllegalStateException}.
 *
 * <p>Thread-safety: as safe as the session's own attribute methods, which containers make safe for
 * concurrent use; each call reads the session anew.
 */
final class WeldSessionAttributes extends AbstractMap<String, Object> {
    static final String BOUND = "WELD_BS";
    static final String HTTP = "WELD_S";
    static final String BOUND_LOCKS = "org.jboss.weld.context.beanstore.LockStore";
    static final String HTTP_LOCKS = "org.jboss.weld.context.beanstore.http.LockStore";

    private final HttpSession session;

    WeldSessionAttributes(HttpSession session) {
        this.session = session;
    }

    /** The session attribute holding the bound context's entry {@code key}. */
    static String toSession(String key) {
        if (key.equals(BOUND_LOCKS)) {
            return HTTP_LOCKS;
        }
        if (key.startsWith(BOUND + "#") || key.equals(BOUND + "_HASH")) {
            return HTTP + key.substring(BOUND.length());
        }
        return key;
    }

    /** The bound context's key for a session attribute, or null for an attribute not Weld's. */
    static @Nullable String fromSession(String attribute) {
        if (attribute.equals(HTTP_LOCKS)) {
            return BOUND_LOCKS;
        }
        if (attribute.startsWith(HTTP + "#") || attribute.equals(HTTP + "_HASH")) {
            return BOUND + attribute.substring(HTTP.length());
        }
        return null;
    }

    @Override
    public @Nullable Object get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        try {
            return session.getAttribute(toSession(name));
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public @Nullable Object put(String key, Object value) {
        String attribute = toSession(key);
        Object previous = get(key);
        session.setAttribute(attribute, value);
        return previous;
    }

    @Override
    public @Nullable Object remove(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        Object previous = get(name);
        try {
            session.removeAttribute(toSession(name));
        } catch (IllegalStateException invalidated) {
            return null;
        }
        return previous;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                List<Entry<String, Object>> entries = new ArrayList<>();
                for (String attribute : attributeNames()) {
                    String key = fromSession(attribute);
                    Object value = key == null ? null : get(key);
                    if (value != null) {
                        entries.add(new SimpleImmutableEntry<>(key, value));
                    }
                }
                return entries.iterator();
            }

            @Override
            public int size() {
                int size = 0;
                for (Iterator<?> it = iterator(); it.hasNext(); it.next()) {
                    size++;
                }
                return size;
            }
        };
    }

    private List<String> attributeNames() {
        try {
            return Collections.list(session.getAttributeNames());
        } catch (IllegalStateException invalidated) {
            return List.of();
        }
    }
}
