/**
 * The complex linear-algebra facade on EJML: checked Cholesky and LU solves, log-determinants and products
 * ({@link org.netsim.precoding.linalg.ComplexOps}), and what EJML lacks for complex matrices: the Hermitian
 * eigendecomposition ({@link org.netsim.precoding.linalg.HermitianEigen}, through the real-symmetric embedding),
 * SVD ({@link org.netsim.precoding.linalg.ComplexSvd}) and pseudo-inverse. A failed decomposition throws
 * {@link org.netsim.precoding.linalg.DecompositionException}.
 */
package org.netsim.precoding.linalg;
