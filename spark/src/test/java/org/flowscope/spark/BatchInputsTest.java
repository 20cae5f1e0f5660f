package org.flowscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchInputsTest {
    @TempDir
    Path dir;

    @Test
    void aGlobExpandsInPathOrderAndNamesEachFolderAfterTheInputRelativeToTheirCommonFolder() throws IOException {
        touch("day1/cell1.tif");
        touch("day2/cell1.ome.tif");
        touch("day2/notes.txt");
        List<BatchInputs.Acquisition> a = BatchInputs.expand(dir + "/day*/*.tif");
        assertEquals(List.of("day1/cell1", "day2/cell1"), a.stream().map(BatchInputs.Acquisition::name).toList());
        assertEquals(dir.resolve("day1/cell1.tif"), a.get(0).input());
    }

    @Test
    void aListFileReadsPathsRelativeToItselfSkippingCommentsAndBlankLines() throws IOException {
        touch("data/a.tif");
        touch("data/b.tif");
        Path list = dir.resolve("list.txt");
        Files.writeString(list, "# tonight\ndata/b.tif\n\n  data/a.tif  \n");
        List<BatchInputs.Acquisition> a = BatchInputs.expand(list.toString());
        assertEquals(List.of("b", "a"), a.stream().map(BatchInputs.Acquisition::name).toList());
    }

    @Test
    void aMissingListedFileOrAnEmptyGlobIsABadInputNamingIt() throws IOException {
        Path list = dir.resolve("list.txt");
        Files.writeString(list, "gone.tif\n");
        var missing = assertThrows(IllegalArgumentException.class, () -> BatchInputs.expand(list.toString()));
        assertTrue(missing.getMessage().contains("gone.tif"), missing.getMessage());
        var none = assertThrows(IllegalArgumentException.class, () -> BatchInputs.expand(dir + "/*.tif"));
        assertTrue(none.getMessage().contains("matches no file"), none.getMessage());
    }

    @Test
    void twoInputsThatWouldShareAnOutputFolderAreRejected() throws IOException {
        touch("x/a.tif");
        touch("x/a.ome.tif");
        var e = assertThrows(IllegalArgumentException.class, () -> BatchInputs.expand(dir + "/x/*"));
        assertTrue(e.getMessage().contains("one output folder a"), e.getMessage());
    }

    private void touch(String rel) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x");
    }
}
