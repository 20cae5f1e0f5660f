package org.flowscope.engine.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.flowscope.engine.device.KernelSources;
import org.flowscope.engine.spi.KernelBuildException;
import org.junit.jupiter.api.Test;

class KernelSourcesTest {

    private static String expanded(String resource) {
        return new String(KernelSources.readExpandingIncludes(ScaleOpenCl.class, resource), StandardCharsets.UTF_8);
    }

    @Test
    void includedHeadersAreInlinedOnceRelativeToTheIncludingFile() {
        String src = expanded("with_headers.cl");
        assertFalse(src.contains("#include"), src);
        assertEquals(1, src.split("#define TWICE", -1).length - 1, src);
        assertEquals(1, src.split("#define COMMON 21", -1).length - 1, src);
        assertTrue(src.indexOf("#define COMMON") < src.indexOf("#define TWICE"), "a header's own includes come first");
        assertTrue(src.indexOf("#define TWICE") < src.indexOf("__kernel"), src);
    }

    @Test
    void aSourceWithoutIncludesIsReadUnchanged() {
        String plain = new String(KernelSources.read(ScaleOpenCl.class, "scale.cl"), StandardCharsets.UTF_8);
        assertEquals(plain.strip(), expanded("scale.cl").strip());
    }

    @Test
    void aMissingHeaderFailsTheBuildNamingIt() {
        var e = assertThrows(KernelBuildException.class, () -> expanded("missing_header.cl"));
        assertTrue(e.getMessage().contains("headers/absent.h"), e.getMessage());
    }

    @Test
    void aHeaderOutsideTheClassPathIsRefused() {
        var e = assertThrows(KernelBuildException.class, () -> expanded("escaping_header.cl"));
        assertTrue(e.getMessage().contains("outside.h"), e.getMessage());
    }
}
