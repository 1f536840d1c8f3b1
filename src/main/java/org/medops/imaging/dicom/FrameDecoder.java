package org.medops.imaging.dicom;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Turns pixel data into {@link Frame}s: native (either byte order), RLE Lossless, JPEG baseline through ImageIO.
 * Other compressions are stored and served as they are but not decoded here ({@code dicom-unsupported-compression}).
 */
public final class FrameDecoder {

    private FrameDecoder() {
    }

    public static Frame decode(DicomDataset d, int frameIndex) {
        ImageDescription image = ImageDescription.of(d);
        if (!image.hasPixels()) {
            throw new DicomFormatException("dicom-no-pixels", "the instance has no image (Rows/Columns/Pixel Data)");
        }
        if (frameIndex < 0 || frameIndex >= image.frames()) {
            throw new DicomFormatException("dicom-no-such-frame",
                    "frame " + (frameIndex + 1) + " of " + image.frames());
        }
        if (image.bitsAllocated() % 8 != 0 || image.bitsAllocated() > 32) {
            throw new DicomFormatException("dicom-unsupported-bits",
                    "Bits Allocated " + image.bitsAllocated() + " is not supported");
        }
        DicomElement pixels = d.element(Tags.PIXEL_DATA)
                .orElseThrow(() -> new DicomFormatException("dicom-no-pixels", "no Pixel Data (7FE0,0010)"));
        TransferSyntax syntax = d.transferSyntax();
        if (!pixels.encapsulated()) {
            return nativeFrame(image, pixels.value(), frameIndex * image.frameBytes(), d.order());
        }
        byte[] fragment = frameFragment(pixels.fragments(), image.frames(), frameIndex);
        return switch (syntax) {
            case RLE_LOSSLESS -> nativeFrame(image, RleCodec.decode(fragment, image.pixels(), image.bytesPerSample(),
                    image.samplesPerPixel()), 0, ByteOrder.LITTLE_ENDIAN, true);
            case JPEG_BASELINE -> jpeg(image, fragment);
            default -> throw new DicomFormatException("dicom-unsupported-compression",
                    "pixel data compressed as " + syntax.name() + " (" + syntax.uid() + ") is not decoded by MedOps");
        };
    }

    /** The compressed bytes of one frame: one fragment per frame, or the offset table's ranges, or all for one. */
    private static byte[] frameFragment(List<byte[]> fragments, int frames, int index) {
        byte[] offsetTable = fragments.get(0);
        List<byte[]> data = fragments.subList(1, fragments.size());
        if (data.size() == frames) {
            return data.get(index);
        }
        if (frames == 1) {
            return concat(data, 0, data.size());
        }
        if (offsetTable.length == frames * 4) {
            long[] offsets = new long[frames];
            for (int i = 0; i < frames; i++) {
                offsets[i] = (offsetTable[i * 4] & 0xFFL) | (offsetTable[i * 4 + 1] & 0xFFL) << 8
                        | (offsetTable[i * 4 + 2] & 0xFFL) << 16 | (offsetTable[i * 4 + 3] & 0xFFL) << 24;
            }
            // offsets count the item headers (8 bytes each) of the fragments before the frame
            long at = 0;
            int first = -1;
            int last = data.size();
            for (int f = 0; f < data.size(); f++) {
                if (at == offsets[index]) {
                    first = f;
                }
                if (index + 1 < frames && at == offsets[index + 1]) {
                    last = f;
                }
                at += data.get(f).length + 8;
            }
            if (first >= 0 && last > first) {
                return concat(data, first, last);
            }
        }
        throw new DicomFormatException("dicom-bad-fragment",
                "cannot tell which fragments hold frame " + (index + 1) + " of " + frames);
    }

    private static byte[] concat(List<byte[]> parts, int from, int to) {
        int size = 0;
        for (int i = from; i < to; i++) {
            size += parts.get(i).length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (int i = from; i < to; i++) {
            System.arraycopy(parts.get(i), 0, out, at, parts.get(i).length);
            at += parts.get(i).length;
        }
        return out;
    }

    private static Frame nativeFrame(ImageDescription image, byte[] data, int offset, ByteOrder order) {
        return nativeFrame(image, data, offset, order, false);
    }

    private static Frame nativeFrame(ImageDescription image, byte[] data, int offset, ByteOrder order,
                                     boolean planesInterleaved) {
        if (offset + image.frameBytes() > data.length) {
            throw new DicomFormatException("dicom-truncated",
                    "pixel data holds " + data.length + " bytes, frame needs " + (offset + image.frameBytes()));
        }
        int bytes = image.bytesPerSample();
        int samples = image.samplesPerPixel();
        int pixels = image.pixels();
        boolean planar = !planesInterleaved && image.planarConfiguration() == 1;
        int[] values = new int[pixels];
        for (int p = 0; p < pixels; p++) {
            if (samples == 1) {
                values[p] = image.storedValue(sample(data, offset + p * bytes, bytes, order));
            } else {
                int rgb = 0;
                for (int s = 0; s < 3; s++) {
                    int at = planar ? offset + (s * pixels + p) * bytes : offset + (p * samples + s) * bytes;
                    int v = sample(data, at, bytes, order) >>> Math.max(0, image.bitsStored() - 8);
                    rgb = rgb << 8 | (v & 0xFF);
                }
                values[p] = rgb;
            }
        }
        return new Frame(image.rows(), image.columns(), samples == 1, values);
    }

    private static int sample(byte[] data, int at, int bytes, ByteOrder order) {
        int v = 0;
        for (int k = 0; k < bytes; k++) {
            int b = data[at + (order == ByteOrder.LITTLE_ENDIAN ? k : bytes - 1 - k)] & 0xFF;
            v |= b << (8 * k);
        }
        return v;
    }

    private static Frame jpeg(ImageDescription image, byte[] fragment) {
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(new ByteArrayInputStream(fragment));
        } catch (IOException e) {
            throw new DicomFormatException("dicom-bad-jpeg", "JPEG frame cannot be decoded: " + e.getMessage());
        }
        if (decoded == null) {
            throw new DicomFormatException("dicom-bad-jpeg", "JPEG frame cannot be decoded");
        }
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        int[] values = new int[w * h];
        if (image.samplesPerPixel() == 1) {
            Raster raster = decoded.getRaster();
            raster.getSamples(0, 0, w, h, 0, values);
        } else {
            decoded.getRGB(0, 0, w, h, values, 0, w);
            for (int i = 0; i < values.length; i++) {
                values[i] &= 0xFFFFFF;
            }
        }
        return new Frame(h, w, image.samplesPerPixel() == 1, values);
    }
}
