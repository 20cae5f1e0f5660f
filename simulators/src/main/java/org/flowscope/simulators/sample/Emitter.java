package org.flowscope.simulators.sample;

/**
 * A fluorescent emitter in sample coordinates (before drift), in continuous pixel units of the camera: pixel
 * {@code k} spans [k, k+1), so the centre of pixel k is k + 0.5. Row {@code y} grows downwards.
 *
 * @param id      0-based index
 * @param x       column coordinate, px
 * @param y       row coordinate, px
 * @param photons photons emitted per frame while on
 */
public record Emitter(int id, double x, double y, double photons) {
}
