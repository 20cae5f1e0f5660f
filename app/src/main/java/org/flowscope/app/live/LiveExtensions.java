package org.flowscope.app.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.methods.spi.LiveStage;
import org.flowscope.methods.spi.MethodProvider;

/** The parts of one {@code live} command line: every operation's live stage, then the source extensions. */
public final class LiveExtensions {
    private LiveExtensions() {
    }

    /** Fresh stages (they hold the parsed options): the providers' in declaration order, then mm and serve. */
    public static List<LiveStage> create(ImplementationRegistry registry) {
        List<LiveStage> all = new ArrayList<>();
        registry.providers().stream().filter(p -> p instanceof MethodProvider<?, ?, ?>)
                .forEach(p -> ((MethodProvider<?, ?, ?>) p).liveStage().ifPresent(all::add));
        all.add(new MmLive());
        all.add(new ServeLive());
        return all;
    }

    /** {@code --op} names and the stages that offer them; two stages offering one name is a programming error. */
    public static Map<String, LiveStage> operators(List<LiveStage> stages) {
        Map<String, LiveStage> ops = new LinkedHashMap<>();
        for (LiveStage s : stages) {
            if (s.offersOperator() && ops.putIfAbsent(s.name(), s) != null) {
                throw new IllegalStateException("two live stages define --op " + s.name());
            }
        }
        return ops;
    }
}
