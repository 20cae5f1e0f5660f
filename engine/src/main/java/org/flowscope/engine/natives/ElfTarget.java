package org.flowscope.engine.natives;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The kind of ELF shared object this JVM can load: word size, byte order and machine. Used to judge a library file
 * the way the dynamic linker does before anything asks it to load the file: glibc skips a library of another
 * class or machine and keeps searching, but stops at a file that is not an ELF object at all (an empty file, a
 * broken symbolic link target, a text file).
 *
 * @param elfClass     1 for 32-bit, 2 for 64-bit objects
 * @param littleEndian byte order
 * @param machine      ELF {@code e_machine} (62 x86-64, 183 AArch64), or -1 where unknown (any machine accepted)
 */
public record ElfTarget(int elfClass, boolean littleEndian, int machine) {
    /** Header fields this class reads: e_ident (16 bytes), e_type and e_machine. */
    private static final int HEADER_BYTES = 20;

    /** What the dynamic linker would make of a file. */
    public enum Verdict {
        /** an ELF object for this process */
        LOADABLE,
        /** an ELF object for another class or machine: the linker skips it and searches on */
        OTHER_TARGET,
        /** missing, unreadable or not ELF: the linker fails at this file */
        BROKEN
    }

    /** The target of the running JVM. */
    public static ElfTarget host() {
        boolean is64 = !"32".equals(System.getProperty("sun.arch.data.model", "64"));
        boolean little = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
        return new ElfTarget(is64 ? 2 : 1, little, machineOf(System.getProperty("os.arch", "")));
    }

    /** The ELF machine number of a Java {@code os.arch} name, -1 when it is not one of the common ones. */
    static int machineOf(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> 62;
            case "aarch64", "arm64" -> 183;
            case "x86", "i386", "i686" -> 3;
            case "ppc64le", "ppc64" -> 21;
            case "riscv64" -> 243;
            case "s390x" -> 22;
            default -> -1;
        };
    }

    /** Judges the file at {@code path} (following symbolic links), reading only its first bytes. */
    public Verdict check(Path path) {
        if (!Files.isRegularFile(path)) {
            return Verdict.BROKEN;
        }
        byte[] head = new byte[HEADER_BYTES];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return Verdict.BROKEN;
        }
        if (n < HEADER_BYTES || head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F') {
            return Verdict.BROKEN;
        }
        int cls = head[4];
        int data = head[5];
        if ((cls != 1 && cls != 2) || (data != 1 && data != 2)) {
            return Verdict.BROKEN;
        }
        if (cls != elfClass || (data == 1) != littleEndian) {
            return Verdict.OTHER_TARGET;
        }
        int fileMachine = ByteBuffer.wrap(head, 18, 2).order(data == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN)
                .getShort() & 0xffff;
        return machine < 0 || fileMachine == machine ? Verdict.LOADABLE : Verdict.OTHER_TARGET;
    }
}
