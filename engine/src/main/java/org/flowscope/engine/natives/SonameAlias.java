package org.flowscope.engine.natives;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes a library reachable under a second name inside this process, for a binding that opens a fixed name the
 * system lacks. JOCL 2.0.5 opens {@code dlopen("libOpenCL.so")}, the development symlink that only
 * {@code ocl-icd-opencl-dev} installs, while every OpenCL runtime ships {@code libOpenCL.so.1}. Loading the real
 * library first does not help (glibc matches an already loaded object by its file name or its {@code DT_SONAME},
 * here {@code libOpenCL.so.1}), and a process cannot change its own {@code LD_LIBRARY_PATH}.
 *
 * <p>So this writes a stub: an ELF shared object without code or symbols whose {@code DT_SONAME} is the wanted name
 * and whose only {@code DT_NEEDED} entry is the real library's absolute path, and loads it with {@link System#load}.
 * A later {@code dlopen("libOpenCL.so")} then finds the stub by its soname, and {@code dlsym} on that handle searches
 * the stub's dependencies, i.e. the real library. The stub file is deleted once loaded (the mapping stays).
 *
 * <p>Layout (64-bit little-endian targets only; all offsets equal virtual addresses): ELF header, three program
 * headers (one read-write {@code PT_LOAD} of the whole file, {@code PT_DYNAMIC}, and {@code PT_GNU_STACK} so that the
 * JVM does not think its stack guard was disabled), an empty SysV hash table, the null symbol, the string table and
 * the dynamic section.
 */
public final class SonameAlias {
    private static final int EHDR = 64;
    private static final int PHDR = 56;
    private static final int PHNUM = 3;
    private static final int PT_LOAD = 1;
    private static final int PT_DYNAMIC = 2;
    private static final int PT_GNU_STACK = 0x6474e551;
    private static final int PF_RW = 6;
    private static final long DT_NULL = 0;
    private static final long DT_NEEDED = 1;
    private static final long DT_HASH = 4;
    private static final long DT_STRTAB = 5;
    private static final long DT_SYMTAB = 6;
    private static final long DT_STRSZ = 10;
    private static final long DT_SYMENT = 11;
    private static final long DT_SONAME = 14;

    private SonameAlias() {
    }

    /** Whether stubs can be written for {@code target} (64-bit, little-endian, known machine). */
    public static boolean supports(ElfTarget target) {
        return target.elfClass() == 2 && target.littleEndian() && target.machine() > 0;
    }

    /**
     * Loads a stub named {@code soname} that depends on {@code library} (absolute path). Throws
     * {@link UnsatisfiedLinkError} when the stub or the library cannot be loaded, {@link UncheckedIOException} when
     * the stub cannot be written, {@link IllegalArgumentException} for an unsupported target or a relative path.
     */
    public static void load(String soname, Path library, ElfTarget target) {
        if (!library.isAbsolute()) {
            throw new IllegalArgumentException("library path must be absolute, got '" + library + "'");
        }
        Path dir = null;
        Path stub = null;
        try {
            dir = Files.createTempDirectory("flowscope-alias");
            stub = dir.resolve(soname);
            Files.write(stub, stub(soname, library.toString(), target));
            System.load(stub.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + soname + " alias of " + library, e);
        } finally {
            try {
                if (stub != null) {
                    Files.deleteIfExists(stub);
                }
                if (dir != null) {
                    Files.deleteIfExists(dir);
                }
            } catch (IOException e) {
                // a leftover stub in the temp directory is harmless
            }
        }
    }

    /** The stub's bytes. */
    static byte[] stub(String soname, String needed, ElfTarget target) {
        if (!supports(target)) {
            throw new IllegalArgumentException("soname aliases need a 64-bit little-endian target with a known machine, got " + target);
        }
        byte[] sonameBytes = soname.getBytes(StandardCharsets.UTF_8);
        byte[] neededBytes = needed.getBytes(StandardCharsets.UTF_8);
        int hashAt = EHDR + PHNUM * PHDR;          // 232, 8-aligned
        int symAt = hashAt + 16;                    // nbucket, nchain, bucket[0], chain[0]
        int strAt = symAt + 24;                     // one null Elf64_Sym
        int sonameOff = 1;
        int neededOff = sonameOff + sonameBytes.length + 1;
        int strSize = neededOff + neededBytes.length + 1;
        int dynAt = align8(strAt + strSize);
        long[][] dynamic = {
            {DT_NEEDED, neededOff}, {DT_SONAME, sonameOff}, {DT_HASH, hashAt}, {DT_STRTAB, strAt},
            {DT_SYMTAB, symAt}, {DT_STRSZ, strSize}, {DT_SYMENT, 24}, {DT_NULL, 0}};
        int dynSize = dynamic.length * 16;
        int size = dynAt + dynSize;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        // ELF header
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        b.putShort((short) 3);                      // ET_DYN
        b.putShort((short) target.machine());
        b.putInt(1);                                // EV_CURRENT
        b.putLong(0);                               // e_entry
        b.putLong(EHDR);                            // e_phoff
        b.putLong(0);                               // e_shoff: no section headers
        b.putInt(0);                                // e_flags
        b.putShort((short) EHDR);
        b.putShort((short) PHDR);
        b.putShort((short) PHNUM);
        b.putShort((short) 64);                     // e_shentsize
        b.putShort((short) 0);                      // e_shnum
        b.putShort((short) 0);                      // e_shstrndx
        // program headers; the load segment is writable because older glibc relocates .dynamic in place
        programHeader(b, PT_LOAD, PF_RW, 0, size, 0x10000);
        programHeader(b, PT_DYNAMIC, PF_RW, dynAt, dynSize, 8);
        programHeader(b, PT_GNU_STACK, PF_RW, 0, 0, 16);
        // SysV hash: one empty bucket, one chain entry (the null symbol)
        b.putInt(hashAt, 1).putInt(hashAt + 4, 1).putInt(hashAt + 8, 0).putInt(hashAt + 12, 0);
        // symbol 0 stays all zero; string table: "\0soname\0needed\0"
        b.position(strAt + sonameOff);
        b.put(sonameBytes).put((byte) 0).put(neededBytes).put((byte) 0);
        b.position(dynAt);
        for (long[] entry : dynamic) {
            b.putLong(entry[0]).putLong(entry[1]);
        }
        return b.array();
    }

    private static void programHeader(ByteBuffer b, int type, int flags, long offset, long size, long align) {
        b.putInt(type).putInt(flags);
        b.putLong(offset).putLong(offset).putLong(offset); // p_offset, p_vaddr, p_paddr
        b.putLong(size).putLong(size).putLong(align);      // p_filesz, p_memsz, p_align
    }

    private static int align8(int n) {
        return (n + 7) & ~7;
    }
}
