package io.jsocketio.parser;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers between Java, JSON-P and JSON text.
 *
 * <ul>
 *   <li>Integral Java types ({@code Integer, Long, Short, Byte, BigInteger}, atomics) stay integral
 *       and exact, whatever their size.
 *   <li>{@code Double} and {@code Float} are written as JavaScript writes a number: the shortest
 *       decimal that reads back as the same value, without {@code .0} when integral ({@code 1.0} is
 *       written {@code 1}, {@code 1.5} stays {@code 1.5}, {@code 1e21} is {@code 1e+21}); NaN and
 *       the infinities become {@code null}, as {@code JSON.stringify} does. A Float is taken at its
 *       own decimal value ({@code 0.1f} is written {@code 0.1}).
 *   <li>{@code BigDecimal} keeps its exact value and scale ({@code 1.50} stays {@code 1.50}).
 *   <li>Parsed numbers keep the value of their text: {@code 1} stays {@code 1}, {@code 1.0} stays
 *       {@code 1.0}, {@code 12345678901234567890} stays exact. Exponent forms are normalized as
 *       JavaScript would ({@code 1e3} is written {@code 1000}, {@code 1e-7} stays {@code 1e-7}).
 * </ul>
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class JsonNumbers {

    private JsonNumbers() {}

    /** The JSON text of a number. */
    public static String format(JsonNumber number) {
        BigDecimal value = number.bigDecimalValue();
        int scale = value.scale();
        if (scale == 0) {
            return value.toString();
        }
        if (scale < 0 && value.precision() - (long) scale <= 21) {
            return value.toPlainString();
        }
        // BigDecimal switches to exponent form exactly where JavaScript does for small numbers
        // (below 1e-6); only the letter case differs.
        return value.toString().replace('E', 'e');
    }

    /**
     * A parsed number as a Java number: integral (no fraction digits) as {@code Integer}, {@code
     * Long} or {@code BigInteger}, whichever holds it; otherwise a {@code Double} when the double
     * reads back as the same decimal, else the exact {@code BigDecimal}.
     */
    public static Number toJava(JsonNumber number) {
        BigDecimal value = number.bigDecimalValue();
        int scale = value.scale();
        // 1e400 is integral too, but expanding an absurd exponent would be a cheap attack
        if (scale <= 0 && value.precision() - (long) scale <= 400) {
            BigInteger integer = value.toBigIntegerExact();
            if (integer.bitLength() < 32) {
                return integer.intValue();
            }
            if (integer.bitLength() < 64) {
                return integer.longValue();
            }
            return integer;
        }
        double d = value.doubleValue();
        if (Double.isFinite(d) && new BigDecimal(Double.toString(d)).compareTo(value) == 0) {
            return d;
        }
        return value;
    }

    /**
     * The JSON value of a Java number ({@code null} for NaN and the infinities).
     *
     * @throws IllegalArgumentException for an unsupported Number subclass whose value cannot be
     *     read exactly (never for the JDK's own)
     */
    public static JsonValue of(Number n) {
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return JsonText.PROVIDER.createValue(n.intValue());
        }
        if (n instanceof Long || n instanceof AtomicLong || n instanceof AtomicInteger) {
            return JsonText.PROVIDER.createValue(n.longValue());
        }
        if (n instanceof Double d) {
            return ofDouble(d);
        }
        if (n instanceof Float f) {
            return ofFloat(f);
        }
        if (n instanceof BigInteger b) {
            return JsonText.PROVIDER.createValue(b);
        }
        if (n instanceof BigDecimal b) {
            return JsonText.PROVIDER.createValue(b);
        }
        // Other Number types (LongAdder, DoubleAccumulator, user types): through their text.
        try {
            return JsonText.PROVIDER.createValue(new BigDecimal(n.toString()));
        } catch (NumberFormatException e) {
            return ofDouble(n.doubleValue());
        }
    }

    /** A double as JavaScript would write it; null when not finite. */
    public static JsonValue ofDouble(double d) {
        if (!Double.isFinite(d)) {
            return JsonValue.NULL;
        }
        return JsonText.PROVIDER.createValue(jsDecimal(d));
    }

    /** A float at its own shortest decimal value; null when not finite. */
    public static JsonValue ofFloat(float f) {
        if (!Float.isFinite(f)) {
            return JsonValue.NULL;
        }
        if (f == 0) {
            return JsonText.PROVIDER.createValue(0);
        }
        return JsonText.PROVIDER.createValue(normalize(new BigDecimal(Float.toString(f))));
    }

    /**
     * The decimal that JavaScript's {@code Number.prototype.toString} prints for a finite double
     * (negative zero prints as {@code 0}), as a BigDecimal whose scale makes {@link #format} print
     * the same text.
     */
    public static BigDecimal jsDecimal(double d) {
        if (d == 0) {
            return BigDecimal.ZERO;
        }
        return normalize(new BigDecimal(Double.toString(d)));
    }

    private static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() < 0 && stripped.precision() - (long) stripped.scale() <= 21) {
            return stripped.setScale(0); // integral below 1e21: plain digits, no exponent
        }
        return stripped;
    }
}
