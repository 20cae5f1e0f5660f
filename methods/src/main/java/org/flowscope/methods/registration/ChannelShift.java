package org.flowscope.methods.registration;

/**
 * How far one channel's content sits from the reference channel's.
 *
 * @param channel    channel index
 * @param dx         global displacement along x (columns), pixels
 * @param dy         global displacement along y (rows), pixels
 * @param similarity global correlation peak, Pearson units (1 for the reference channel)
 * @param field      the local displacement field, or null when only the global translation was estimated
 */
public record ChannelShift(int channel, double dx, double dy, double similarity, LocalField field) {
}
