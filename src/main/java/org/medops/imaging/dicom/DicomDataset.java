package org.medops.imaging.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A read DICOM data set: its elements by tag, the byte order they were written in and the character set of its
 * strings. Values are decoded on demand by VR; multi-valued strings are split at the backslash.
 */
public final class DicomDataset {

    private final Map<Integer, DicomElement> elements;
    private final ByteOrder order;
    private final TransferSyntax transferSyntax;

    DicomDataset(Map<Integer, DicomElement> elements, ByteOrder order, TransferSyntax transferSyntax) {
        this.elements = Collections.unmodifiableMap(new TreeMap<>(elements));
        this.order = order;
        this.transferSyntax = transferSyntax;
    }

    public TransferSyntax transferSyntax() {
        return transferSyntax;
    }

    ByteOrder order() {
        return order;
    }

    public Map<Integer, DicomElement> elements() {
        return elements;
    }

    public boolean contains(int tag) {
        DicomElement e = elements.get(tag);
        return e != null && (e.value().length > 0 || !e.items().isEmpty() || e.encapsulated());
    }

    public Optional<DicomElement> element(int tag) {
        return Optional.ofNullable(elements.get(tag));
    }

    /** The first value of a string attribute, trimmed; empty when absent or blank. */
    public Optional<String> string(int tag) {
        List<String> all = strings(tag);
        return all.isEmpty() || all.get(0).isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    public String string(int tag, String fallback) {
        return string(tag).orElse(fallback);
    }

    /** All values of a string attribute (text VRs), each trimmed of padding. */
    public List<String> strings(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.value().length == 0) {
            return List.of();
        }
        String text = new String(e.value(), charsetFor(e.vr()));
        // NUL pads UIs, space pads the others; LT/ST/UT are single-valued by definition
        if (e.vr().equals("LT") || e.vr().equals("ST") || e.vr().equals("UT")) {
            return List.of(stripPadding(text));
        }
        return Arrays.stream(text.split("\\\\", -1)).map(DicomDataset::stripPadding).toList();
    }

    private static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        return s.substring(start, end);
    }

    /** Numbers of a numeric attribute: DS/IS text, or binary US/SS/UL/SL/FL/FD in the data set's byte order. */
    public double[] doubles(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.value().length == 0) {
            return new double[0];
        }
        ByteBuffer b = ByteBuffer.wrap(e.value()).order(order);
        return switch (e.vr()) {
            case "US" -> fill(e.value().length / 2, i -> b.getShort(i * 2) & 0xFFFF);
            case "SS" -> fill(e.value().length / 2, i -> b.getShort(i * 2));
            case "UL" -> fill(e.value().length / 4, i -> b.getInt(i * 4) & 0xFFFFFFFFL);
            case "SL" -> fill(e.value().length / 4, i -> b.getInt(i * 4));
            case "FL" -> fill(e.value().length / 4, i -> b.getFloat(i * 4));
            case "FD" -> fill(e.value().length / 8, i -> b.getDouble(i * 8));
            default -> parseDecimals(tag);
        };
    }

    private interface IndexedValue {
        double at(int index);
    }

    private static double[] fill(int n, IndexedValue value) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = value.at(i);
        }
        return out;
    }

    private double[] parseDecimals(int tag) {
        List<String> texts = strings(tag).stream().filter(s -> !s.isEmpty()).toList();
        double[] out = new double[texts.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Double.parseDouble(texts.get(i));
            } catch (NumberFormatException ex) {
                throw new DicomFormatException("dicom-bad-number",
                        Tags.format(tag) + " is not a number: " + texts.get(i));
            }
        }
        return out;
    }

    public Optional<Double> decimal(int tag) {
        double[] values = doubles(tag);
        return values.length == 0 ? Optional.empty() : Optional.of(values[0]);
    }

    public int integer(int tag, int fallback) {
        double[] values = doubles(tag);
        return values.length == 0 ? fallback : (int) values[0];
    }

    /** The items of a sequence (empty when absent). */
    public List<DicomDataset> sequence(int tag) {
        DicomElement e = elements.get(tag);
        return e == null ? List.of() : e.items();
    }

    private Charset charsetFor(String vr) {
        // only person names and free text carry the specific character set; UIDs, codes and numbers are ASCII
        if (!List.of("PN", "LO", "SH", "LT", "ST", "UT", "UC").contains(vr)) {
            return StandardCharsets.US_ASCII;
        }
        String declared = declaredCharset();
        if (declared.contains("ISO_IR 192")) {
            return StandardCharsets.UTF_8;
        }
        if (declared.contains("GB18030") || declared.contains("GBK") || declared.contains("ISO 2022 IR 58")) {
            return Charset.forName("GB18030");
        }
        return StandardCharsets.ISO_8859_1;
    }

    private String declaredCharset() {
        DicomElement e = elements.get(Tags.SPECIFIC_CHARACTER_SET);
        return e == null ? "" : new String(e.value(), StandardCharsets.US_ASCII).toUpperCase();
    }
}
