package org.medops.imaging.dicom;

import java.util.ArrayList;
import java.util.List;

/**
 * A VOI window (PS3.3 C.11.2.1.2.1, the LINEAR function) over modality values: centre and width as in Window
 * Center/Width (0028,1050/1051). Width below 1 is not a window.
 */
public record WindowLevel(double center, double width) {

    public WindowLevel {
        if (!(width >= 1) || !Double.isFinite(center)) {
            throw new IllegalArgumentException("window width must be at least 1, was " + width);
        }
    }

    /** A named window offered to the user; {@code code} is a label key suffix, or null for the file's own. */
    public record Preset(String code, WindowLevel window) {
    }

    /** Maps a modality value to the output range [ymin, ymax]. */
    public double apply(double x, double ymin, double ymax) {
        double lower = center - 0.5 - (width - 1) / 2;
        double upper = center - 0.5 + (width - 1) / 2;
        if (x <= lower) {
            return ymin;
        }
        if (x > upper) {
            return ymax;
        }
        return ((x - (center - 0.5)) / (width - 1) + 0.5) * (ymax - ymin) + ymin;
    }

    /** 0–255 for an 8-bit display. */
    public int toByte(double x) {
        return (int) Math.round(apply(x, 0, 255));
    }

    /** The drag gesture: horizontal moves change the width, vertical the centre, like common workstations. */
    public WindowLevel adjust(double deltaCenter, double deltaWidth) {
        return new WindowLevel(center + deltaCenter, Math.max(1, width + deltaWidth));
    }

    /** The windows the file recommends, pair by pair (Window Center and Width are multi-valued). */
    public static List<WindowLevel> fromFile(DicomDataset d) {
        double[] centers = d.doubles(Tags.WINDOW_CENTER);
        double[] widths = d.doubles(Tags.WINDOW_WIDTH);
        List<WindowLevel> out = new ArrayList<>();
        for (int i = 0; i < Math.min(centers.length, widths.length); i++) {
            if (widths[i] >= 1) {
                out.add(new WindowLevel(centers[i], widths[i]));
            }
        }
        return out;
    }

    /** The full range of the values in a frame, after the modality LUT: the default when the file has no window. */
    public static WindowLevel fullRange(Frame frame, Rescale rescale) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int v : frame.values()) {
            double m = rescale.apply(v);
            min = Math.min(min, m);
            max = Math.max(max, m);
        }
        if (min > max) {
            return new WindowLevel(128, 256);
        }
        return new WindowLevel((min + max + 1) / 2, Math.max(1, max - min + 1));
    }

    /** The file's windows first, then the usual ones for the modality (CT in HU). */
    public static List<Preset> presets(DicomDataset d) {
        List<Preset> out = new ArrayList<>();
        fromFile(d).forEach(w -> out.add(new Preset(null, w)));
        if ("CT".equals(d.string(Tags.MODALITY, ""))) {
            out.add(new Preset("brain", new WindowLevel(40, 80)));
            out.add(new Preset("soft-tissue", new WindowLevel(40, 400)));
            out.add(new Preset("lung", new WindowLevel(-600, 1500)));
            out.add(new Preset("bone", new WindowLevel(400, 1800)));
            out.add(new Preset("mediastinum", new WindowLevel(50, 350)));
        }
        return out;
    }
}
