package org.flowscope.app.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowscope.app.image.GrayImage;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;

/**
 * What one {@code process} command read, wrote and how long each step took, for its report. Stacks written are kept
 * as three previews (first, last, mean), never whole.
 */
final class ProcessRecord {
    /** A file read: its shape and calibration. */
    record Input(Path file, int frames, int width, int height, StackMetadata metadata) {
    }

    /** A stack written, as previews. */
    record StackOut(Path file, int frames, GrayImage first, GrayImage last, GrayImage mean, StackMetadata metadata) {
    }

    /** A text file written (SVG plots are shown in the report, other text is listed). */
    record TextOut(Path file, String text) {
    }

    final List<Input> inputs = new ArrayList<>();
    final List<StackOut> stacks = new ArrayList<>();
    final List<TextOut> texts = new ArrayList<>();
    final Map<String, Double> stepsMs = new LinkedHashMap<>();
    final List<Path> written = new ArrayList<>();

    synchronized void read(Path file, ImageStack s, StackMetadata md, double ms) {
        inputs.add(new Input(file, s.frames(), s.width(), s.height(), md));
        stepsMs.merge("read " + file.getFileName(), ms, Double::sum);
    }

    synchronized void wroteStack(Path file, ImageStack s, StackMetadata md, double ms) {
        stacks.add(new StackOut(file, s.frames(), frame(s, 0), frame(s, s.frames() - 1), mean(s), md));
        written.add(file);
        stepsMs.merge("write " + file.getFileName(), ms, Double::sum);
    }

    synchronized void wroteText(Path file, String text, double ms) {
        // only plots are shown; other text (CSV, JSON) is listed, not kept
        texts.add(new TextOut(file, text.startsWith("<svg") ? text : ""));
        written.add(file);
        stepsMs.merge("write " + file.getFileName(), ms, Double::sum);
    }

    private static GrayImage frame(ImageStack s, int f) {
        float[] px = java.util.Arrays.copyOfRange(s.data(), s.offset(f), s.offset(f) + s.frameSize());
        return new GrayImage(s.width(), s.height(), px);
    }

    private static GrayImage mean(ImageStack s) {
        double[] sum = new double[s.frameSize()];
        float[] d = s.data();
        for (int f = 0; f < s.frames(); f++) {
            int o = s.offset(f);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += d[o + i];
            }
        }
        float[] m = new float[sum.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) (sum[i] / s.frames());
        }
        return new GrayImage(s.width(), s.height(), m);
    }
}
