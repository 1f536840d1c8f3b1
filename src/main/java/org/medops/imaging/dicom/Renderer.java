package org.medops.imaging.dicom;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Renders a frame for display: modality LUT, VOI window, MONOCHROME1 and user inversion; colour as it is. */
public final class Renderer {

    private Renderer() {
    }

    public static BufferedImage render(Frame frame, ImageDescription image, Rescale rescale, WindowLevel window,
                                       boolean invert) {
        if (!frame.grayscale()) {
            BufferedImage rgb = new BufferedImage(frame.columns(), frame.rows(), BufferedImage.TYPE_INT_RGB);
            int[] values = frame.values().clone();
            if (invert) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = ~values[i] & 0xFFFFFF;
                }
            }
            rgb.setRGB(0, 0, frame.columns(), frame.rows(), values, 0, frame.columns());
            return rgb;
        }
        boolean flip = image.invertedByDefinition() ^ invert;
        int[] gray = new int[frame.values().length];
        for (int i = 0; i < gray.length; i++) {
            int v = window.toByte(rescale.apply(frame.values()[i]));
            gray[i] = flip ? 255 - v : v;
        }
        BufferedImage out = new BufferedImage(frame.columns(), frame.rows(), BufferedImage.TYPE_BYTE_GRAY);
        out.getRaster().setPixels(0, 0, frame.columns(), frame.rows(), gray);
        return out;
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
