package org.flowscope.methods.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Registration of every channel to the reference channel, with its JSON form:
 * <pre>
 * {"reference_channel": 0, "height": H, "width": W,
 *  "channels": [{"channel": 1, "dx_px": .., "dy_px": .., "similarity": ..,
 *                "field": {"blocks_per_axis": B, "block_height": .., "block_width": .., "smoothing_px": ..,
 *                          "blocks": [{"row", "col", "x", "y", "dx_px", "dy_px", "similarity", "accepted"}]}}]}
 * </pre>
 * {@code dx_px}/{@code dy_px}: how far the channel's content sits from the reference channel's (x = columns,
 * y = rows); the dense local field is re-created from the block vectors by {@link LocalField}.
 */
public record RegistrationResult(int referenceChannel, int height, int width, List<ChannelShift> channels) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RegistrationResult {
        channels = List.copyOf(channels);
    }

    public ChannelShift channel(int c) {
        return channels.get(c);
    }

    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("reference_channel", referenceChannel);
        root.put("height", height);
        root.put("width", width);
        ArrayNode arr = root.putArray("channels");
        for (ChannelShift c : channels) {
            ObjectNode o = arr.addObject();
            o.put("channel", c.channel());
            o.put("dx_px", c.dx());
            o.put("dy_px", c.dy());
            o.put("similarity", c.similarity());
            if (c.field() != null) {
                LocalField f = c.field();
                ObjectNode fo = o.putObject("field");
                fo.put("blocks_per_axis", f.blocksPerAxis());
                fo.put("block_height", f.blockHeight());
                fo.put("block_width", f.blockWidth());
                fo.put("smoothing_px", f.smoothingPx());
                ArrayNode bs = fo.putArray("blocks");
                for (BlockVector b : f.blocks()) {
                    ObjectNode bo = bs.addObject();
                    bo.put("row", b.row());
                    bo.put("col", b.col());
                    bo.put("x", b.x());
                    bo.put("y", b.y());
                    bo.put("dx_px", b.dx());
                    bo.put("dy_px", b.dy());
                    bo.put("similarity", b.similarity());
                    bo.put("accepted", b.accepted());
                }
            }
        }
        return root;
    }

    public static RegistrationResult fromJson(JsonNode root) {
        JsonNode arr = root.path("channels");
        if (!arr.isArray() || arr.size() < 2 || !root.path("height").isInt() || !root.path("width").isInt()) {
            throw new IllegalArgumentException("registration JSON needs height, width and at least 2 \"channels\"");
        }
        List<ChannelShift> list = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode c = arr.get(i);
            if (c.path("channel").asInt(-1) != i || !c.path("dx_px").isNumber() || !c.path("dy_px").isNumber()) {
                throw new IllegalArgumentException("registration JSON channel entry " + i + " needs channel=" + i
                        + " and numeric dx_px, dy_px, got " + c);
            }
            LocalField field = null;
            JsonNode f = c.path("field");
            if (f.isObject()) {
                List<BlockVector> blocks = new ArrayList<>();
                for (JsonNode b : f.path("blocks")) {
                    blocks.add(new BlockVector(b.path("row").asInt(), b.path("col").asInt(), b.path("x").asDouble(),
                            b.path("y").asDouble(), b.path("dx_px").asDouble(), b.path("dy_px").asDouble(),
                            b.path("similarity").asDouble(), b.path("accepted").asBoolean()));
                }
                field = new LocalField(f.path("blocks_per_axis").asInt(), f.path("block_height").asInt(),
                        f.path("block_width").asInt(), f.path("smoothing_px").asDouble(), c.get("dx_px").asDouble(),
                        c.get("dy_px").asDouble(), blocks);
            }
            list.add(new ChannelShift(i, c.get("dx_px").asDouble(), c.get("dy_px").asDouble(),
                    c.path("similarity").asDouble(), field));
        }
        return new RegistrationResult(root.path("reference_channel").asInt(), root.get("height").asInt(),
                root.get("width").asInt(), list);
    }

    /** Writes the JSON atomically (temporary name, then move). */
    public void write(Path file) {
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()), StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is what matters
            }
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static RegistrationResult read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("registration file not found: " + file);
        }
        try {
            return fromJson(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // a user's file that is not the JSON register-estimate writes: bad input, not a runtime failure
            throw new IllegalArgumentException("registration " + file + " is not valid JSON (as written by "
                    + "'process register-estimate'): " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read registration " + file, e);
        }
    }
}
