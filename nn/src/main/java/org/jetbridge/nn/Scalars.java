package org.jetbridge.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multiplication by a constant that is safe under autograd. Use it instead of DJL's {@code mul(Number)} on any array
 * a gradient flows through: DJL wraps the number in a tensor over a Java direct buffer ({@code torch_from_blob}) and
 * closes it right after the op, but libtorch's {@code MulBackward} keeps that tensor for the backward pass, so a
 * garbage collection between forward and backward frees the memory the backward then reads as the scale
 * (random non-finite gradients; ml-runtime.md). The constant here is allocated by libtorch, which reference-counts it.
 */
public final class Scalars {

    private Scalars() {}

    /** x · c, as a new array of x's manager; differentiable in x. */
    public static NDArray times(NDArray x, float c) {
        try (NDArray k = x.getManager().full(new Shape(), c, x.getDataType())) {
            return x.mul(k);
        }
    }
}
