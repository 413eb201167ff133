package org.netsim.precoding.linalg;

/**
 * A matrix decomposition failed (a Cholesky factor of a matrix that is not positive definite, a singular LU
 * factor, a non-converged eigen solver). Unchecked: precoders either handle it (falling back to a safer path) or
 * let it reach the caller, whose message then says which decomposition of which matrix failed.
 */
public class DecompositionException extends ArithmeticException {

    public DecompositionException(String message) {
        super(message);
    }
}
