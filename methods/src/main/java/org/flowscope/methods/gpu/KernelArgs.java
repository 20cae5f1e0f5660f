package org.flowscope.methods.gpu;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/** The components of a {@link GpuKernel} record, read in signature order for the backend binders. */
final class KernelArgs {
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                // the records are package-private in their operation's package; the binder lives here
                accessors[i].setAccessible(true);
            }
            return accessors;
        }
    };

    private KernelArgs() {
    }

    /** The kernel name a {@link GpuKernel} record is bound to. */
    static String kernelName(Class<? extends Record> type) {
        GpuKernel k = type.getAnnotation(GpuKernel.class);
        if (k == null) {
            throw new IllegalArgumentException("kernel argument records must be annotated @GpuKernel: " + type.getName());
        }
        return k.value();
    }

    /** The argument values in signature order; a null argument is refused, naming it. */
    static Object[] values(Record args) {
        Class<? extends Record> type = args.getClass();
        kernelName(type);
        Method[] accessors = ACCESSORS.get(type);
        Object[] values = new Object[accessors.length];
        for (int i = 0; i < accessors.length; i++) {
            try {
                values[i] = accessors[i].invoke(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read argument " + accessors[i].getName() + " of " + type.getName(), e);
            }
            if (values[i] == null) {
                throw new IllegalArgumentException("kernel argument '" + accessors[i].getName() + "' of "
                        + type.getSimpleName() + " must not be null");
            }
        }
        return values;
    }

    static IllegalArgumentException unsupported(Record args, int index, Object value) {
        String name = args.getClass().getRecordComponents()[index].getName();
        return new IllegalArgumentException("kernel argument '" + name + "' of " + args.getClass().getSimpleName()
                + " has unsupported type " + value.getClass().getName() + " (buffer handle, int, float or double)");
    }
}
