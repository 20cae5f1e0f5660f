package org.flowscope.core.pipeline;

import org.flowscope.core.testing.MeanOperator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.flowscope.core.image.ImageStack;
import org.junit.jupiter.api.Test;

class WindowOperatorTest {
    /** Adds a constant to every pixel; records calls and close. */
    private static final class AddConstant implements WindowOperator {
        final float c;
        final List<String> log;

        AddConstant(float c, List<String> log) {
            this.c = c;
            this.log = log;
        }

        @Override
        public String name() {
            return "add" + (int) c;
        }

        @Override
        public ImageStack apply(ImageStack w, WindowContext ctx) {
            log.add(name());
            float[] d = w.data().clone();
            for (int i = 0; i < d.length; i++) {
                d[i] += c;
            }
            return new ImageStack(w.frames(), w.height(), w.width(), d);
        }

        @Override
        public double outputScale() {
            return c;
        }

        @Override
        public void close() {
            log.add("close " + name());
        }
    }

    @Test
    void chainAppliesStagesInOrderFeedingEachTheOutputOfThePrevious() {
        List<String> log = new ArrayList<>();
        WindowOperator chain = new AddConstant(1, log).andThen(new AddConstant(2, log)).andThen(new MeanOperator());
        assertEquals(List.of("add1", "add2", "average"), chain.stages().stream().map(WindowOperator::name).toList());
        ImageStack w = new ImageStack(2, 1, 2, new float[] {0, 10, 2, 20});
        ImageStack out = chain.apply(w, WindowContext.offline(2, OptionalDouble.empty()));
        assertEquals(1, out.frames());
        assertEquals(1 + 3, out.get(0, 0, 0), 0); // mean(0, 2) + 3
        assertEquals(15 + 3, out.get(0, 0, 1), 0);
        assertEquals(List.of("add1", "add2"), log);
        assertEquals("add1+add2+average", chain.name());
    }

    @Test
    void chainMultipliesOutputScalesAndClosesEveryStage() {
        List<String> log = new ArrayList<>();
        WindowOperator chain = WindowOperator.chain(List.of(new AddConstant(2, log), new AddConstant(3, log)));
        assertEquals(6.0, chain.outputScale(), 0);
        chain.close();
        assertEquals(List.of("close add2", "close add3"), log);
    }

    @Test
    void singleStageChainIsTheStageItself() {
        MeanOperator a = new MeanOperator();
        assertSame(a, WindowOperator.chain(List.of(a)));
        assertThrows(IllegalArgumentException.class, () -> WindowOperator.chain(List.of()));
    }
}
