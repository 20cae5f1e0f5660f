package org.flowscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStacks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad command-line arguments, one row each: the exit code (2 usage, 3 bad input), a message fragment that names the
 * problem and the value, and no file written. {@code {good}} is a valid 10-frame stack, {@code {file}} a text file,
 * {@code {folder}} an empty folder and {@code {d}} the test's folder.
 */
class BadArgumentsTableTest {
    private static final String SIM = "live --source sim:size=32x32 --frames 20 --window 10 --op average";

    @TempDir
    Path dir;

    @BeforeEach
    void fixtures() throws IOException {
        ImageStack s = ImageStack.zeros(10, 32, 32);
        Arrays.fill(s.data(), 5f);
        TiffStacks.writeU16(dir.resolve("good.tif"), s, StackMetadata.of(PixelType.U16, 100, 10));
        Files.writeString(dir.resolve("file.txt"), "x\n");
        Files.createDirectories(dir.resolve("folder"));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row(2, "Invalid value for option '--window': 'abc' is not an int", SIM.replace("10", "abc") + " --out {d}/o"),
                row(3, "--step must be >= 1 frame, got 0", SIM + " --step 0 --out {d}/o"),
                row(3, "--step must be >= 1 frame, got -3", SIM + " --policy skip --step -3 --out {d}/o"),
                row(3, "--fps must be >= 0 (0 = as fast as possible), got -5.0", SIM + " --fps -5 --out {d}/o"),
                row(3, "unknown output format 'bmp'", SIM + " --format bmp --out {d}/o"),
                row(3, "--every must be >= 1, got 0", SIM + " --quality --every 0 --out {d}/o"),
                row(3, "--quality-timeout must be a number of seconds >= 0, got -1.0",
                        SIM + " --quality --quality-timeout -1 --out {d}/o"),
                row(3, "input not found: {d}/missing.tif",
                        "live --source replay:{d}/missing.tif --window 10 --op average --out {d}/o"),
                row(3, "--out must be a directory, but {file} is a file", SIM + " --out {file}"),
                row(3, "--frames must be >= 1, got -1", SIM.replace("20", "-1") + " --out {d}/o"),
                row(3, "--lag-spool must be >= 1 window, got 0", SIM + " --lag-spool 0 --out {d}/o"),
                row(3, "--preview port must be in [0, 65535], got 70000", SIM + " --preview 70000 --out {d}/o"),
                row(3, "--store must be a directory (the engine's run-time history), but {file} is a file",
                        SIM + " --store {file} --out {d}/o"),
                row(3, "density (emitters per um^2) must be a finite number > 0, got -1.0",
                        SIM.replace("32x32", "32x32,density=-1") + " --out {d}/o"),
                row(3, "sim option seed must be a number, got 'x'", SIM.replace("32x32", "32x32,seed=x") + " --out {d}/o"),
                row(3, "port must be in [0, 65535], got 70000", "serve --port 70000 --op average --out {d}/o"),
                row(3, "port must be in [0, 65535], got -1", "serve --port -1 --op average --out {d}/o"),
                row(3, "--max-frame-mb must be in [1, 2047], got 0", "serve --port 0 --op average --max-frame-mb 0 --out {d}/o"),
                row(2, "'abc' is not a double", "serve --port 0 --op average --idle-timeout abc --out {d}/o"),
                row(3, "size must be WxH with positive integers (e.g. 128x128), got '10'",
                        "simulate --frames 4 --size 10 --out {d}/x.tif"),
                row(3, "size must be WxH with positive integers (e.g. 128x128), got 'axb'",
                        "simulate --frames 4 --size axb --out {d}/x.tif"),
                row(3, "--drift must be VX,VY or VX,VY,WALK in px/frame, got '1'",
                        "simulate --frames 4 --size 32x32 --drift 1 --out {d}/x.tif"),
                row(3, "unknown pattern 'hexagon'", "simulate --frames 4 --size 32x32 --pattern hexagon --out {d}/x.tif"),
                row(3, "--frames must be >= 1, got 0", "simulate --frames 0 --size 32x32 --out {d}/x.tif"),
                row(2, "'abc' is not a long", "simulate --frames 4 --size 32x32 --seed abc --out {d}/x.tif"),
                row(3, "output directory does not exist: {d}/nodir", "simulate --frames 4 --size 32x32 --out {d}/nodir/x.tif"),
                row(3, "output path is a directory, expected a file: {folder}",
                        "process average --input {good} --output {folder}"),
                row(3, "output directory does not exist: {d}/nodir", "process average --input {good} --output {d}/nodir/a.tif"),
                row(2, "but was 'quantum'", "process average --input {good} --output {d}/a.tif --backend quantum"),
                row(3, "kernel size must be in [1, 127], got 0",
                        "process conv2d --input {good} --output {d}/c.tif --kernel-size 0"),
                row(3, "magnifications must be finite and > 0, got row=0.0 col=0.0",
                        "process magnify --input {good} --output {d}/m.tif --magnification 0"),
                row(2, "interpolator must be one of nearest|bilinear|bicubic|catmull-rom|lanczos|fourier, got 'foo'",
                        "process magnify --input {good} --output {d}/m.tif --magnification 2 --interpolator foo"),
                row(3, "scales must be finite and > 0, got row=0.0 col=0.0",
                        "process transform --input {good} --output {d}/t.tif --scale 0"),
                row(3, "radius must be finite and > 0 input pixels, got -1.0",
                        "process esrrf --input {good} --output {d}/e.tif --radius -1"),
                row(3, "sensitivity must be finite and >= 1, got -1.0",
                        "process esrrf --input {good} --output {d}/e.tif --sensitivity -1"),
                row(3, "maxShiftPx must be a finite number >= 0 (0 = no limit), got -1.0",
                        "process drift-estimate --input {good} --output {d}/d.csv --max-shift -1"),
                row(3, "drift table not found: {d}/missing.csv",
                        "process drift-apply --input {good} --drift {d}/missing.csv --output {d}/da.tif"),
                row(3, "drift table CSV header must contain frame,dx_px,dy_px, got x",
                        "process drift-apply --input {good} --drift {file} --output {d}/da.tif"),
                row(3, "registration {file} is not valid JSON",
                        "process register-apply --input {good} --registration {file} --output {d}/ra.tif"),
                row(3, "registration file not found: {d}/missing.json",
                        "process register-apply --input {good} --registration {d}/missing.json --output {d}/ra.tif"),
                row(3, "--pixel-size must be a positive number of nm, got -5.0", "process frc --input {good} --pixel-size -5"),
                row(3, "--pixel-size must be a positive number of nm, got 0.0", "process decorr --input {good} --pixel-size 0"),
                row(3, "not a directory: {d}/nosuchdir", "recover {d}/nosuchdir"),
                row(3, "no run.json in {folder}", "report {folder}"),
                row(3, "unknown operation 'nosuchop'", "engine benchmark nosuchop --store {d}/store"),
                row(3, "--size must be WxH or N with positive integers (e.g. 1024x768 or 6000), got '0x0'",
                        "engine benchmark conv2d --size 0x0 --store {d}/store"),
                row(3, "--store must be a directory (the engine's run-time history), but {file} is a file",
                        "engine history --store {file}"));
    }

    private static Arguments row(int exit, String fragment, String args) {
        return Arguments.of(exit, fragment, args);
    }

    @ParameterizedTest(name = "[{index}] exit {0}: {2}")
    @MethodSource("cases")
    void aBadArgumentExitsNonZeroNamingTheProblemAndTheValueAndWritesNothing(int exit, String fragment, String args)
            throws IOException {
        Set<Path> before = files();
        String[] argv = Arrays.stream(args.split(" ")).map(this::resolve).toArray(String[]::new);
        CliRunner.Result r = CliRunner.run(argv);
        assertEquals(exit, r.exitCode(), r.toString());
        assertTrue(r.err().contains(resolve(fragment)), "stderr lacks '" + resolve(fragment) + "': " + r);
        Set<Path> after = files();
        after.removeAll(before);
        assertEquals(Set.of(), after, "nothing written");
    }

    private String resolve(String s) {
        return s.replace("{good}", dir.resolve("good.tif").toString()).replace("{file}", dir.resolve("file.txt").toString())
                .replace("{folder}", dir.resolve("folder").toString()).replace("{d}", dir.toString());
    }

    private Set<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            // the run folder's lock file is held through an OS lock, not its existence: it refuses no later run
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(".flowscope.lock"))
                    .collect(Collectors.toSet());
        }
    }

}
