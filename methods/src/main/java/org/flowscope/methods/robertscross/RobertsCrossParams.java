package org.flowscope.methods.robertscross;

/** Roberts cross has no parameters; this record exists so that the operation fits the engine's SPI. */
public record RobertsCrossParams() {
    public static final RobertsCrossParams DEFAULT = new RobertsCrossParams();
}
