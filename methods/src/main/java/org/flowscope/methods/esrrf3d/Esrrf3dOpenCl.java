package org.flowscope.methods.esrrf3d;

import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clReleaseMemObject;

import java.util.ArrayList;
import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.engine.spi.Availability;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.esrrf3d.Esrrf3dKernels.Finish;
import org.flowscope.methods.esrrf3d.Esrrf3dKernels.Magnify;
import org.flowscope.methods.esrrf3d.Esrrf3dKernels.Prepare;
import org.flowscope.methods.esrrf3d.Esrrf3dKernels.Rgc;
import org.flowscope.methods.esrrf3d.Esrrf3dKernels.Tables;
import org.flowscope.methods.gpu.Gpu;
import org.flowscope.methods.gpu.OpenClKernelArgs;
import org.jocl.Pointer;
import org.jocl.cl_context;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * eSRRF 3-D fused on an OpenCL device ({@code esrrf3d.cl}): per chunk of frames, one kernel computes the intensity and
 * gradients of every input voxel, a second magnifies them onto the output grid, a third computes RGC and intensity
 * weighting for every output voxel over all frames of the chunk and folds them into the Welford sums, which stay on the
 * device until the time point ends; only the reduced volume leaves it (the macro-pixel correction then runs on the
 * host). Chunk length comes from the device's memory before launch ({@link Esrrf3dChunks}). Needs double precision
 * (cl_khr_fp64). Same operations as the Java reference, in the same order; within 1e-4 of its largest value.
 */
public final class Esrrf3dOpenCl implements Implementation<Esrrf3dParams, VolumeStack, VolumeStack> {
    private static final ImplementationInfo INFO = new ImplementationInfo("esrrf3d.opencl", Esrrf3d.class,
            Backend.OPENCL, Precision.MIXED, "eSRRF 3-D fused on an OpenCL device (gradients, magnification, RGC and "
                    + "temporal sums on the device)");
    private static final String SOURCE = "esrrf3d.cl";
    private static final long[] LOCAL = {16, 8, 1};

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public Availability availability(Device device) {
        if (!(device instanceof OpenClDevice ocl)) {
            return Availability.unavailable("not an OpenCL device: " + device.identity().label());
        }
        if (!Gpu.doublePrecision(ocl)) {
            return Availability.unavailable("device lacks cl_khr_fp64, needed for the interpolation and temporal sums");
        }
        return Availability.ok();
    }

    @Override
    public VolumeStack run(Esrrf3dParams p, VolumeStack in, ExecutionContext context) {
        OpenClDevice dev = context.device(OpenClDevice.class);
        new Esrrf3d().validate(p, in);
        Esrrf3dPlan plan = new Esrrf3dPlan(p, in.slices(), in.height(), in.width());
        int frames = in.timePoints();
        int block = p.blockLength(frames);
        int chunk = Esrrf3dChunks.framesPerChunk(plan, block, dev.globalMemBytes(), dev.maxAllocBytes());
        int timePoints = p.timePoints(frames);
        int v = plan.voxels();
        float[] out = new float[timePoints * v];
        cl_kernel prepare = OpenClKernelArgs.kernel(dev, Esrrf3dOpenCl.class, SOURCE, Prepare.class);
        cl_kernel magnify = OpenClKernelArgs.kernel(dev, Esrrf3dOpenCl.class, SOURCE, Magnify.class);
        cl_kernel rgc = OpenClKernelArgs.kernel(dev, Esrrf3dOpenCl.class, SOURCE, Rgc.class);
        cl_kernel finish = OpenClKernelArgs.kernel(dev, Esrrf3dOpenCl.class, SOURCE, Finish.class);
        List<cl_mem> buffers = new ArrayList<>();
        synchronized (dev.lock()) {
            try {
                cl_context ctx = dev.context();
                cl_mem framesBuf = alloc(ctx, buffers, 4L * chunk * plan.inputVoxels());
                cl_mem vol = alloc(ctx, buffers, 16L * chunk * plan.inputVoxels());
                cl_mem mag = alloc(ctx, buffers, 16L * chunk * v);
                cl_mem mean = alloc(ctx, buffers, 8L * v);
                cl_mem m2 = alloc(ctx, buffers, 8L * v);
                cl_mem result = alloc(ctx, buffers, 4L * v);
                Tables<cl_mem> tables = Tables.upload(plan, uploader(ctx, buffers));
                for (int b = 0; b < timePoints; b++) {
                    int from = b * block;
                    int to = Math.min(from + block, frames);
                    for (int t = from; t < to; t += chunk) {
                        int n = Math.min(chunk, to - t);
                        clEnqueueWriteBuffer(dev.queue(), framesBuf, CL_TRUE, 0, 4L * n * in.volumeSize(),
                                Pointer.to(in.data()).withByteOffset(4L * in.offset(t)), 0, null, null);
                        OpenClKernelArgs.bind(prepare, Prepare.of(framesBuf, vol, n, plan));
                        launch(dev, prepare, plan.w, plan.h, (long) plan.z * n);
                        OpenClKernelArgs.bind(magnify, Magnify.of(vol, mag, n, plan, tables));
                        launch(dev, magnify, plan.wm, plan.hm, (long) plan.zm * n);
                        OpenClKernelArgs.bind(rgc, Rgc.of(mag, n, t - from, plan, tables, mean, m2));
                        launch(dev, rgc, plan.wm, plan.hm, plan.zm);
                    }
                    OpenClKernelArgs.bind(finish, Finish.of(mean, m2, v, to - from, p.temporal(), result));
                    clEnqueueNDRangeKernel(dev.queue(), finish, 1, null, new long[] {Gpu.roundUp(v, 256)},
                            new long[] {256}, 0, null, null);
                    clEnqueueReadBuffer(dev.queue(), result, CL_TRUE, 0, 4L * v,
                            Pointer.to(out).withByteOffset(4L * b * v), 0, null, null);
                }
                clFinish(dev.queue());
            } finally {
                buffers.forEach(m -> clReleaseMemObject(m));
            }
        }
        if (p.macroPixelCorrection()) {
            for (int b = 0; b < timePoints; b++) {
                MacroPixels.correct(out, b * v, plan.hm, plan.wm, plan.mxy, 0, plan.zm);
            }
        }
        return new VolumeStack(new ImageStack(timePoints * plan.zm, plan.hm, plan.wm, out), plan.zm);
    }

    private static void launch(OpenClDevice dev, cl_kernel k, long x, long y, long z) {
        clEnqueueNDRangeKernel(dev.queue(), k, 3, null,
                new long[] {Gpu.roundUp(x, LOCAL[0]), Gpu.roundUp(y, LOCAL[1]), z}, LOCAL, 0, null, null);
    }

    private static cl_mem alloc(cl_context ctx, List<cl_mem> owned, long bytes) {
        cl_mem m = clCreateBuffer(ctx, CL_MEM_READ_WRITE, Math.max(bytes, 4), null, null);
        owned.add(m);
        return m;
    }

    private static Esrrf3dKernels.Uploader<cl_mem> uploader(cl_context ctx, List<cl_mem> owned) {
        return new Esrrf3dKernels.Uploader<>() {
            @Override
            public cl_mem ints(int[] values) {
                return upload(ctx, owned, Pointer.to(values), 4L * values.length);
            }

            @Override
            public cl_mem floats(float[] values) {
                return upload(ctx, owned, Pointer.to(values), 4L * values.length);
            }

            @Override
            public cl_mem doubles(double[] values) {
                return upload(ctx, owned, Pointer.to(values), 8L * values.length);
            }
        };
    }

    private static cl_mem upload(cl_context ctx, List<cl_mem> owned, Pointer host, long bytes) {
        // every table holds at least one value (a plan has at least one voxel and one sample slot per axis)
        cl_mem m = clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, bytes, host, null);
        owned.add(m);
        return m;
    }
}
