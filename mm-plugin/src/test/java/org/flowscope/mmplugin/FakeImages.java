package org.flowscope.mmplugin;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.micromanager.data.Image;
import org.micromanager.data.Metadata;
import org.micromanager.data.ProcessorContext;

/**
 * Test doubles for Micro-Manager's Image, Metadata and ProcessorContext.
 *
 * <p>They are dynamic proxies rather than classes, so that they compile against both the compile-only stubs and
 * the real Studio API, whose interfaces have many more methods ({@code Metadata.getFileName},
 * {@code Image.getByteArray}, {@code ProcessorContext.getSummaryMetadata}, ...). A proxy answers the methods it was
 * given and fails on any other, so a fake never hides a call the plugin starts to make.
 */
final class FakeImages {
    private FakeImages() {
    }

    /** What a fake answers to one method, given the call's arguments. */
    interface Answer {
        Object answer(Object[] args);
    }

    static Image u16(final int width, final int height, final long imageNumber) {
        final short[] pixels = new short[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) (40_000 + imageNumber + i);
        }
        return image(width, height, 2, 1, pixels, imageNumber);
    }

    static Image image(final int width, final int height, final int bytesPerPixel, final int components,
                       final Object pixels, final long imageNumber) {
        Map<String, Answer> metadata = new HashMap<String, Answer>();
        metadata.put("getImageNumber", constant(imageNumber));
        metadata.put("hasElapsedTimeMs", constant(true));
        metadata.put("getElapsedTimeMs", constant(imageNumber * 2.5));
        metadata.put("getPixelSizeUm", constant(0.1));
        metadata.put("getCamera", constant("DCam"));
        Map<String, Answer> image = new HashMap<String, Answer>();
        image.put("getMetadata", constant(fake(Metadata.class, metadata)));
        image.put("getWidth", constant(width));
        image.put("getHeight", constant(height));
        image.put("getBytesPerPixel", constant(bytesPerPixel));
        image.put("getNumComponents", constant(components));
        image.put("getRawPixels", constant(pixels));
        return fake(Image.class, image);
    }

    private static Answer constant(final Object value) {
        return new Answer() {
            @Override
            public Object answer(Object[] args) {
                return value;
            }
        };
    }

    /** A {@code type} that answers the named methods and throws on any other. */
    static <T> T fake(final Class<T> type, final Map<String, Answer> answers) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "equals":
                        return self == args[0];
                    case "hashCode":
                        return System.identityHashCode(self);
                    default:
                        return "fake " + type.getSimpleName();
                }
            }
            Answer answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException("the fake " + type.getSimpleName() + " was asked for "
                        + method.getName() + ", which the test did not expect");
            }
            return answer.answer(args);
        });
        return type.cast(proxy);
    }

    /** Records what the processor outputs; hand {@link #context} to the processor. */
    static final class Context {
        final List<Image> output = new ArrayList<Image>();
        final ProcessorContext context;

        Context() {
            Map<String, Answer> answers = new HashMap<String, Answer>();
            answers.put("outputImage", new Answer() {
                @Override
                public Object answer(Object[] args) {
                    output.add((Image) args[0]);
                    return null;
                }
            });
            context = fake(ProcessorContext.class, answers);
        }
    }
}
