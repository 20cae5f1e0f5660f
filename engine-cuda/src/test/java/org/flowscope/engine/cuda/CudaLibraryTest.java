package org.flowscope.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowscope.engine.natives.ElfTarget;
import org.flowscope.engine.natives.LibrarySearch;
import org.flowscope.engine.spi.BackendDiscovery;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CudaLibraryTest {
    @TempDir
    Path root;

    private LibrarySearch search() {
        return new LibrarySearch(List.of(), Map.of(), List.of(root.resolve("lib")), new ElfTarget(2, true, 62));
    }

    @Test
    void withoutTheDriverLibraryJcudaIsNotTriedAndTheReasonSaysWhatIsMissing() {
        Optional<String> why = CudaLibrary.probe(search(), false);
        assertTrue(why.orElseThrow().startsWith("no NVIDIA driver: libcuda.so.1 not found"), why.get());
    }

    @Test
    void theDriverLibraryOrAnNvidiaDeviceNodeLetsJcudaTry() throws IOException {
        assertEquals(Optional.empty(), CudaLibrary.probe(search(), true), "a device node is enough, the search may miss");
        Files.createDirectories(root.resolve("lib"));
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}).putShort((short) 3).putShort((short) 62);
        Files.write(root.resolve("lib/libcuda.so.1"), b.array());
        assertEquals(Optional.empty(), CudaLibrary.probe(search(), false));
    }

    @Test
    void aMachineWithoutTheDriverGetsTheReasonAndTheRemedyFromTheProvider() {
        Assumptions.assumeTrue(CudaLibrary.probe().isPresent(), "skipped: this machine has an NVIDIA driver");
        BackendDiscovery d = new CudaBackendProvider().discover();
        assertTrue(d.devices().isEmpty());
        assertTrue(d.reason().contains("libcuda.so.1 not found"), d.reason());
        assertTrue(d.remedy().contains("nvidia-driver"), d.remedy());
    }
}
