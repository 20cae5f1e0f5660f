package org.flowscope.engine.device;

/**
 * One kernel compilation or module load on a device, timed apart from any run.
 *
 * @param resource  the source or PTX resource
 * @param options   build options (empty for PTX)
 * @param nanos     how long the build or load took
 */
public record KernelBuild(String resource, String options, long nanos) {
}
