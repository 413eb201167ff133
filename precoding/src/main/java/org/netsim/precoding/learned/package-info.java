/**
 * Learned precoders on DJL (the only package of the project that imports {@code ai.djl}).
 *
 * <p><b>Engine.</b> DJL 0.32 with PyTorch 2.5.1; the CPU natives are a runtime dependency of this module, so
 * the engine loads offline ({@link org.netsim.precoding.learned.LearnedEngine}: it sets {@code ai.djl.offline=true}
 * unless the caller set it). The first load in a fresh cache extracts the natives (about 440 MB) into
 * {@code ~/.djl.ai/pytorch/}, or into {@code $DJL_CACHE_DIR/pytorch/} when the system property or environment
 * variable {@code DJL_CACHE_DIR} is set. {@code mvn -Pgpu} bundles the CUDA 12.4 natives instead; devices are
 * chosen by {@link org.netsim.precoding.learned.DeviceChoice} ({@code auto}, {@code cpu}, {@code gpu}). Tests that
 * need the engine skip themselves, with the reason, when it cannot load.
 *
 * <p><b>Complex numbers.</b> One representation for every learned model: {@link
 * org.netsim.precoding.learned.ComplexTensor}, a pair of real arrays (re, im), because DJL's PyTorch engine does
 * not propagate gradients through {@code complex()} / {@code toType()} and its {@code zeros}/{@code ones} ignore
 * COMPLEX64. Trainable parameters are real arrays; gradients are tested against finite differences.
 *
 * <p><b>Models on disk.</b> A model is a directory with {@code parameters.djl} (DJL's block parameter encoding)
 * and {@code card.json} ({@link org.netsim.precoding.learned.ModelCard}: kind, architecture and hyperparameters,
 * training scenario and exact command, seed, units, project version, validation scores, accepted dimensions,
 * parameters hash). {@link org.netsim.precoding.learned.ModelFiles} encodes and reads them; writing is the
 * caller's (this module does no file output). Shipped models are class-path resources under
 * {@code org/netsim/precoding/learned/}.
 *
 * <p><b>Training.</b> Hand-written loops over DJL blocks (a child {@code NDManager} per mini-batch, an
 * {@code NDScope} per optimiser update, so memory stays flat), {@link org.netsim.precoding.learned.RmsProp} and the
 * paper initialisation {@link org.netsim.precoding.learned.TruncatedNormalInitializer}. PyTorch allows one
 * gradient collector at a time per JVM: train one model at a time.
 *
 * <p>Models: {@link org.netsim.precoding.learned.sun} (Sun et al., DNN approximation of WMMSE power control).
 */
package org.netsim.precoding.learned;
