package org.flowscope.engine.natives;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes files that look like shared libraries to the checks of {@link ElfTarget}: a real ELF header, no content. */
final class ElfFiles {
    private ElfFiles() {
    }

    static Path library(Path file, int elfClass, int machine) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) elfClass, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        b.putShort((short) 3).putShort((short) machine);
        Files.createDirectories(file.getParent());
        return Files.write(file, b.array());
    }

    static Path forHost(Path file) throws IOException {
        ElfTarget host = ElfTarget.host();
        return library(file, host.elfClass(), host.machine());
    }

    static Path text(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
